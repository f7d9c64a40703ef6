package dev.autogen.diff.rename;

import dev.autogen.diff.Change;
import dev.autogen.diff.risk.PlanContext;
import dev.autogen.model.Column;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Finds the rename candidates of a plan: for each table, the dropped and added columns paired by
 * {@link ColumnScoring}; for each schema, the dropped and created tables paired by {@link
 * TableScoring} (with the column renames suspected inside each). Each dropped and each added object is
 * in at most one candidate ({@link BestMatch}). In live mode ({@link PlanContext#probe()}) the
 * candidates carry what the data shows.
 *
 * <p>A column's place in its table is known for the columns of a dropped and a created table; the
 * plan's changes do not say where a dropped or added column of a kept table stands, so its candidates
 * are scored without the position signal.
 */
public final class RenameCandidates {

  private RenameCandidates() {}

  /**
   * @param plan the plan's changes, dialect and probe, never null
   * @return the candidates, best score first (ties by {@code --rename} spelling); never null
   */
  public static List<RenameCandidate> of(PlanContext plan) {
    List<RenameCandidate> found = new ArrayList<>();
    ColumnScoring columns = new ColumnScoring(plan.dialect());
    Map<QualifiedName, List<Change.AddColumn>> added = group(plan, Change.AddColumn.class, Change.AddColumn::table);
    group(plan, Change.DropColumn.class, Change.DropColumn::table).forEach((table, drops) -> {
      List<Change.AddColumn> adds = added.get(table);
      if (adds == null) {
        return;
      }
      List<RenameCandidate> pairs = new ArrayList<>();
      for (Change.DropColumn drop : drops) {
        ColumnSide dropped = inPlan(plan, table, drop.dropped(), true);
        for (Change.AddColumn add : adds) {
          columns.score(table, dropped, inPlan(plan, table, add.added(), false))
              .flatMap(c -> columns.measured(c, drop.dropped(), plan.probe(), plan.databaseTable(table)))
              .ifPresent(pairs::add);
        }
      }
      found.addAll(BestMatch.of(pairs, RenameCandidate::score, RenameCandidate::column, RenameCandidate::to));
    });
    TableScoring tables = new TableScoring(plan.dialect());
    Map<String, List<Table>> created = new TreeMap<>();
    plan.changes().stream().filter(c -> c instanceof Change.CreateTable).map(c -> (Change.CreateTable) c)
        .forEach(c -> created.computeIfAbsent(c.schema(), s -> new ArrayList<>()).add(c.table()));
    List<RenameCandidate> tablePairs = new ArrayList<>();
    for (Change c : plan.changes()) {
      if (c instanceof Change.DropTable drop) {
        for (Table t : created.getOrDefault(drop.schema(), List.of())) {
          tables.score(drop.schema(), drop.table(), t, null).ifPresent(tablePairs::add);
        }
      }
    }
    for (RenameCandidate best : BestMatch.of(tablePairs, RenameCandidate::score, c -> c.table().toString(),
        c -> c.table().schema() + "." + c.to())) {
      found.add(plan.probe() == null ? best : measure(plan, tables, best));
    }
    found.sort(Comparator.comparing(RenameCandidate::score, Comparator.reverseOrder())
        .thenComparing(c -> c.spec(plan.dialect().defaultSchema())));
    return found;
  }

  /** The chosen table candidate again, this time asking the probe. */
  private static RenameCandidate measure(PlanContext plan, TableScoring tables, RenameCandidate best) {
    Table dropped = plan.changes().stream()
        .filter(c -> c instanceof Change.DropTable d && d.subject().equals(best.table()))
        .map(c -> ((Change.DropTable) c).table()).findFirst().orElseThrow();
    Table created = plan.changes().stream()
        .filter(c -> c instanceof Change.CreateTable t && t.schema().equals(best.table().schema())
            && t.table().name().equals(best.to()))
        .map(c -> ((Change.CreateTable) c).table()).findFirst().orElseThrow();
    return tables.score(best.table().schema(), dropped, created, plan.probe()).orElse(best);
  }

  /** The column with its place in the table it is in: as it is for a dropped one, as it will be for an added one. */
  private static ColumnSide inPlan(PlanContext plan, QualifiedName table, Column column, boolean dropped) {
    List<String> names = (dropped ? plan.currentTable(table) : plan.targetTable(table))
        .map(t -> t.columns().stream().map(Column::name).toList()).orElse(List.of());
    return new ColumnSide(column, names.indexOf(column.name()), names.size(),
        ColumnRoles.inPlan(plan.changes(), table, column.name(), dropped));
  }

  private static <C extends Change> Map<QualifiedName, List<C>> group(PlanContext plan, Class<C> kind,
      Function<C, QualifiedName> table) {
    Map<QualifiedName, List<C>> byTable = new TreeMap<>();
    plan.changes().stream().filter(kind::isInstance).map(kind::cast)
        .forEach(c -> byTable.computeIfAbsent(table.apply(c), t -> new ArrayList<>()).add(c));
    return byTable;
  }
}
