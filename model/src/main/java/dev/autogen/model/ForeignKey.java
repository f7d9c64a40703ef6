package dev.autogen.model;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key constraint. Two foreign keys are the same constraint when their {@link #structure()}
 * is equal; the name is never compared (Hibernate's hashed names never equal hand-written ones).
 *
 * @param name the constraint name, or null when the source does not name it
 * @param columns the referencing columns, in constraint order, never empty
 * @param referencedTable the referenced table, never null
 * @param referencedColumns the referenced columns, same size as {@code columns}
 * @param onDelete the delete action, never null ({@link ReferentialAction#NO_ACTION} by default)
 * @param onUpdate the update action, never null ({@link ReferentialAction#NO_ACTION} by default)
 */
public record ForeignKey(
    String name,
    List<String> columns,
    QualifiedName referencedTable,
    List<String> referencedColumns,
    ReferentialAction onDelete,
    ReferentialAction onUpdate) implements java.io.Serializable {

  /**
   * @throws NullPointerException when any argument but name is null
   * @throws IllegalArgumentException when the column lists are empty or of different sizes
   */
  public ForeignKey {
    columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
    referencedColumns = List.copyOf(Objects.requireNonNull(referencedColumns, "referencedColumns"));
    Objects.requireNonNull(referencedTable, "referencedTable");
    Objects.requireNonNull(onDelete, "onDelete");
    Objects.requireNonNull(onUpdate, "onUpdate");
    if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
      throw new IllegalArgumentException(
          "a foreign key needs as many referenced columns as columns, at least one: " + columns
              + " -> " + referencedColumns);
    }
  }

  /** @return this key without its name: the value by which constraints are matched */
  public ForeignKey structure() {
    return new ForeignKey(null, columns, referencedTable, referencedColumns, onDelete, onUpdate);
  }

  /**
   * @param newName the name of the copy, may be null
   * @return this key under another name
   */
  public ForeignKey withName(String newName) {
    return new ForeignKey(newName, columns, referencedTable, referencedColumns, onDelete, onUpdate);
  }
}
