package dev.autogen.diff.rename;

import dev.autogen.model.Column;
import java.util.Set;

/**
 * One side of a column rename candidate: the dropped column as the database has it, or the added
 * column as the entities have it.
 *
 * @param column the column, never null
 * @param position its 0-based place among its table's columns (the model keeps catalog order), or
 *     -1 when the table's columns are not known
 * @param columnCount how many columns its table has, or 0 when not known
 * @param roles what the column takes part in ({@link ColumnRoles}), never null
 */
record ColumnSide(Column column, int position, int columnCount, Set<String> roles) {

  ColumnSide {
    roles = Set.copyOf(roles);
  }

  /** @return whether the column's place in its table is known */
  boolean placed() {
    return position >= 0 && columnCount > 0;
  }
}
