package dev.autogen.cli;

import dev.autogen.cli.baseline.AppliedBaseline;
import dev.autogen.cli.baseline.BaselineFile;
import dev.autogen.diff.Change;
import dev.autogen.diff.baseline.Baseline;
import dev.autogen.diff.baseline.BaselineEntry;
import dev.autogen.diff.baseline.BaselineOutcome;
import dev.autogen.diff.baseline.ChangeFingerprints;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code autogen baseline --reason "why"}: records every current difference (or those of the kinds
 * given with {@code --only}) as accepted in the baseline file, each with the reason; {@code check},
 * {@code diff} and {@code generate} then leave them out. Entries already in the file keep their
 * reasons and dates; {@code --prune} removes the entries whose difference is gone.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true,
    description = {"Record the current differences as accepted, with a reason, in the baseline file "
        + "(default " + ProjectOptions.DEFAULT_BASELINE + "); check, diff and generate then show only new ones.",
        "Existing entries keep their reasons; --prune removes entries that no longer differ."})
final class BaselineCommand implements Callable<Integer> {

  @ParentCommand AutogenCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--reason", paramLabel = "TEXT",
      description = "Why these differences are accepted; kept with each new entry. Required unless only pruning.")
  String reason;

  @Option(names = "--only", split = ",", paramLabel = "KIND",
      description = "Record only changes of these kinds, e.g. drop_index,alter_column.")
  List<String> only = new ArrayList<>();

  @Option(names = "--prune", description = "Remove the entries whose difference is gone.")
  boolean prune;

  @Override
  public Integer call() {
    boolean recording = reason != null && !reason.isBlank();
    if (!recording && !prune) {
      throw new AutogenException(ExitCode.USAGE,
          "say why these differences are accepted: autogen baseline --reason \"...\" (or --prune to remove resolved entries)");
    }
    Predicate<Change> selected = selected();
    Path file = parent.options.baselineFile();
    Baseline before = BaselineFile.read(file).orElse(Baseline.EMPTY);
    Comparison comparison = Comparison.whole(parent.options);
    ChangeFingerprints fingerprints = Comparison.fingerprints();
    BaselineOutcome outcome = before.apply(comparison.plan(), fingerprints);
    Baseline after = recording
        ? before.record(comparison.plan(), fingerprints, selected, reason.trim(), LocalDate.now())
        : before;
    after = prune ? after.without(outcome.resolved()) : after;
    report(before, after, outcome, comparison, selected);
    if (after.equals(before)) {
      spec.commandLine().getOut().println("Nothing to change in " + file + ".");
      return ExitCode.OK;
    }
    BaselineFile.write(file, after);
    spec.commandLine().getOut().println("Wrote " + DisplayPath.of(file) + " (" + after.entries().size() + " accepted difference"
        + (after.entries().size() == 1 ? "" : "s") + ").");
    return ExitCode.OK;
  }

  private void report(Baseline before, Baseline after, BaselineOutcome outcome, Comparison comparison,
      Predicate<Change> selected) {
    PrintWriter out = spec.commandLine().getOut();
    Set<String> had = before.fingerprints();
    Set<String> has = after.fingerprints();
    after.entries().stream().filter(e -> !had.contains(e.fingerprint()))
        .forEach(e -> out.println("recorded: " + e.description()));
    for (BaselineEntry e : outcome.resolved()) {
      out.println(has.contains(e.fingerprint()) ? AppliedBaseline.resolved(e) : "pruned: " + e.description());
    }
    int kept = (int) before.entries().stream().filter(e -> has.contains(e.fingerprint())).count();
    if (kept > 0) {
      out.println("kept: " + kept + (kept == 1 ? " entry already in the baseline, with its reason"
          : " entries already in the baseline, with their reasons"));
    }
    long unrecorded = comparison.plan().changes().stream()
        .filter(c -> !has.contains(Comparison.fingerprints().of(c).value())).count();
    if (unrecorded > 0) {
      out.println("not recorded: " + unrecorded + " difference" + (unrecorded == 1 ? "" : "s")
          + (reason == null ? " (give --reason to record them)" : " of other kinds than --only " + String.join(",", only)));
    }
  }

  /** @return the changes to record: of the {@code --only} kinds, or all */
  private Predicate<Change> selected() {
    if (only.isEmpty()) {
      return c -> true;
    }
    Set<String> known = knownKinds();
    List<String> unknown = only.stream().filter(k -> !known.contains(k.trim())).toList();
    if (!unknown.isEmpty()) {
      throw new AutogenException(ExitCode.USAGE, "--only: unknown change kind " + String.join(", ", unknown)
          + " (kinds: " + String.join(", ", known) + ")");
    }
    Set<String> kinds = new TreeSet<>(only.stream().map(String::trim).toList());
    return c -> kinds.contains(c.kind());
  }

  /** The kinds of {@link Change#kind()}: the snake_case names of the change types. */
  private static Set<String> knownKinds() {
    return new TreeSet<>(Arrays.stream(Change.class.getPermittedSubclasses())
        .map(c -> c.getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)).toList());
  }
}
