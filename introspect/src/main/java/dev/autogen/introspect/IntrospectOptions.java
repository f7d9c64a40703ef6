package dev.autogen.introspect;

import dev.autogen.model.TableFilter;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What part of a live catalog to read.
 *
 * <p>Table patterns are globs ({@code *}, {@code ?}, {@code [a-z]}, {@code \} escapes), optionally
 * schema-qualified ({@code app.order_*}); the syntax is {@link TableFilter}'s, the one filter that both
 * the catalog read here and the entities' catalog pass.
 *
 * @param schemas the schemas to read, in no particular order; empty means {@code public}; null is
 *     treated as empty; duplicates are removed
 * @param includeTables glob patterns of the tables to read; empty (or null) means every table
 * @param excludeTables glob patterns of the tables to skip; an exclusion wins over an inclusion; null
 *     is treated as empty
 */
public record IntrospectOptions(List<String> schemas, List<String> includeTables, List<String> excludeTables) {

  /** The schema read when none is given: PostgreSQL's default schema ("5.9.2. The Public Schema"). */
  public static final String DEFAULT_SCHEMA = "public";

  /** @throws NullPointerException when a list contains null */
  public IntrospectOptions {
    schemas = schemas == null ? List.of() : List.copyOf(new LinkedHashSet<>(schemas));
    includeTables = includeTables == null ? List.of() : List.copyOf(includeTables);
    excludeTables = excludeTables == null ? List.of() : List.copyOf(excludeTables);
  }

  /** @return the schema {@code public}, every table in it */
  public static IntrospectOptions defaults() {
    return new IntrospectOptions(List.of(), List.of(), List.of());
  }

  /** @return the schemas to read: {@link #schemas()}, or {@code [public]} when that is empty */
  public List<String> effectiveSchemas() {
    return schemas.isEmpty() ? List.of(DEFAULT_SCHEMA) : schemas;
  }

  /**
   * @return the filter that the include and exclude patterns describe
   * @throws IllegalArgumentException when a pattern is not a valid glob ({@link TableFilter#of})
   */
  public TableFilter tableFilter() {
    return TableFilter.of(includeTables, excludeTables);
  }
}
