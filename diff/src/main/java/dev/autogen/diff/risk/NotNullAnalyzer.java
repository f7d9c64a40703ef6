package dev.autogen.diff.risk;

import dev.autogen.diff.Backfill;
import dev.autogen.diff.Change;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.Hazard;
import dev.autogen.diff.Risk;
import dev.autogen.model.Column;
import dev.autogen.model.DataProbe;
import java.util.List;

/**
 * {@link Hazard#NOT_NULL_NO_DEFAULT}: a NOT NULL column added to an existing table without a default
 * or identity fails on the first row (dangerous); a column made NOT NULL without a default fails when
 * any row holds NULL (caution). In live mode the first counts the table's rows, the second the NULLs.
 *
 * <p>A column the user backfills ({@link Backfill}, {@code --fill}) has no such hazard: the migration
 * adds it nullable (or keeps it so), fills the rows, then sets NOT NULL. It still fails when the fill
 * expression gives NULL for a row: that is said as {@link Hazard#DATA_DEPENDENT}.
 */
final class NotNullAnalyzer implements RiskAnalyzer {

  private final List<Backfill> fills;

  /** No backfills. */
  NotNullAnalyzer() {
    this(List.of());
  }

  /** @param fills the user's backfills, never null */
  NotNullAnalyzer(List<Backfill> fills) {
    this.fills = List.copyOf(fills);
  }

  @Override
  public List<Diagnostic> analyze(Change change, PlanContext plan) {
    if (!plan.existing(change.subject())) {
      return List.of();
    }
    Backfill fill = Backfill.of(fills, change);
    if (fill != null && Backfill.applies(change)) {
      return List.of(new Diagnostic(Hazard.DATA_DEPENDENT, Hazard.DATA_DEPENDENT.risk(), change,
          (change instanceof Change.AddColumn ? "adds NOT NULL column " : "makes NOT NULL ") + Names.of(change)
              + ", backfilled with " + fill.expression() + ": fails if the expression gives NULL for a row",
          "make sure the fill expression never gives NULL (e.g. coalesce(..., constant))"));
    }
    if (change instanceof Change.AddColumn add && lacksFill(add.added())) {
      Measured rows = Measured.ask(plan, new DataProbe.Rows(plan.databaseTable(add.table())), "rows", "row", "rows");
      return List.of(new Diagnostic(Hazard.NOT_NULL_NO_DEFAULT, Risk.DANGEROUS, change,
          "adds NOT NULL column " + Names.of(change) + " without a default: fails if the table has rows"
              + rows.suffix("; it has "),
          "give the column a default (@ColumnDefault), or add it nullable, backfill, then set NOT NULL",
          rows.figures()));
    }
    if (change instanceof Change.AlterColumn alter
        && alter.aspects().contains(Change.Aspect.NULLABILITY)
        && !alter.to().nullable()
        && lacksFill(alter.to())) {
      Measured nulls = nulls(alter, plan);
      return List.of(new Diagnostic(Hazard.NOT_NULL_NO_DEFAULT, Risk.CAUTION, change,
          "makes " + Names.of(change) + " NOT NULL without a default: fails if any row holds NULL"
              + nulls.suffix("; found "),
          "backfill the NULLs in the same migration (UPDATE ... WHERE " + alter.to().name() + " IS NULL) first",
          nulls.figures()));
    }
    return List.of();
  }

  /**
   * @param alter a change that makes a column NOT NULL
   * @param plan the plan
   * @return the rows holding NULL in that column now
   */
  static Measured nulls(Change.AlterColumn alter, PlanContext plan) {
    return Measured.ask(plan, new DataProbe.Nulls(plan.databaseTable(alter.table()),
        plan.databaseColumn(alter.table(), alter.from().name())), "nulls", "row holding NULL", "rows holding NULL");
  }

  /**
   * @param column a column as it should be
   * @return whether it is NOT NULL with nothing to fill existing rows: no default, no identity
   */
  static boolean lacksFill(Column column) {
    return !column.nullable() && column.defaultValue() == null && column.identity() == null;
  }
}
