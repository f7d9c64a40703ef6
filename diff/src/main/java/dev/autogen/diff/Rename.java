package dev.autogen.diff;

import dev.autogen.model.QualifiedName;

/**
 * A confirmed rename, resolved against the catalogs.
 *
 * @param table the table as it is named now
 * @param column the column as it is named now, or null for a table rename
 * @param to the new name of the column, or of the table
 */
record Rename(QualifiedName table, String column, String to) {

  /** @return whether this renames a column rather than a table */
  boolean isColumn() {
    return column != null;
  }
}
