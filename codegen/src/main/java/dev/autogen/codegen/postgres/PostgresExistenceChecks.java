package dev.autogen.codegen.postgres;

import dev.autogen.diff.Change;
import dev.autogen.model.QualifiedName;
import java.util.Optional;

/**
 * Queries that tell whether an object a change drops still exists: what a changelog's precondition runs
 * before a drop ({@code sqlCheck} with expected result {@code 1}). They read the information schema
 * (PostgreSQL "37.54. columns", "37.56. tables"), which compares names exactly as stored, so a quoted
 * mixed-case or otherwise unusual name is checked as it is, not folded; names enter as string constants
 * ({@link PostgresLiterals}).
 */
public final class PostgresExistenceChecks {

  private PostgresExistenceChecks() {}

  /**
   * What a check guards and the query that checks it.
   *
   * @param object the object, e.g. {@code column public.customer.full_name}, for messages
   * @param sql a query returning one row with one count: 1 while the object exists, 0 once it is gone
   */
  public record Check(String object, String sql) {}

  /**
   * @param change a change of an online plan's contract step, never null
   * @return the check of the object the step removes: a dropped table ({@link Change.DropTable}) or column
   *     ({@link Change.DropColumn}), and for a column renamed by expand and contract ({@link
   *     Change.RenameColumn}) its old column, which the contract drops; empty for any other change
   */
  public static Optional<Check> ofRemoved(Change change) {
    if (change instanceof Change.RenameColumn rename) {
      return Optional.of(column(rename.table(), rename.from()));
    }
    if (change instanceof Change.DropTable drop) {
      return Optional.of(new Check("table " + drop.schema() + "." + drop.table().name(),
          "select count(*) from information_schema.tables where table_schema = " + PostgresLiterals.string(drop.schema())
              + " and table_name = " + PostgresLiterals.string(drop.table().name())));
    }
    if (change instanceof Change.DropColumn drop) {
      return Optional.of(column(drop.table(), drop.dropped().name()));
    }
    return Optional.empty();
  }

  private static Check column(QualifiedName table, String column) {
    return new Check("column " + table.schema() + "." + table.name() + "." + column,
        "select count(*) from information_schema.columns where table_schema = " + PostgresLiterals.string(table.schema())
            + " and table_name = " + PostgresLiterals.string(table.name())
            + " and column_name = " + PostgresLiterals.string(column));
  }
}
