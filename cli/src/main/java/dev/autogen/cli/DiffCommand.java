package dev.autogen.cli;

import dev.autogen.diff.ObjectExplainer;
import dev.autogen.diff.UnknownObjectException;
import dev.autogen.diff.RiskGate;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code autogen diff}: prints the changes, their hazards and SQL, as text, JSON or Markdown; writes
 * nothing.
 * With {@code --explain OBJECT} it explains instead, for one table or column, why the two sides are
 * equal or different ({@link ObjectExplainer}).
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = "Print the changes between the database and the entities, with hazards and SQL. Writes nothing.")
final class DiffCommand implements Callable<Integer> {

  /** Report formats. */
  enum Format { text, json, markdown }

  @ParentCommand AutogenCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "text",
      description = "text (default), json, or markdown (a pull-request review with a Mermaid ER diagram).")
  Format format;

  @Option(names = "--explain", paramLabel = "OBJECT",
      description = "Explain one table or column (table, table.column or schema.table.column): both sides as read "
          + "and the rule that made each aspect equal or different. Text only.")
  String explain;

  @Override
  public Integer call() {
    if (explain != null && format != Format.text) {
      throw new AutogenException(ExitCode.USAGE, "--explain prints text; leave out --format " + format);
    }
    RiskGate gate = parent.options.gate();
    Comparison comparison = Comparison.run(parent.options, false);
    PrintWriter out = spec.commandLine().getOut();
    if (explain != null) {
      explain(comparison, out);
      return ExitCode.OK;
    }
    out.print(switch (format) {
      case text -> Reports.text(comparison, true);
      case json -> Reports.json(comparison);
      case markdown -> Reports.markdown(comparison);
    });
    // the gate speaks on standard error: standard output stays a valid JSON or Markdown document
    String failed = gate.isSet() ? Reports.gate(gate, comparison.plan()) : "";
    spec.commandLine().getErr().print(failed);
    return failed.isEmpty() ? ExitCode.OK : ExitCode.DRIFT;
  }

  private void explain(Comparison comparison, PrintWriter out) {
    try {
      new ObjectExplainer(parent.options.diffOptions())
          .explain(comparison.current(), comparison.target(), explain).lines().forEach(out::println);
    } catch (UnknownObjectException e) {
      throw new AutogenException(ExitCode.USAGE, e.getMessage(), e);
    }
  }
}
