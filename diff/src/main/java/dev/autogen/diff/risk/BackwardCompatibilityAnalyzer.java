package dev.autogen.diff.risk;

import dev.autogen.diff.Change;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.Hazard;
import java.util.List;

/**
 * {@link Hazard#BACKWARD_INCOMPATIBLE}: the running (old) application still uses the old names, so
 * renames and drops break it between the migration and the deployment of the new version.
 */
final class BackwardCompatibilityAnalyzer implements RiskAnalyzer {

  @Override
  public List<Diagnostic> analyze(Change change, PlanContext plan) {
    String what = switch (change.kind()) {
      case "rename_table", "rename_column" -> "renames " + Names.of(change);
      case "drop_table", "drop_column" -> "drops " + Names.of(change);
      default -> null;
    };
    if (what == null) {
      return List.of();
    }
    return List.of(new Diagnostic(Hazard.BACKWARD_INCOMPATIBLE, Hazard.BACKWARD_INCOMPATIBLE.risk(), change,
        what + ": the running application version still uses the old name",
        "deploy the application that no longer uses it first, or split into expand and contract migrations"));
  }
}
