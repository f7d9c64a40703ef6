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
 */
public record Column(
    String name,
    SqlType type,
    boolean nullable,
    DefaultExpr defaultValue,
    Identity identity,
    String comment) implements java.io.Serializable {

  /** @throws NullPointerException when name or type is null */
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /**
   * @param newName the name of the copy
   * @return this column under another name
   */
  public Column withName(String newName) {
    return new Column(newName, type, nullable, defaultValue, identity, comment);
  }
}
