package dev.autogen.codegen.postgres.online;

import java.util.List;
import java.util.Objects;

/**
 * One piece of a change in an online plan: statements that run in one {@link Stage}, and the
 * statements that undo exactly them (run by that stage's undo migration).
 *
 * @param stage where the statements run, never null
 * @param sql the statements, without semicolons, never null or empty
 * @param reverseSql the statements that undo them, possibly none, never null
 * @param inTransaction whether the statements may run inside the transaction of a transactional
 *     step; false for statements that must run and commit on their own (the plain renderer's {@link
 *     dev.autogen.codegen.Statement#transactional()} false, e.g. {@code ALTER TYPE ... ADD VALUE}
 *     whose labels later statements use), which then get a migration of their own
 */
public record StepSql(Stage stage, List<String> sql, List<String> reverseSql, boolean inTransaction) {

  /**
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when sql is empty
   */
  public StepSql {
    Objects.requireNonNull(stage, "stage");
    sql = List.copyOf(sql);
    reverseSql = List.copyOf(reverseSql);
    if (sql.isEmpty()) {
      throw new IllegalArgumentException("a step of an online plan has at least one statement");
    }
  }

  /**
   * Statements that may run inside a transaction.
   *
   * @param stage where the statements run, never null
   * @param sql the statements, never null or empty
   * @param reverseSql the statements that undo them, never null
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when sql is empty
   */
  public StepSql(Stage stage, List<String> sql, List<String> reverseSql) {
    this(stage, sql, reverseSql, true);
  }
}
