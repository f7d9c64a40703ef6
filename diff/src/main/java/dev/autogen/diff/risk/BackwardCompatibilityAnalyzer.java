package dev.autogen.diff.risk;

import dev.autogen.diff.Change;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.Hazard;
import java.util.List;

/**
 * {@link Hazard#BACKWARD_INCOMPATIBLE}: the running (old) application still uses the old names, so
 * renames and drops break it between the migration and the deployment of the new version; so does a
 * column made generated, which it may still write.
 */
final class BackwardCompatibilityAnalyzer implements RiskAnalyzer {

  @Override
  public List<Diagnostic> analyze(Change change, PlanContext plan) {
    String what = null;
    if (change instanceof Change.RenameTable r) {
      what = "renames table " + r.from() + " to " + r.to();
    } else if (change instanceof Change.RenameColumn r) {
      what = "renames column " + r.table() + "." + r.from() + " to " + r.to();
    } else if (change instanceof Change.DropTable || change instanceof Change.DropColumn) {
      what = "drops " + Names.of(change);
    } else if (change instanceof Change.AlterColumn a && a.changesGeneration()
        && a.from().generated() == null) {
      return List.of(new Diagnostic(Hazard.BACKWARD_INCOMPATIBLE, Hazard.BACKWARD_INCOMPATIBLE.risk(), change,
          "makes " + Names.of(change) + " a generated column: inserts and updates of the running application"
              + " that write a value to it fail (PostgreSQL accepts only DEFAULT there)",
          "deploy the application that no longer writes the column first"));
    }
    if (what == null) {
      return List.of();
    }
    return List.of(new Diagnostic(Hazard.BACKWARD_INCOMPATIBLE, Hazard.BACKWARD_INCOMPATIBLE.risk(), change,
        what + ": the running application version still uses the old name",
        "deploy the application that no longer uses it first, or split into expand and contract migrations"));
  }
}
