package dev.autogen.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One schema (namespace) of a database.
 *
 * @param name the schema name, e.g. {@code public}, never null
 * @param tables the tables, never null
 * @param sequences the sequences that are not owned by an identity column, never null
 * @param enums the enumerated types, never null
 * @param domains the domains, which entities never describe, never null
 * @param views the views and materialized views, which entities never describe, never null
 */
public record Schema(String name, List<Table> tables, List<Sequence> sequences, List<EnumType> enums,
    List<Domain> domains, List<View> views) implements java.io.Serializable {

  /** @throws NullPointerException when an argument is null */
  public Schema {
    Objects.requireNonNull(name, "name");
    tables = List.copyOf(tables);
    sequences = List.copyOf(sequences);
    enums = List.copyOf(enums);
    domains = List.copyOf(domains);
    views = List.copyOf(views);
  }

  /**
   * A schema without domains and views, as entities describe one.
   *
   * @param name the schema name, never null
   * @param tables the tables, never null
   * @param sequences the sequences not owned by an identity column, never null
   * @param enums the enumerated types, never null
   * @throws NullPointerException when an argument is null
   */
  public Schema(String name, List<Table> tables, List<Sequence> sequences, List<EnumType> enums) {
    this(name, tables, sequences, enums, List.of(), List.of());
  }

  /**
   * @param schemaName the schema name
   * @return an empty schema of that name
   */
  public static Schema empty(String schemaName) {
    return new Schema(schemaName, List.of(), List.of(), List.of());
  }

  /**
   * @param tableName exact table name
   * @return that table, or empty
   */
  public Optional<Table> table(String tableName) {
    return tables.stream().filter(t -> t.name().equals(tableName)).findFirst();
  }
}
