package dev.autogen.diff.risk;

import dev.autogen.diff.Change;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.Hazard;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Hazard#TABLE_REWRITE} and {@link Hazard#BLOCKING_LOCK} on existing tables. PostgreSQL
 * "ALTER TABLE": a type change that is not binary coercible rewrites the table and its indexes under
 * an ACCESS EXCLUSIVE lock; SET NOT NULL scans the table under ACCESS EXCLUSIVE; ADD CHECK scans it
 * under ACCESS EXCLUSIVE, ADD FOREIGN KEY under SHARE ROW EXCLUSIVE (blocking writes) unless added NOT
 * VALID and validated separately.
 */
final class RewriteAndLockAnalyzer implements RiskAnalyzer {

  @Override
  public List<Diagnostic> analyze(Change change, PlanContext plan) {
    if (!plan.existing(change.subject())) {
      return List.of();
    }
    List<Diagnostic> found = new ArrayList<>();
    if (change instanceof Change.AlterColumn a) {
      if (a.aspects().contains(Change.Aspect.TYPE) && plan.dialect().rewritesTable(a.from().type(), a.to().type())) {
        found.add(new Diagnostic(Hazard.TABLE_REWRITE, Hazard.TABLE_REWRITE.risk(), change,
            "changing " + Names.of(change) + " from " + a.from().type().sql() + " to " + a.to().type().sql()
                + " rewrites the table and its indexes",
            "run it in a maintenance window, or add a new column, backfill it and swap (expand/contract)"));
        found.add(lock(change, "the rewrite holds an ACCESS EXCLUSIVE lock on " + a.subject()
            + ": reads and writes wait until it ends",
            "apply at a quiet time with a lock_timeout so that waiting queries are not stuck behind it"));
      }
      if (a.aspects().contains(Change.Aspect.NULLABILITY) && !a.to().nullable()) {
        found.add(lock(change, "SET NOT NULL scans " + a.subject() + " under an ACCESS EXCLUSIVE lock",
            "on a large table, add CHECK (" + a.to().name() + " IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL"));
      }
    }
    if (change instanceof Change.AddCheck) {
      found.add(lock(change, "adding a check scans " + change.subject() + " under an ACCESS EXCLUSIVE lock",
          "on a large table, add it NOT VALID and VALIDATE CONSTRAINT in a separate statement"));
    }
    if (change instanceof Change.AddForeignKey) {
      found.add(lock(change, "adding a foreign key scans " + change.subject()
          + " under a SHARE ROW EXCLUSIVE lock that blocks writes",
          "on a large table, add it NOT VALID and VALIDATE CONSTRAINT in a separate statement"));
    }
    return found;
  }

  private static Diagnostic lock(Change change, String message, String remedy) {
    return new Diagnostic(Hazard.BLOCKING_LOCK, Hazard.BLOCKING_LOCK.risk(), change, message, remedy);
  }
}
