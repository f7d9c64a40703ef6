package dev.autogen.model;

import java.util.List;
import java.util.Objects;

/**
 * A primary key constraint.
 *
 * @param name the constraint name, or null when the source does not name it; never compared
 * @param columns the key columns in key order, never null or empty
 */
public record PrimaryKey(String name, List<String> columns) implements java.io.Serializable {

  /**
   * @throws NullPointerException when columns is null
   * @throws IllegalArgumentException when columns is empty
   */
  public PrimaryKey {
    columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a primary key needs at least one column");
    }
  }
}
