package dev.autogen.diff.risk;

import dev.autogen.diff.Change;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.Hazard;
import java.util.List;

/**
 * {@link Hazard#INDEX_BUILD_BLOCKS_WRITES}: building an index on an existing table without {@code
 * CONCURRENTLY} holds a SHARE lock that blocks writes for the whole build (PostgreSQL "CREATE INDEX",
 * Building Indexes Concurrently); unique and primary key constraints build one too.
 */
final class IndexBuildAnalyzer implements RiskAnalyzer {

  @Override
  public List<Diagnostic> analyze(Change change, PlanContext plan) {
    boolean buildsIndex = change instanceof Change.CreateIndex
        || change instanceof Change.AddUnique
        || change instanceof Change.AddPrimaryKey;
    if (!buildsIndex || !plan.existing(change.subject())) {
      return List.of();
    }
    return List.of(new Diagnostic(Hazard.INDEX_BUILD_BLOCKS_WRITES, Hazard.INDEX_BUILD_BLOCKS_WRITES.risk(), change,
        change.kind().replace('_', ' ') + " on " + Names.of(change) + " builds an index that blocks writes while it runs",
        "on a large table, build the index CONCURRENTLY in its own non-transactional migration"));
  }
}
