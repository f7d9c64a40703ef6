package dev.autogen.codegen.postgres.online;

import dev.autogen.codegen.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A change as an online plan runs it: in pieces spread over the {@link MigrationStep}s.
 *
 * @param statement the change with all its statements in the order they run (what reports show),
 *     never null
 * @param parts the pieces, in the order they run, never null or empty
 */
public record PhasedStatement(Statement statement, List<StepSql> parts) {

  /** @throws NullPointerException when an argument is null */
  public PhasedStatement {
    Objects.requireNonNull(statement, "statement");
    parts = List.copyOf(parts);
  }

  /**
   * @param statement a change rendered whole
   * @param stage where all of it runs
   * @return the change as one piece, run outside a transaction when the statement must be ({@link
   *     StepSql#inTransaction()})
   */
  static PhasedStatement whole(Statement statement, Stage stage) {
    return new PhasedStatement(statement,
        List.of(new StepSql(stage, statement.sql(), statement.reverseSql(), statement.transactional(),
            statement.batches())));
  }

  /**
   * @param step a migration of the plan, never null
   * @return whether this change's pieces in that step may run inside its transaction
   */
  public boolean inTransaction(MigrationStep step) {
    return parts(step).stream().allMatch(StepSql::inTransaction);
  }

  /**
   * @param step a migration of the plan
   * @return whether a piece of this change runs in it
   */
  public boolean runsIn(MigrationStep step) {
    return parts.stream().anyMatch(p -> p.stage().step() == step);
  }

  /**
   * @param step a migration of the plan
   * @return this change's pieces that run in it, in stage order
   */
  public List<StepSql> parts(MigrationStep step) {
    return parts.stream().filter(p -> p.stage().step() == step)
        .sorted(Comparator.comparing(StepSql::stage)).toList();
  }

  /**
   * Builds the change's whole statement from its pieces: the statements in stage order, the reverse
   * statements in the opposite order.
   *
   * @param base the change rendered plainly (change, name, hazards), never null
   * @param parts the pieces, never null or empty
   * @return the phased statement; not transactional when a piece runs outside a transaction
   */
  static PhasedStatement of(Statement base, List<StepSql> parts) {
    List<StepSql> ordered = parts.stream().sorted(Comparator.comparing(StepSql::stage)).toList();
    List<String> sql = new ArrayList<>();
    List<String> reverse = new ArrayList<>();
    ordered.forEach(p -> sql.addAll(p.sql()));
    for (int i = ordered.size() - 1; i >= 0; i--) {
      reverse.addAll(ordered.get(i).reverseSql());
    }
    boolean transactional = ordered.stream().allMatch(p -> p.stage().step().transactional());
    return new PhasedStatement(new Statement(base.change(), base.name(), sql, reverse, base.hazards(),
        transactional && base.transactional(), batchesOf(ordered)), ordered);
  }

  /**
   * @param parts pieces of a change, never null
   * @return the batch forms of their statements ({@link StepSql#batches()}), together
   */
  public static java.util.Map<String, String> batchesOf(List<StepSql> parts) {
    java.util.Map<String, String> batches = new java.util.LinkedHashMap<>();
    parts.forEach(p -> batches.putAll(p.batches()));
    return batches;
  }
}
