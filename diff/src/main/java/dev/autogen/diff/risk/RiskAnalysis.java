package dev.autogen.diff.risk;

import dev.autogen.diff.Change;
import dev.autogen.diff.Diagnostic;
import dev.autogen.model.Dialect;
import java.util.ArrayList;
import java.util.List;

/** Runs every analyzer over a plan's changes and collects their hazards in change order. */
public final class RiskAnalysis {

  private final Dialect dialect;
  private final List<RiskAnalyzer> analyzers;

  /** @param dialect the dialect whose type knowledge the analyzers use, never null */
  public RiskAnalysis(Dialect dialect) {
    this(dialect, List.of(
        new DataLossAnalyzer(),
        new SuspectedRenameAnalyzer(),
        new NotNullAnalyzer(),
        new DataDependentAnalyzer(),
        new RewriteAndLockAnalyzer(),
        new IndexBuildAnalyzer(),
        new BackwardCompatibilityAnalyzer()));
  }

  /**
   * @param dialect the dialect
   * @param analyzers the analyzers to run, in report order
   */
  public RiskAnalysis(Dialect dialect, List<RiskAnalyzer> analyzers) {
    this.dialect = dialect;
    this.analyzers = List.copyOf(analyzers);
  }

  /**
   * @param ordered the plan's changes in execution order
   * @return all hazards found, grouped by change in plan order
   */
  public List<Diagnostic> analyze(List<Change> ordered) {
    PlanContext context = PlanContext.of(dialect, ordered);
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Change change : ordered) {
      for (RiskAnalyzer analyzer : analyzers) {
        diagnostics.addAll(analyzer.analyze(change, context));
      }
    }
    return diagnostics;
  }
}
