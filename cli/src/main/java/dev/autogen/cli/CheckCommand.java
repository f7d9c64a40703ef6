package dev.autogen.cli;

import dev.autogen.cli.history.VersionConflicts;
import dev.autogen.cli.source.FlywayMigrations;
import dev.autogen.diff.RiskGate;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code autogen check}: exits 1 when the entities and the schema disagree (drift), 0 when they agree
 * or differ only where the baseline accepts it. With {@code --fail-on} it exits 1 only when the gate
 * fails ({@link RiskGate}). Before comparing it exits 1 on version conflicts of the migrations
 * directory ({@link VersionConflicts}), one line each: a history Flyway refuses or skips is not compared.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Exit 1 when the entities and the database schema disagree (drift), 0 when they agree "
        + "(differences the baseline accepts left out). With --fail-on: exit 1 only when the drift carries a "
        + "hazard of that risk or worse. Exit 1 too when migrations share a version, or with --base REF when this "
        + "branch adds migrations not above REF's highest.")
final class CheckCommand implements Callable<Integer> {

  @ParentCommand AutogenCommand parent;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    RiskGate gate = parent.options.gate();
    PrintWriter out = spec.commandLine().getOut();
    List<String> conflicts = versionConflicts(parent.options);
    if (!conflicts.isEmpty()) {
      conflicts.forEach(out::println);
      return ExitCode.DRIFT;
    }
    Comparison comparison = Comparison.run(parent.options, false);
    if (comparison.plan().isEmpty()) {
      boolean accepted = comparison.baseline() != null && comparison.baseline().suppressed() > 0;
      out.println("No drift: the database matches the entities"
          + (accepted ? " apart from the differences the baseline accepts." : "."));
      out.print(Reports.leftAlone(comparison.plan()));
      out.print(Reports.baseline(comparison));
      return ExitCode.OK;
    }
    out.print(Reports.text(comparison));
    if (gate.isSet()) {
      String failed = Reports.gate(gate, comparison.plan());
      out.print(failed.isEmpty()
          ? "Drift found, below the --fail-on " + gate.failOn().label() + " gate.\n" : failed);
      return failed.isEmpty() ? ExitCode.OK : ExitCode.DRIFT;
    }
    out.println("Drift found: run autogen -m \"...\" to write the migration.");
    return ExitCode.DRIFT;
  }

  /**
   * @param options the run's options
   * @return the version conflicts of the migrations directory ({@link VersionConflicts}: shared
   *     versions, and with {@code --base} the branch's migrations not above the base's); empty when it
   *     has none or does not exist
   * @throws AutogenException with {@link ExitCode#USAGE} when {@code --base} cannot be read
   */
  static List<String> versionConflicts(ProjectOptions options) {
    FlywayMigrations migrations = options.migrations(options.base != null);
    return migrations == null ? List.of()
        : VersionConflicts.find(migrations.directory(), migrations.naming(), options.base);
  }
}
