package dev.autogen.diff.risk;

import dev.autogen.diff.Change;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.Hazard;
import dev.autogen.diff.rename.RenameCandidate;
import dev.autogen.diff.rename.RenameCandidates;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link Hazard#SUSPECTED_RENAME}: a dropped column and an added column of one table, or a dropped and
 * a created table of one schema, that {@link RenameCandidates} pairs as a rename candidate. Renames are
 * never guessed silently (DESIGN.md, Diff): the diagnostic, on the drop, names the candidate, its
 * score and signals ({@link RenameCandidate#evidence()}, and as figures {@link
 * RenameCandidate#figures()}), and the {@code --rename} that confirms it (for a table, with the column
 * renames suspected inside it).
 *
 * <p>The candidates of a plan are found once: the analyzer keeps those of the last plan it saw
 * (by identity), so it is not thread-safe; {@link RiskAnalysis} runs it on one thread.
 */
final class SuspectedRenameAnalyzer implements RiskAnalyzer {

  private PlanContext seen;
  private Map<String, RenameCandidate> byDrop = Map.of();

  @Override
  public List<Diagnostic> analyze(Change change, PlanContext plan) {
    if (!(change instanceof Change.DropColumn) && !(change instanceof Change.DropTable)) {
      return List.of();
    }
    RenameCandidate candidate = candidates(plan).get(Names.of(change));
    if (candidate == null) {
      return List.of();
    }
    String schema = plan.dialect().defaultSchema();
    String message = candidate.isColumn()
        ? "column " + Names.of(change) + " is dropped and " + candidate.table() + "." + candidate.to() + " ("
            + candidate.type().sql() + ") added: this may be a rename (" + candidate.evidence() + ")"
        : "table " + change.subject() + " is dropped and " + candidate.table().schema() + "." + candidate.to()
            + " created: this may be a rename (" + candidate.evidence() + ")" + inner(candidate);
    String confirm = candidate.specs(schema).stream().map(s -> "--rename " + s).collect(Collectors.joining(" "));
    return List.of(new Diagnostic(Hazard.SUSPECTED_RENAME, Hazard.SUSPECTED_RENAME.risk(), change, message,
        "if it is a rename, confirm it with " + confirm + " (or list it in the renames file); else nothing to do",
        candidate.figures()));
  }

  private static String inner(RenameCandidate table) {
    return table.columns().stream()
        .map(c -> "; column " + c.column() + " may be renamed to " + c.to() + " (" + c.evidence() + ")")
        .collect(Collectors.joining());
  }

  private synchronized Map<String, RenameCandidate> candidates(PlanContext plan) {
    if (plan != seen) {
      seen = plan;
      byDrop = RenameCandidates.of(plan).stream().collect(Collectors.toMap(
          c -> c.isColumn() ? c.table() + "." + c.column() : c.table().toString(), Function.identity()));
    }
    return byDrop;
  }
}
