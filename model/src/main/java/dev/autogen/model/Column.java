package dev.autogen.model;

import java.util.Objects;

/**
 * One table column.
 *
 * @param name the column name as stored in the catalog, never null
 * @param type the canonical type, never null
 * @param nullable whether NULL is allowed
 * @param defaultValue the canonical server default, or null when there is none
 * @param identity the identity generation, or null when the column is not an identity column
 * @param comment the column comment, or null when there is none
 * @param generated the expression of a stored generated column ({@code GENERATED ALWAYS AS (expr)
 *     STORED}, PostgreSQL docs §5.4 "Generated Columns") without the surrounding parentheses, as the
 *     source spelled it, or null when the column is not generated; compared after the dialect's
 *     expression normalisation
 * @param collation the column's collation name ({@code COLLATE}, PostgreSQL docs §24.2), or null when
 *     it uses its type's default collation
 */
public record Column(
    String name,
    SqlType type,
    boolean nullable,
    DefaultExpr defaultValue,
    Identity identity,
    String comment,
    String generated,
    String collation) implements java.io.Serializable {

  /** @throws NullPointerException when name or type is null */
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /**
   * A column that is neither generated nor collated differently from its type's default.
   *
   * @param name the column name, never null
   * @param type the canonical type, never null
   * @param nullable whether NULL is allowed
   * @param defaultValue the canonical server default, or null
   * @param identity the identity generation, or null
   * @param comment the column comment, or null
   * @throws NullPointerException when name or type is null
   */
  public Column(String name, SqlType type, boolean nullable, DefaultExpr defaultValue, Identity identity,
      String comment) {
    this(name, type, nullable, defaultValue, identity, comment, null, null);
  }

  /**
   * @param newName the name of the copy
   * @return this column under another name
   */
  public Column withName(String newName) {
    return new Column(newName, type, nullable, defaultValue, identity, comment, generated, collation);
  }
}
