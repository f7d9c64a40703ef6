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
 */
public record Schema(String name, List<Table> tables, List<Sequence> sequences, List<EnumType> enums)
    implements java.io.Serializable {

  /** @throws NullPointerException when an argument is null */
  public Schema {
    Objects.requireNonNull(name, "name");
    tables = List.copyOf(tables);
    sequences = List.copyOf(sequences);
    enums = List.copyOf(enums);
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
