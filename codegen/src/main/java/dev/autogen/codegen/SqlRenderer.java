package dev.autogen.codegen;

import dev.autogen.diff.MigrationPlan;
import java.util.List;

/**
 * Turns a migration plan into SQL for one database dialect. The renderer owns every SQL decision
 * (quoting, names of unnamed constraints, statement order inside one change); layouts and reports
 * only arrange its output (DESIGN.md, Codegen).
 */
public interface SqlRenderer {

  /**
   * @param plan the plan, never null
   * @return one {@link Statement} per change of the plan, in plan order, each with the plan's
   *     diagnostics on that change
   * @throws IllegalArgumentException when a change cannot be expressed in this dialect
   */
  List<Statement> render(MigrationPlan plan);
}
