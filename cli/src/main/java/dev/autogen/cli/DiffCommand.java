package dev.autogen.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code autogen diff}: prints the changes, their hazards and SQL, as text or JSON; writes nothing. */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = "Print the changes between the database and the entities, with hazards and SQL. Writes nothing.")
final class DiffCommand implements Callable<Integer> {

  /** Report formats. */
  enum Format { text, json }

  @ParentCommand AutogenCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "text", description = "text (default) or json.")
  Format format;

  @Override
  public Integer call() {
    Comparison comparison = Comparison.run(parent.options, false);
    spec.commandLine().getOut().print(format == Format.json ? Reports.json(comparison) : Reports.text(comparison));
    return ExitCode.OK;
  }
}
