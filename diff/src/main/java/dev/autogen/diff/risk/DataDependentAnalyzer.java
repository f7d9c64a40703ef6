package dev.autogen.diff.risk;

import dev.autogen.diff.Change;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.Hazard;
import java.util.List;

/**
 * {@link Hazard#DATA_DEPENDENT}: constraints that existing rows may violate, so the migration succeeds
 * or fails depending on the data: unique constraints and unique indexes, checks, foreign keys, primary
 * keys, and NOT NULL on an existing column.
 */
final class DataDependentAnalyzer implements RiskAnalyzer {

  @Override
  public List<Diagnostic> analyze(Change change, PlanContext plan) {
    if (!plan.existing(change.subject())) {
      return List.of();
    }
    String what = switch (change.kind()) {
      case "add_unique" -> "duplicate values";
      case "add_check" -> "rows that fail the check";
      case "add_foreign_key" -> "rows whose reference has no match";
      case "add_primary_key" -> "duplicate or NULL keys";
      default -> null;
    };
    if (change instanceof Change.CreateIndex c && c.index().unique()) {
      what = "duplicate values";
    }
    if (change instanceof Change.AlterColumn a
        && a.aspects().contains(Change.Aspect.NULLABILITY) && !a.to().nullable()
        && !NotNullAnalyzer.lacksFill(a.to())) {
      // without a default, NOT_NULL_NO_DEFAULT already says that NULLs make it fail
      what = "NULL values";
    }
    if (what == null) {
      return List.of();
    }
    return List.of(new Diagnostic(Hazard.DATA_DEPENDENT, Hazard.DATA_DEPENDENT.risk(), change,
        change.kind().replace('_', ' ') + " on " + Names.of(change) + " fails if the table holds " + what,
        "query the table for " + what + " and fix them before applying"));
  }
}
