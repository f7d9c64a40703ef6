package dev.autogen.model;

import java.util.Collection;
import java.util.Map;

/**
 * Turns free-form column definitions (JPA's {@code @Column(columnDefinition = "...")}, which Hibernate
 * writes into its DDL verbatim after the column name) into what a database makes of them. The answer
 * comes from the database itself (e.g. a temporary table on a dev database, read back from the
 * catalog), never from comparing strings: {@code "varchar(20) default 'x' not null"} and {@code
 * "character varying(20) NOT NULL DEFAULT 'x'::text"} resolve to the same thing.
 */
public interface ColumnDefinitionResolver {

  /**
   * @param definitions column definitions exactly as the entities spell them (type, and possibly
   *     constraints such as {@code not null}, {@code default ...}, {@code generated always as (...)
   *     stored}, {@code collate ...}), never null
   * @return what each definition means, keyed by the definition as given; every definition is a key
   * @throws SchemaSourceException when a definition is not valid SQL for the database (the message
   *     names the definition and the database's reason, in one line) or the database cannot be reached
   */
  Map<String, ResolvedColumnDefinition> resolve(Collection<String> definitions);

  /**
   * What a database made of one column definition.
   *
   * @param type the canonical type, never null
   * @param notNull whether the definition itself says NOT NULL (or PRIMARY KEY)
   * @param defaultValue the canonical default it sets, or null
   * @param identity the identity generation it declares, or null
   * @param generated the expression of a stored generated column it declares, or null
   * @param collation the collation it names, or null for the type's default
   */
  record ResolvedColumnDefinition(SqlType type, boolean notNull, DefaultExpr defaultValue, Identity identity,
      String generated, String collation) {

    /** @throws NullPointerException when type is null */
    public ResolvedColumnDefinition {
      java.util.Objects.requireNonNull(type, "type");
    }
  }
}
