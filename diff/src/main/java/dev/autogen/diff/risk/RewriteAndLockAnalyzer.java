package dev.autogen.diff.risk;

import dev.autogen.diff.Change;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.Hazard;
import dev.autogen.model.DataProbe;
import dev.autogen.model.GenerationChange;
import dev.autogen.model.TableRewrite;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Hazard#TABLE_REWRITE} and {@link Hazard#BLOCKING_LOCK} on existing tables, for the plan's
 * server version ({@link PlanContext#serverVersion()}). Sources, PostgreSQL docs:
 *
 * <ul>
 *   <li>"ALTER TABLE", Notes: a type change rewrites the table and its indexes unless the old type is
 *       binary coercible to the new one; adding a column with a volatile default (or, before 11, any
 *       non-null default) rewrites it. What rewrites is the dialect's answer ({@link
 *       dev.autogen.model.Dialect#typeChangeRewrite}, {@link dev.autogen.model.Dialect#addColumnRewrite}).
 *       A rewrite holds ACCESS EXCLUSIVE: reads and writes wait.
 *   <li>"ALTER TABLE", SET NOT NULL: scans the table under ACCESS EXCLUSIVE; since 12 the scan is
 *       skipped when a validated {@code CHECK (column IS NOT NULL)} proves it ({@link
 *       dev.autogen.model.Dialect#notNullProvenByCheck}), which the remedy proposes.
 *   <li>"ALTER TABLE", ADD table_constraint: a check validates every row under ACCESS EXCLUSIVE; a
 *       foreign key under SHARE ROW EXCLUSIVE on both tables (writes blocked), unless added {@code NOT
 *       VALID} and validated later under SHARE UPDATE EXCLUSIVE ("VALIDATE CONSTRAINT").
 *   <li>"ALTER TABLE", {@code SET EXPRESSION} (17+) and adding a stored generated column rewrite the
 *       table; {@code DROP EXPRESSION} does not ({@link dev.autogen.model.Dialect#generationChange}).
 *   <li>"DROP INDEX": a plain drop takes ACCESS EXCLUSIVE on the table; {@code CONCURRENTLY} does not.
 *   <li>"13.3.1. Table-Level Locks": which statements conflict with which lock.
 * </ul>
 *
 * <p>In live mode the rewrite and scan diagnostics say how many rows the table holds.
 */
final class RewriteAndLockAnalyzer implements RiskAnalyzer {

  private static final String EXPAND_CONTRACT =
      "run it in a maintenance window, or add a new column, backfill it and swap (expand/contract)";
  private static final String LOCK_TIMEOUT =
      "apply at a quiet time with a lock_timeout so that waiting queries are not stuck behind it";
  private static final String NOT_VALID =
      "on a large table, add it NOT VALID and VALIDATE CONSTRAINT in a separate statement (SHARE UPDATE"
          + " EXCLUSIVE: writes go on)";

  @Override
  public List<Diagnostic> analyze(Change change, PlanContext plan) {
    if (!plan.existing(change.subject())) {
      return List.of();
    }
    List<Diagnostic> found = new ArrayList<>();
    if (change instanceof Change.AddColumn add) {
      TableRewrite rewrite = plan.dialect().addColumnRewrite(add.added(), plan.serverVersion());
      rewrite(found, change, plan, "adding " + Names.of(change), rewrite,
          "add the column without that default, backfill it in batches, then set the default");
    }
    if (change instanceof Change.AlterColumn a) {
      if (a.aspects().contains(Change.Aspect.TYPE)) {
        TableRewrite rewrite = plan.dialect().typeChangeRewrite(a.from().type(), a.to().type(), plan.serverVersion());
        rewrite(found, change, plan, "changing " + Names.of(change) + " from " + a.from().type().sql() + " to "
            + a.to().type().sql(), rewrite, rewrite.kind() == TableRewrite.Kind.POSSIBLE
            ? "if the stored values are meant as UTC, SET TimeZone = 'UTC' in the migration and the rewrite is"
                + " skipped; else " + EXPAND_CONTRACT
            : EXPAND_CONTRACT);
      }
      if (a.changesGeneration()) {
        GenerationChange how = plan.dialect().generationChange(a.from(), a.to(), plan.serverVersion());
        rewrite(found, change, plan, generationWork(a, how), generationRewrite(a, how), EXPAND_CONTRACT);
      }
      if (a.aspects().contains(Change.Aspect.NULLABILITY) && !a.to().nullable()) {
        String check = "CHECK (" + a.to().name() + " IS NOT NULL)";
        found.add(scan(change, plan, "SET NOT NULL scans " + a.subject() + " under an ACCESS EXCLUSIVE lock",
            plan.dialect().notNullProvenByCheck(plan.serverVersion())
                ? "on a large table, add " + check + " NOT VALID, VALIDATE CONSTRAINT it, then SET NOT NULL"
                    + " skips the scan"
                : "this server version cannot skip the scan (PostgreSQL 12 can, given a validated " + check
                    + "): " + LOCK_TIMEOUT));
      }
    }
    if (change instanceof Change.AddCheck) {
      found.add(scan(change, plan, "adding a check scans " + change.subject() + " under an ACCESS EXCLUSIVE lock",
          NOT_VALID));
    }
    if (change instanceof Change.AddForeignKey f) {
      String referenced = plan.existing(f.key().referencedTable()) ? " and " + f.key().referencedTable() : "";
      found.add(scan(change, plan, "adding a foreign key scans " + change.subject()
          + " under a SHARE ROW EXCLUSIVE lock that blocks writes to it" + referenced, NOT_VALID));
    }
    if (change instanceof Change.DropIndex d) {
      String index = d.index().name() == null ? "an index" : "index " + d.index().name();
      found.add(lock(change, "dropping " + index + " takes an ACCESS EXCLUSIVE lock on " + change.subject()
              + ": it waits for running queries and blocks every query behind it",
          "drop it CONCURRENTLY in its own non-transactional migration", Measured.notAsked()));
    }
    return found;
  }

  /** @return what a change of the generation expression does, as the start of a sentence */
  private static String generationWork(Change.AlterColumn a, GenerationChange how) {
    return switch (how) {
      case SET_EXPRESSION -> "setting the new generation expression of " + Names.of(a) + " (SET EXPRESSION)";
      case DROP_EXPRESSION -> "dropping the generation expression of " + Names.of(a);
      case RECREATE -> "dropping and adding again " + Names.of(a) + " (its generation expression changes and this"
          + " server version cannot alter it in place; the indexes and constraints on it are dropped with it"
          + " and created again)";
    };
  }

  /**
   * PostgreSQL "ALTER TABLE": {@code SET EXPRESSION} recomputes and rewrites every row; {@code DROP
   * EXPRESSION} only changes the catalog; adding a stored generated column computes it for every row
   * (and adding a plain one in its place is a catalog change only).
   */
  private static TableRewrite generationRewrite(Change.AlterColumn a, GenerationChange how) {
    return switch (how) {
      case SET_EXPRESSION -> TableRewrite.certain("every row's value is computed again");
      case DROP_EXPRESSION -> TableRewrite.none();
      case RECREATE -> a.to().generated() != null
          ? TableRewrite.certain("the added stored generated column is computed for every row")
          : TableRewrite.none();
    };
  }

  /** A lock held while the table is read: in live mode with the table's rows. */
  private static Diagnostic scan(Change change, PlanContext plan, String message, String remedy) {
    Measured rows = rows(change, plan);
    return lock(change, message + rows.suffix("; it has "), remedy, rows);
  }

  /**
   * @param change a change on an existing table
   * @param plan the plan
   * @return the rows of the change's table now
   */
  static Measured rows(Change change, PlanContext plan) {
    return Measured.ask(plan, new DataProbe.Rows(plan.databaseTable(change.subject())), "rows", "row", "rows");
  }

  private static void rewrite(List<Diagnostic> found, Change change, PlanContext plan, String what,
      TableRewrite rewrite, String remedy) {
    if (!rewrite.mayRewrite()) {
      return;
    }
    boolean certain = rewrite.kind() == TableRewrite.Kind.CERTAIN;
    Measured rows = rows(change, plan);
    found.add(new Diagnostic(Hazard.TABLE_REWRITE, Hazard.TABLE_REWRITE.risk(), change,
        what + (certain ? " rewrites" : " may rewrite") + " the table and its indexes: " + rewrite.reason()
            + rows.suffix("; it has "),
        remedy, rows.figures()));
    found.add(lock(change, (certain ? "the rewrite holds" : "a rewrite holds") + " an ACCESS EXCLUSIVE lock on "
        + change.subject() + ": reads and writes wait until it ends", LOCK_TIMEOUT, Measured.notAsked()));
  }

  private static Diagnostic lock(Change change, String message, String remedy, Measured measured) {
    return new Diagnostic(Hazard.BLOCKING_LOCK, Hazard.BLOCKING_LOCK.risk(), change, message, remedy,
        measured.figures());
  }
}
