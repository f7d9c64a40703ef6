package dev.autogen.diff.risk;

import dev.autogen.diff.Change;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.Hazard;
import java.util.List;

/**
 * {@link Hazard#INDEX_BUILD_BLOCKS_WRITES}: building an index on an existing table without {@code
 * CONCURRENTLY} holds a SHARE lock that blocks writes for the whole build (PostgreSQL "CREATE INDEX",
 * Building Indexes Concurrently). A unique or primary key constraint builds its index inside {@code
 * ALTER TABLE ... ADD}, which holds ACCESS EXCLUSIVE ("ALTER TABLE": "An ACCESS EXCLUSIVE lock is
 * acquired unless explicitly noted"), so reads wait too; {@code ADD ... USING INDEX} over an index built
 * concurrently avoids that. This holds for an index on a column the plan adds as well: the build still
 * reads every row. In live mode the diagnostic says how many rows the table holds.
 */
final class IndexBuildAnalyzer implements RiskAnalyzer {

  @Override
  public List<Diagnostic> analyze(Change change, PlanContext plan) {
    if (!plan.existing(change.subject())) {
      return List.of();
    }
    String lock;
    String remedy;
    if (change instanceof Change.CreateIndex) {
      lock = "a SHARE lock that blocks writes";
      remedy = "on a large table, build the index CONCURRENTLY in its own non-transactional migration";
    } else if (change instanceof Change.AddUnique || change instanceof Change.AddPrimaryKey) {
      String constraint = change instanceof Change.AddUnique ? "UNIQUE" : "PRIMARY KEY";
      lock = "an ACCESS EXCLUSIVE lock that blocks reads and writes";
      remedy = "on a large table, CREATE UNIQUE INDEX CONCURRENTLY in its own non-transactional migration, then"
          + " ADD CONSTRAINT ... " + constraint + " USING INDEX";
    } else {
      return List.of();
    }
    Measured rows = RewriteAndLockAnalyzer.rows(change, plan);
    return List.of(new Diagnostic(Hazard.INDEX_BUILD_BLOCKS_WRITES, Hazard.INDEX_BUILD_BLOCKS_WRITES.risk(), change,
        change.kind().replace('_', ' ') + " on " + Names.of(change) + " builds an index under " + lock
            + " while it runs" + rows.suffix("; the table has "),
        remedy, rows.figures()));
  }
}
