package dev.autogen.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A schema-qualified object name, spelled exactly as the catalog stores it (after the dialect's
 * folding rules were applied once, on input).
 *
 * @param schema the schema name, never null
 * @param name the object name inside that schema, never null
 */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName>, java.io.Serializable {

  private static final Comparator<QualifiedName> ORDER =
      Comparator.comparing(QualifiedName::schema).thenComparing(QualifiedName::name);

  /**
   * @throws NullPointerException when either part is null
   */
  public QualifiedName {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public int compareTo(QualifiedName other) {
    return ORDER.compare(this, other);
  }

  /** @return {@code schema.name}, unquoted; for messages only, never for SQL */
  @Override
  public String toString() {
    return schema + "." + name;
  }
}
