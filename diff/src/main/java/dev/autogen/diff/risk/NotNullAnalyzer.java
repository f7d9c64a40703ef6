package dev.autogen.diff.risk;

import dev.autogen.diff.Change;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.Hazard;
import dev.autogen.diff.Risk;
import dev.autogen.model.Column;
import java.util.List;

/**
 * {@link Hazard#NOT_NULL_NO_DEFAULT}: a NOT NULL column added to an existing table without a default
 * or identity fails on the first row (dangerous); a column made NOT NULL without a default fails when
 * any row holds NULL (caution).
 */
final class NotNullAnalyzer implements RiskAnalyzer {

  @Override
  public List<Diagnostic> analyze(Change change, PlanContext plan) {
    if (!plan.existing(change.subject())) {
      return List.of();
    }
    if (change instanceof Change.AddColumn add && lacksFill(add.added())) {
      return List.of(new Diagnostic(Hazard.NOT_NULL_NO_DEFAULT, Risk.DANGEROUS, change,
          "adds NOT NULL column " + Names.of(change) + " without a default: fails if the table has rows",
          "give the column a default (@ColumnDefault), or add it nullable, backfill, then set NOT NULL"));
    }
    if (change instanceof Change.AlterColumn alter
        && alter.aspects().contains(Change.Aspect.NULLABILITY)
        && !alter.to().nullable()
        && lacksFill(alter.to())) {
      return List.of(new Diagnostic(Hazard.NOT_NULL_NO_DEFAULT, Risk.CAUTION, change,
          "makes " + Names.of(change) + " NOT NULL without a default: fails if any row holds NULL",
          "backfill the NULLs in the same migration (UPDATE ... WHERE " + alter.to().name() + " IS NULL) first"));
    }
    return List.of();
  }

  /**
   * @param column a column as it should be
   * @return whether it is NOT NULL with nothing to fill existing rows: no default, no identity
   */
  static boolean lacksFill(Column column) {
    return !column.nullable() && column.defaultValue() == null && column.identity() == null;
  }
}
