package dev.autogen.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code autogen check}: exits 1 when the entities and the schema disagree (drift), 0 when they agree
 * or differ only where the baseline accepts it.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Exit 1 when the entities and the database schema disagree (drift), 0 when they agree "
        + "(differences the baseline accepts left out).")
final class CheckCommand implements Callable<Integer> {

  @ParentCommand AutogenCommand parent;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Comparison comparison = Comparison.run(parent.options, false);
    if (comparison.plan().isEmpty()) {
      boolean accepted = comparison.baseline() != null && comparison.baseline().suppressed() > 0;
      spec.commandLine().getOut().println("No drift: the database matches the entities"
          + (accepted ? " apart from the differences the baseline accepts." : "."));
      spec.commandLine().getOut().print(Reports.leftAlone(comparison.plan()));
      spec.commandLine().getOut().print(Reports.baseline(comparison));
      return ExitCode.OK;
    }
    spec.commandLine().getOut().print(Reports.text(comparison));
    spec.commandLine().getOut().println("Drift found: run autogen -m \"...\" to write the migration.");
    return ExitCode.DRIFT;
  }
}
