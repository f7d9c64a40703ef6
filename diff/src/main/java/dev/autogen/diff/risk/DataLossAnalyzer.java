package dev.autogen.diff.risk;

import dev.autogen.diff.Change;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.Hazard;
import java.util.List;

/**
 * {@link Hazard#DATA_LOSS}: dropping a table or column, narrowing a column type, dropping enum labels.
 */
final class DataLossAnalyzer implements RiskAnalyzer {

  @Override
  public List<Diagnostic> analyze(Change change, PlanContext plan) {
    if (change instanceof Change.DropTable) {
      return List.of(loss(change, "drops table " + Names.of(change) + " and every row in it",
          "back the table up first, or keep it and remove it in a later release"));
    }
    if (change instanceof Change.DropColumn) {
      return List.of(loss(change, "drops column " + Names.of(change) + " and every value in it",
          "if this is a rename, confirm it with --rename; else copy the values elsewhere first"));
    }
    if (change instanceof Change.AlterColumn a
        && a.aspects().contains(Change.Aspect.TYPE)
        && plan.dialect().isNarrowing(a.from().type(), a.to().type())) {
      return List.of(loss(change, "narrows " + Names.of(change) + " from " + a.from().type().sql() + " to "
              + a.to().type().sql() + ": values that do not fit make the migration fail or are cut",
          "check that every stored value fits " + a.to().type().sql() + " before applying"));
    }
    if (change instanceof Change.AlterEnum e && !e.to().values().containsAll(e.from().values())) {
      List<String> removed = e.from().values().stream().filter(v -> !e.to().values().contains(v)).toList();
      return List.of(loss(change, "removes labels " + removed + " from enum " + Names.of(change),
          "update rows that use those labels first"));
    }
    return List.of();
  }

  private static Diagnostic loss(Change change, String message, String remedy) {
    return new Diagnostic(Hazard.DATA_LOSS, Hazard.DATA_LOSS.risk(), change, message, remedy);
  }
}
