package dev.autogen.diff.risk;

import dev.autogen.diff.Change;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.Hazard;
import java.util.List;

/**
 * {@link Hazard#INVALID_INDEX}: the plan drops an index the database marks INVALID ({@code
 * pg_index.indisvalid} false). PostgreSQL "CREATE INDEX", Building Indexes Concurrently: when a
 * concurrent build fails (a deadlock, a uniqueness violation, a cancel) "the index is left behind in an
 * 'invalid' state", ignored by queries and enforcing nothing, yet still updated on every write; "the
 * recommended recovery method in such cases is to drop the index and try again". The comparison
 * therefore never counts such an index as the entities' index ({@link dev.autogen.model.Index#valid()}):
 * it drops it, and the plan builds the entities' index anew. The diagnostic says so, since whatever
 * failed the first build (duplicate rows for a unique index) fails the next one too.
 */
final class InvalidIndexAnalyzer implements RiskAnalyzer {

  @Override
  public List<Diagnostic> analyze(Change change, PlanContext plan) {
    if (!(change instanceof Change.DropIndex d) || d.index().valid()) {
      return List.of();
    }
    String name = d.index().name() == null ? "" : " " + d.index().name();
    return List.of(new Diagnostic(Hazard.INVALID_INDEX, Hazard.INVALID_INDEX.risk(), change,
        "index" + name + " on " + Names.of(change) + " is INVALID in the database (a failed CREATE INDEX"
            + " CONCURRENTLY left it: no query uses it and it enforces nothing); it is dropped and, where the"
            + " entities have it, built again",
        "find out why its build failed (for a unique index: duplicate rows) and fix that before applying,"
            + " or the new build fails the same way"));
  }
}
