package dev.autogen.codegen;

import dev.autogen.diff.Change;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.MigrationPlan;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one {@link Change} becomes in SQL: the statements that apply it, the statements that undo it,
 * the name they give the object the change is on, and the hazards found on it.
 *
 * @param change the change, never null
 * @param name the name the statements give the key, constraint, index, sequence or enum type the
 *     change is on, unquoted ({@link SqlRenderer#objectName(Change)}): the model's name, or the name
 *     the dialect derives for an object the model leaves unnamed; null for table and column changes.
 *     Reports show this name, so that they name exactly what the SQL names
 * @param sql the statements that apply the change, in order, without terminating semicolons; never
 *     null, empty only for a change that needs no statement
 * @param reverseSql the statements of {@link Change#reverse()}, same conventions
 * @param hazards the diagnostics of the plan on this change ({@code MigrationPlan.diagnostics(change)}),
 *     never null
 * @param transactional whether the statements may run inside a transaction (false for statements
 *     such as {@code CREATE INDEX CONCURRENTLY}, which need a migration of their own)
 * @param batches for each statement of {@code sql} that fills a column's rows and may instead run in
 *     batches (a backfill: a {@code DO} loop committing each batch, or one {@code UPDATE} of every row
 *     NULL in the column), the renderer's {@code UPDATE} of one batch, which updates no row once the
 *     column is filled. A layout that runs SQL from a program (a Flyway Java migration) repeats it,
 *     committing after each, instead of running the statement; SQL layouts ignore it. Never null, each
 *     key one of {@code sql}
 */
public record Statement(
    Change change, String name, List<String> sql, List<String> reverseSql, List<Diagnostic> hazards,
    boolean transactional, Map<String, String> batches) {

  /**
   * @throws NullPointerException when an argument other than name is null, or a list holds null
   * @throws IllegalArgumentException when a key of batches is not one of sql
   */
  public Statement {
    Objects.requireNonNull(change, "change");
    sql = List.copyOf(sql);
    reverseSql = List.copyOf(reverseSql);
    hazards = List.copyOf(hazards);
    batches = requireBatchesOf(sql, batches);
  }

  /**
   * A change none of whose statements fills in batches.
   *
   * @param change the change, never null
   * @param name the name of the object, or null
   * @param sql the statements, never null
   * @param reverseSql the reverse statements, never null
   * @param hazards the diagnostics on the change, never null
   * @param transactional whether the statements may run inside a transaction
   * @throws NullPointerException when an argument other than name is null
   */
  public Statement(Change change, String name, List<String> sql, List<String> reverseSql, List<Diagnostic> hazards,
      boolean transactional) {
    this(change, name, sql, reverseSql, hazards, transactional, Map.of());
  }

  /**
   * @param sql statements, never null
   * @param batches batch forms of some of them, never null
   * @return an unmodifiable copy of the batch forms
   * @throws IllegalArgumentException when a key is not one of the statements
   */
  public static Map<String, String> requireBatchesOf(List<String> sql, Map<String, String> batches) {
    Map<String, String> copy = Map.copyOf(batches);
    copy.keySet().stream().filter(k -> !sql.contains(k)).findFirst().ifPresent(k -> {
      throw new IllegalArgumentException("a batch form of a statement that is not one of the change's: " + k);
    });
    return copy;
  }

  /**
   * Checks that statements are a rendering of a plan, as reports and file layouts expect.
   *
   * @param plan the plan, never null
   * @param statements the statements, never null
   * @throws IllegalArgumentException when the statements are not one per change of the plan, in
   *     plan order
   */
  public static void requireRendering(MigrationPlan plan, List<Statement> statements) {
    if (!statements.stream().map(Statement::change).toList().equals(plan.changes())) {
      throw new IllegalArgumentException(
          "the statements must be the plan's changes rendered, one per change, in order: " + statements.size()
              + " statements for " + plan.changes().size() + " changes");
    }
  }

  /**
   * Finds the statement of a change, e.g. to name the object a {@link Diagnostic} is about the way
   * the SQL names it.
   *
   * @param statements a rendering of a plan ({@link #requireRendering}), never null
   * @param change one of the plan's changes, never null
   * @return the first statement rendered for the change
   * @throws IllegalArgumentException when no statement renders the change: the change is not one of
   *     the rendered plan's (a diagnostic on a change outside its plan)
   */
  public static Statement of(List<Statement> statements, Change change) {
    return statements.stream().filter(s -> s.change().equals(change)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no statement renders the change " + change.kind() + " "
            + change.subject() + ": it is not a change of the rendered plan"));
  }
}
