package dev.autogen.codegen.postgres.online;

import java.util.List;
import java.util.Map;
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
 * @param batches for each statement of {@code sql} that fills a column's rows in batches (a {@code DO}
 *     loop that commits each batch), the {@code UPDATE} of one batch, which a layout that runs the loop
 *     itself repeats until it updates no row ({@link dev.autogen.codegen.Statement#batches()}); never
 *     null, each key one of {@code sql}
 */
public record StepSql(Stage stage, List<String> sql, List<String> reverseSql, boolean inTransaction,
    Map<String, String> batches) {

  /**
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when sql is empty
   */
  public StepSql {
    Objects.requireNonNull(stage, "stage");
    sql = List.copyOf(sql);
    reverseSql = List.copyOf(reverseSql);
    batches = dev.autogen.codegen.Statement.requireBatchesOf(sql, batches);
    if (sql.isEmpty()) {
      throw new IllegalArgumentException("a step of an online plan has at least one statement");
    }
  }

  /**
   * Statements none of which fills in batches.
   *
   * @param stage where the statements run, never null
   * @param sql the statements, never null or empty
   * @param reverseSql the statements that undo them, never null
   * @param inTransaction see {@link #inTransaction()}
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when sql is empty
   */
  public StepSql(Stage stage, List<String> sql, List<String> reverseSql, boolean inTransaction) {
    this(stage, sql, reverseSql, inTransaction, Map.of());
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
