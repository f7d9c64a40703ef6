package dev.autogen.diff;

import dev.autogen.model.Dialect;
import java.util.List;
import java.util.Objects;

/**
 * How to compare two catalogs.
 *
 * @param dialect the dialect that answers type and expression questions, never null
 * @param renames confirmed renames as the user wrote them: {@code table.old=new} for a column,
 *     {@code old_table=new_table} for a table, optionally schema-qualified; never null
 */
public record DiffOptions(Dialect dialect, List<String> renames) {

  /** @throws NullPointerException when an argument is null */
  public DiffOptions {
    Objects.requireNonNull(dialect, "dialect");
    renames = List.copyOf(renames);
  }

  /**
   * @param dialect the dialect
   * @return options without renames
   */
  public static DiffOptions of(Dialect dialect) {
    return new DiffOptions(dialect, List.of());
  }
}
