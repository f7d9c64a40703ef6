package dev.autogen.codegen;

import dev.autogen.diff.Change;
import dev.autogen.diff.MigrationPlan;
import java.util.List;
import java.util.Optional;

/**
 * Turns a migration plan into SQL for one database dialect. The renderer owns every SQL decision
 * (quoting, names of unnamed constraints, statement order inside one change); layouts and reports
 * only arrange its output (DESIGN.md, Codegen).
 */
public interface SqlRenderer {

  /**
   * @param plan the plan, never null
   * @return one {@link Statement} per change of the plan, in plan order, each with the plan's
   *     diagnostics on that change and {@link #objectName(Change)} as its {@link Statement#name()}
   * @throws IllegalArgumentException when a change cannot be expressed in this dialect
   */
  List<Statement> render(MigrationPlan plan);

  /**
   * The name this renderer's statements give the object a change creates, drops or alters, when that
   * object is not a table or a column. A key, constraint or index the model leaves unnamed (Hibernate
   * leaves primary keys and unnamed unique and check constraints unnamed) still gets a name in SQL,
   * derived by the dialect; this is that name, so reports can show what the SQL names.
   *
   * @param change a change, never null
   * @return for a key, constraint or index change: the model's name, or the dialect's name for an
   *     unnamed one; for a sequence, enum type or view change: its name; unquoted. Empty for table and
   *     column changes
   */
  Optional<String> objectName(Change change);
}
