package dev.autogen.diff.risk;

import dev.autogen.diff.Change;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.Hazard;
import dev.autogen.model.Column;
import dev.autogen.model.Table;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * {@link Hazard#SUSPECTED_RENAME}: a dropped column and an added column of one table with types of
 * one family, or a dropped and a created table of one schema with mostly the same columns. Renames are
 * never guessed silently (DESIGN.md, Diff): the diagnostic, on the drop, names the best candidate, its
 * score and the {@code --rename} that confirms it.
 *
 * <p>Column score: 0.6 × Jaro-Winkler similarity of the names + 0.3 when the types are equal (0.15
 * when only of one family) + 0.1 when nullability is equal. Table score: Jaccard overlap of the
 * (name, type) column sets. Candidates below {@value #MIN_TABLE_SCORE} (tables) are not reported.
 */
final class SuspectedRenameAnalyzer implements RiskAnalyzer {

  static final double MIN_TABLE_SCORE = 0.5;
  private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

  @Override
  public List<Diagnostic> analyze(Change change, PlanContext plan) {
    if (change instanceof Change.DropColumn drop) {
      return bestColumn(drop, plan).map(c -> diagnostic(change,
          "column " + Names.of(change) + " is dropped and " + drop.table() + "." + c.column.name()
              + " added with a compatible type (score " + format(c.score) + "): this may be a rename",
          "--rename " + tableSpec(drop.table().schema(), drop.table().name(), plan) + "." + drop.dropped().name()
              + "=" + c.column.name())).stream().toList();
    }
    if (change instanceof Change.DropTable drop) {
      return bestTable(drop, plan).map(c -> diagnostic(change,
          "table " + drop.subject() + " is dropped and " + drop.schema() + "." + c.table.name()
              + " created with matching columns (score " + format(c.score) + "): this may be a rename",
          "--rename " + tableSpec(drop.schema(), drop.table().name(), plan) + "=" + c.table.name())).stream().toList();
    }
    return List.of();
  }

  private record ColumnCandidate(Column column, double score) {}

  private record TableCandidate(Table table, double score) {}

  private static Optional<ColumnCandidate> bestColumn(Change.DropColumn drop, PlanContext plan) {
    Column dropped = drop.dropped();
    return plan.changes().stream()
        .filter(c -> c instanceof Change.AddColumn a && a.table().equals(drop.table()))
        .map(c -> ((Change.AddColumn) c).added())
        .filter(added -> plan.dialect().sameFamily(dropped.type(), added.type()))
        .map(added -> new ColumnCandidate(added, columnScore(dropped, added)))
        .max(Comparator.comparingDouble(ColumnCandidate::score));
  }

  private static double columnScore(Column dropped, Column added) {
    double names = SIMILARITY.apply(dropped.name().toLowerCase(Locale.ROOT), added.name().toLowerCase(Locale.ROOT));
    double types = dropped.type().equals(added.type()) ? 0.3 : 0.15;
    double nulls = dropped.nullable() == added.nullable() ? 0.1 : 0.0;
    return 0.6 * names + types + nulls;
  }

  private static Optional<TableCandidate> bestTable(Change.DropTable drop, PlanContext plan) {
    Set<String> droppedColumns = signature(drop.table());
    return plan.changes().stream()
        .filter(c -> c instanceof Change.CreateTable ct && ct.schema().equals(drop.schema()))
        .map(c -> ((Change.CreateTable) c).table())
        .map(t -> new TableCandidate(t, jaccard(droppedColumns, signature(t))))
        .filter(c -> c.score >= MIN_TABLE_SCORE)
        .max(Comparator.comparingDouble(TableCandidate::score));
  }

  private static Set<String> signature(Table table) {
    return table.columns().stream().map(c -> c.name() + " " + c.type().sql()).collect(Collectors.toSet());
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    return union.isEmpty() ? 0 : (double) both.size() / union.size();
  }

  private static String tableSpec(String schema, String table, PlanContext plan) {
    return schema.equals(plan.dialect().defaultSchema()) ? table : schema + "." + table;
  }

  private static String format(double score) {
    return String.format(Locale.ROOT, "%.2f", score);
  }

  private static Diagnostic diagnostic(Change change, String message, String rename) {
    return new Diagnostic(Hazard.SUSPECTED_RENAME, Hazard.SUSPECTED_RENAME.risk(), change, message,
        "if it is a rename, confirm it with " + rename + "; else nothing to do");
  }
}
