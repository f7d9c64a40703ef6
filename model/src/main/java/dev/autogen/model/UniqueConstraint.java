package dev.autogen.model;

import java.util.List;
import java.util.Objects;

/**
 * A unique constraint (not a unique index: see {@link Index#unique()}).
 *
 * @param name the constraint name, or null when the source does not name it; never compared
 * @param columns the constrained columns in constraint order, never empty
 */
public record UniqueConstraint(String name, List<String> columns) implements java.io.Serializable {

  /**
   * @throws NullPointerException when columns is null
   * @throws IllegalArgumentException when columns is empty
   */
  public UniqueConstraint {
    columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a unique constraint needs at least one column");
    }
  }
}
