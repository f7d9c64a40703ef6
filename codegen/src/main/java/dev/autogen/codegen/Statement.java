package dev.autogen.codegen;

import dev.autogen.diff.Change;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.MigrationPlan;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link Change} becomes in SQL: the statements that apply it, the statements that undo it,
 * and the hazards found on it.
 *
 * @param change the change, never null
 * @param sql the statements that apply the change, in order, without terminating semicolons; never
 *     null, empty only for a change that needs no statement
 * @param reverseSql the statements of {@link Change#reverse()}, same conventions
 * @param hazards the diagnostics of the plan on this change ({@code MigrationPlan.diagnostics(change)}),
 *     never null
 * @param transactional whether the statements may run inside a transaction (false for statements
 *     such as {@code CREATE INDEX CONCURRENTLY}, which need a migration of their own)
 */
public record Statement(
    Change change, List<String> sql, List<String> reverseSql, List<Diagnostic> hazards, boolean transactional) {

  /** @throws NullPointerException when an argument is null or a list holds null */
  public Statement {
    Objects.requireNonNull(change, "change");
    sql = List.copyOf(sql);
    reverseSql = List.copyOf(reverseSql);
    hazards = List.copyOf(hazards);
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
}
