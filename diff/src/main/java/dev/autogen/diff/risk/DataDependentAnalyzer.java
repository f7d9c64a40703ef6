package dev.autogen.diff.risk;

import dev.autogen.diff.Change;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.Hazard;
import dev.autogen.model.DataProbe;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.Index;
import dev.autogen.model.QualifiedName;
import java.util.List;

/**
 * {@link Hazard#DATA_DEPENDENT}: constraints that existing rows may violate, so the migration succeeds
 * or fails depending on the data: unique constraints and unique indexes, checks, foreign keys, primary
 * keys, NOT NULL on an existing column, and a type change with a {@code USING} cast ({@link
 * dev.autogen.model.Dialect#needsUsingClause}), which fails on the first value the cast rejects
 * ({@code invalid input syntax for type oid: "true"}). In live mode each counts what blocks it: groups
 * of duplicates, rows the check rejects, orphans, NULLs, values the cast rejects ({@link
 * DataProbe.Unconvertible}; "not measured" where the probe has no read-only check for the
 * conversion).
 *
 * <p>A unique constraint, unique index or foreign key over a column the plan adds empty ({@link
 * PlanContext#addedEmpty}) cannot fail: every existing row holds NULL there, and NULLs neither
 * conflict in a unique constraint nor need a referenced row (PostgreSQL "5.4.3. Unique Constraints",
 * "5.4.5. Foreign Keys", MATCH SIMPLE).
 */
final class DataDependentAnalyzer implements RiskAnalyzer {

  @Override
  public List<Diagnostic> analyze(Change change, PlanContext plan) {
    if (!plan.existing(change.subject())) {
      return List.of();
    }
    QualifiedName table = change.subject();
    String what = null;
    Measured measured = Measured.notAsked();
    if (change instanceof Change.AddUnique u) {
      if (anyAddedEmpty(plan, table, u.unique().columns())) {
        return List.of();
      }
      what = "duplicate values";
      measured = duplicates(plan, table, u.unique().columns());
    } else if (change instanceof Change.CreateIndex c && c.index().unique()) {
      List<String> keys = c.index().keys().stream().map(Index::keyTarget).toList();
      boolean plain = c.index().predicate() == null && keys.stream().noneMatch(k -> k.startsWith("("));
      if (plain && anyAddedEmpty(plan, table, keys)) {
        return List.of();
      }
      what = "duplicate values";
      measured = plain ? duplicates(plan, table, keys) : Measured.notAsked();
    } else if (change instanceof Change.AddPrimaryKey p) {
      what = "duplicate or NULL keys";
      measured = duplicates(plan, table, p.key().columns());
    } else if (change instanceof Change.AddCheck c) {
      what = "rows that fail the check";
      measured = violations(plan, table, c.check().expression());
    } else if (change instanceof Change.AddForeignKey f) {
      if (anyAddedEmpty(plan, table, f.key().columns())) {
        return List.of();
      }
      what = "rows whose reference has no match";
      measured = orphans(plan, table, f.key());
    } else if (change instanceof Change.AlterColumn a
        && a.aspects().contains(Change.Aspect.NULLABILITY) && !a.to().nullable()
        && !NotNullAnalyzer.lacksFill(a.to())) {
      // without a default, NOT_NULL_NO_DEFAULT already says that NULLs make it fail
      what = "NULL values";
      measured = NotNullAnalyzer.nulls(a, plan);
    } else if (change instanceof Change.AlterColumn a && a.aspects().contains(Change.Aspect.TYPE)
        && plan.dialect().needsUsingClause(a.from().type(), a.to().type())) {
      what = "values that the cast to " + a.to().type().sql() + " rejects";
      measured = unconvertible(plan, a);
    }
    if (what == null) {
      return List.of();
    }
    return List.of(new Diagnostic(Hazard.DATA_DEPENDENT, Hazard.DATA_DEPENDENT.risk(), change,
        change.kind().replace('_', ' ') + " on " + Names.of(change) + " fails if the table holds " + what
            + measured.suffix("; found "),
        "query the table for " + what + " and fix them before applying", measured.figures()));
  }

  /**
   * Values a {@code USING} cast rejects, asked only of a column of a character type: the probe reads
   * them as text, which is what the cast reads only then.
   */
  private static Measured unconvertible(PlanContext plan, Change.AlterColumn a) {
    if (!a.from().type().isText() || a.from().type().arrayDimensions() > 0 || a.to().type().arrayDimensions() > 0) {
      return Measured.notMeasured(plan);
    }
    return Measured.ask(plan, new DataProbe.Unconvertible(plan.databaseTable(a.table()),
            plan.databaseColumn(a.table(), a.from().name()), a.to().type().sql()),
        "unconvertible", "row whose value it rejects", "rows whose values it rejects", Measured.NOT_MEASURED);
  }

  private static boolean anyAddedEmpty(PlanContext plan, QualifiedName table, List<String> columns) {
    return columns.stream().anyMatch(c -> plan.addedEmpty(table, c));
  }

  /** Not asked when a column is added by the plan: it does not exist yet. */
  private static boolean anyAdded(PlanContext plan, QualifiedName table, List<String> columns) {
    return columns.stream().anyMatch(c -> plan.addedColumn(table, c).isPresent());
  }

  private static Measured duplicates(PlanContext plan, QualifiedName table, List<String> columns) {
    if (anyAdded(plan, table, columns)) {
      return Measured.notAsked();
    }
    return Measured.ask(plan, new DataProbe.DuplicateGroups(plan.databaseTable(table), databaseColumns(plan, table, columns)),
        "duplicate_groups", "group of duplicate values", "groups of duplicate values");
  }

  private static Measured violations(PlanContext plan, QualifiedName table, String expression) {
    boolean readsAdded = plan.changes().stream().anyMatch(c -> c instanceof Change.AddColumn a
        && a.table().equals(table) && plan.dialect().references(expression, a.added().name()));
    if (readsAdded) {
      return Measured.notAsked();
    }
    return Measured.ask(plan, new DataProbe.CheckViolations(plan.databaseTable(table),
        plan.databaseExpression(table, expression)), "violations", "row that fails it", "rows that fail it");
  }

  private static Measured orphans(PlanContext plan, QualifiedName table, ForeignKey key) {
    QualifiedName referenced = key.referencedTable();
    if (anyAdded(plan, table, key.columns()) || !plan.existing(referenced)
        || anyAdded(plan, referenced, key.referencedColumns())) {
      return Measured.notAsked();
    }
    return Measured.ask(plan, new DataProbe.Orphans(plan.databaseTable(table), databaseColumns(plan, table, key.columns()),
            plan.databaseTable(referenced), databaseColumns(plan, referenced, key.referencedColumns())),
        "orphans", "row whose reference has no match", "rows whose reference has no match");
  }

  private static List<String> databaseColumns(PlanContext plan, QualifiedName table, List<String> columns) {
    return columns.stream().map(c -> plan.databaseColumn(table, c)).toList();
  }
}
