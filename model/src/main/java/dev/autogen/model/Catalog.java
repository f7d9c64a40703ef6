package dev.autogen.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The schemas of one database that a run compares: what a {@link SchemaSource} reads.
 *
 * @param schemas the schemas, never null; sorted by name on construction
 */
public record Catalog(List<Schema> schemas) implements java.io.Serializable {

  /** @throws NullPointerException when schemas is null */
  public Catalog {
    schemas = schemas.stream().sorted(Comparator.comparing(Schema::name)).toList();
  }

  /**
   * @param schemaName exact schema name
   * @return that schema, or empty
   */
  public Optional<Schema> schema(String schemaName) {
    return schemas.stream().filter(s -> s.name().equals(schemaName)).findFirst();
  }

  /**
   * @param name a schema-qualified table name
   * @return that table, or empty
   */
  public Optional<Table> table(QualifiedName name) {
    return schema(name.schema()).flatMap(s -> s.table(name.name()));
  }

  /** @return the number of tables in all schemas */
  public int tableCount() {
    return schemas.stream().mapToInt(s -> s.tables().size()).sum();
  }
}
