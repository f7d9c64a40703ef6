package dev.autogen.diff.risk;

import dev.autogen.diff.Change;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.Hazard;
import dev.autogen.model.DataProbe;
import dev.autogen.model.GenerationChange;
import dev.autogen.model.SqlType;
import java.util.List;

/**
 * {@link Hazard#DATA_LOSS}: dropping a table or column, narrowing a column type, dropping enum labels,
 * replacing a plain column by a stored generated one (its values become computed ones), or a generated
 * column by a plain one where the server cannot drop the expression in place. A generated column whose
 * expression changes loses nothing, even when it is dropped and added again: its values are computed
 * again from the other columns.
 * In live mode the diagnostic counts what is lost: the table's rows, the column's values that are not
 * NULL, the values a narrowed {@code varchar(n)} or {@code numeric(p,s)} cannot hold unchanged.
 */
final class DataLossAnalyzer implements RiskAnalyzer {

  @Override
  public List<Diagnostic> analyze(Change change, PlanContext plan) {
    if (change instanceof Change.DropTable) {
      Measured rows = Measured.ask(plan, new DataProbe.Rows(plan.databaseTable(change.subject())),
          "rows", "row", "rows");
      return List.of(loss(change, "drops table " + Names.of(change) + " and "
              + (rows.known() ? "its " + rows.words() : "every row in it" + rows.suffix(": ")),
          "back the table up first, or keep it and remove it in a later release", rows));
    }
    if (change instanceof Change.DropColumn drop) {
      Measured values = Measured.ask(plan, new DataProbe.NonNullValues(plan.databaseTable(drop.table()),
          plan.databaseColumn(drop.table(), drop.dropped().name())), "values", "value", "values");
      return List.of(loss(change, "drops column " + Names.of(change) + " and "
              + (values.known() ? "its " + values.words() + " (NULLs aside)" : "every value in it" + values.suffix(": ")),
          "if this is a rename, confirm it with --rename; else copy the values elsewhere first", values));
    }
    if (change instanceof Change.AlterColumn a
        && a.aspects().contains(Change.Aspect.TYPE)
        && plan.dialect().isNarrowing(a.from().type(), a.to().type())) {
      Measured misfits = misfits(a, plan);
      return List.of(loss(change, "narrows " + Names.of(change) + " from " + a.from().type().sql() + " to "
              + a.to().type().sql() + ": values that do not fit make the migration fail or are cut"
              + misfits.suffix("; found "),
          "check that every stored value fits " + a.to().type().sql() + " before applying", misfits));
    }
    if (change instanceof Change.AlterColumn a && a.changesGeneration()
        && a.from().generated() == null) {
      return List.of(loss(change, "makes " + Names.of(change) + " a stored generated column: it is dropped and"
              + " added again, and its stored values are replaced by computed ones",
          "copy the values elsewhere first if they are still needed", Measured.notAsked()));
    }
    if (change instanceof Change.AlterColumn a && a.changesGeneration()
        && a.to().generated() == null
        && plan.dialect().generationChange(a.from(), a.to(), plan.serverVersion()) == GenerationChange.RECREATE) {
      return List.of(loss(change, "makes " + Names.of(change) + " a plain column by dropping and adding it again"
              + " (this server version has no DROP EXPRESSION): its values are lost",
          "copy the values into a new column first", Measured.notAsked()));
    }
    if (change instanceof Change.AlterEnum e && !e.to().values().containsAll(e.from().values())) {
      List<String> removed = e.from().values().stream().filter(v -> !e.to().values().contains(v)).toList();
      return List.of(loss(change, "removes labels " + removed + " from enum " + Names.of(change),
          "update rows that use those labels first", Measured.notAsked()));
    }
    return List.of();
  }

  /** The values a narrowed length or numeric precision and scale cannot hold; not asked for other types. */
  private static Measured misfits(Change.AlterColumn a, PlanContext plan) {
    SqlType to = a.to().type();
    var table = plan.databaseTable(a.table());
    String column = plan.databaseColumn(a.table(), a.from().name());
    if (to.arrayDimensions() == 0 && a.from().type().isText() && to.isText() && to.length() != null) {
      String noun = " longer than " + to.length() + " characters";
      return Measured.ask(plan, new DataProbe.LongerThan(table, column, to.length()), "too_long",
          "value" + noun, "values" + noun);
    }
    if (to.arrayDimensions() == 0 && to.name().equals("numeric") && to.precision() != null
        && a.from().type().arrayDimensions() == 0) {
      String noun = " that " + to.sql() + " cannot hold unchanged";
      return Measured.ask(plan, new DataProbe.OutsideNumeric(table, column, to.precision(), to.scale()),
          "out_of_range", "value" + noun, "values" + noun);
    }
    return Measured.notAsked();
  }

  private static Diagnostic loss(Change change, String message, String remedy, Measured measured) {
    return new Diagnostic(Hazard.DATA_LOSS, Hazard.DATA_LOSS.risk(), change, message, remedy, measured.figures());
  }
}
