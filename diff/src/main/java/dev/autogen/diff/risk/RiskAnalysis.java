package dev.autogen.diff.risk;

import dev.autogen.diff.Backfill;
import dev.autogen.diff.Change;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.DiffOptions;
import dev.autogen.model.Catalog;
import dev.autogen.model.DataProbe;
import dev.autogen.model.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every analyzer over a plan's changes and collects their hazards in change order. The analyzers
 * judge for one server version and, in live mode, measure with a {@link DataProbe}.
 */
public final class RiskAnalysis {

  private final Dialect dialect;
  private final List<RiskAnalyzer> analyzers;
  private final int serverVersion;
  private final DataProbe probe;

  /**
   * The standard analyzers for an unknown server version ({@link Dialect#LATEST_SERVER_VERSION}),
   * without a probe.
   *
   * @param dialect the dialect whose type knowledge the analyzers use, never null
   */
  public RiskAnalysis(Dialect dialect) {
    this(dialect, Dialect.LATEST_SERVER_VERSION, null);
  }

  /**
   * The standard analyzers.
   *
   * @param dialect the dialect whose type knowledge the analyzers use, never null
   * @param serverVersion the target server's version ({@link DiffOptions#serverVersion()})
   * @param probe the live database's data probe, or null for none ({@link DiffOptions#probe()})
   */
  public RiskAnalysis(Dialect dialect, int serverVersion, DataProbe probe) {
    this(dialect, serverVersion, probe, List.of());
  }

  /**
   * The standard analyzers, knowing the user's backfills.
   *
   * @param dialect the dialect whose type knowledge the analyzers use, never null
   * @param serverVersion the target server's version ({@link DiffOptions#serverVersion()})
   * @param probe the live database's data probe, or null for none ({@link DiffOptions#probe()})
   * @param fills the backfills ({@link DiffOptions#fills()}), never null: a column they fill is not
   *     {@link dev.autogen.diff.Hazard#NOT_NULL_NO_DEFAULT}
   */
  public RiskAnalysis(Dialect dialect, int serverVersion, DataProbe probe, List<Backfill> fills) {
    this(dialect, List.of(
        new DataLossAnalyzer(),
        new SuspectedRenameAnalyzer(),
        new NotNullAnalyzer(fills),
        new DataDependentAnalyzer(),
        new RewriteAndLockAnalyzer(),
        new IndexBuildAnalyzer(),
        new BackwardCompatibilityAnalyzer(),
        new ForeignKeyActionAnalyzer(),
        new DependentObjectAnalyzer(),
        new InvalidIndexAnalyzer()), serverVersion, probe);
  }

  /**
   * @param dialect the dialect
   * @param analyzers the analyzers to run, in report order
   */
  public RiskAnalysis(Dialect dialect, List<RiskAnalyzer> analyzers) {
    this(dialect, analyzers, Dialect.LATEST_SERVER_VERSION, null);
  }

  /**
   * @param dialect the dialect, never null
   * @param analyzers the analyzers to run, in report order, never null
   * @param serverVersion the target server's version
   * @param probe the data probe, or null for none
   */
  public RiskAnalysis(Dialect dialect, List<RiskAnalyzer> analyzers, int serverVersion, DataProbe probe) {
    this.dialect = dialect;
    this.analyzers = List.copyOf(analyzers);
    this.serverVersion = serverVersion;
    this.probe = probe;
  }

  /**
   * @param options the diff's options: dialect, server version and probe, never null
   * @return the standard analyzers for those options
   */
  public static RiskAnalysis of(DiffOptions options) {
    return new RiskAnalysis(options.dialect(), options.serverVersion(), options.probe(), options.fills());
  }

  /**
   * @param ordered the plan's changes in execution order
   * @return all hazards found, grouped by change in plan order
   */
  public List<Diagnostic> analyze(List<Change> ordered) {
    return analyze(ordered, null, null);
  }

  /**
   * @param ordered the plan's changes in execution order
   * @param current the catalog the plan starts from (renames applied), or null when unknown
   * @param target the catalog the plan leads to, or null when unknown
   * @return all hazards found, grouped by change in plan order
   */
  public List<Diagnostic> analyze(List<Change> ordered, Catalog current, Catalog target) {
    PlanContext context = PlanContext.of(dialect, ordered, serverVersion, probe, current, target);
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Change change : ordered) {
      for (RiskAnalyzer analyzer : analyzers) {
        diagnostics.addAll(analyzer.analyze(change, context));
      }
    }
    return diagnostics;
  }
}
