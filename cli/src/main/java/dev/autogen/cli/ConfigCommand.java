package dev.autogen.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code autogen config}: prints the effective configuration and where each value came from ({@link
 * ConfigReport}); reads no database.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
    description = "Print every effective setting and where it came from (command line, autogen.properties, the "
        + "application's hibernate.properties and application.properties/yml with profiles, environment "
        + "variables), passwords masked. Reads no database.")
final class ConfigCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format { text, json }

  @ParentCommand AutogenCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "text", description = "text (default) or json.")
  Format format;

  @Override
  public Integer call() {
    ConfigReport report = ConfigReport.of(parent.options);
    spec.commandLine().getOut().print(format == Format.json ? report.json() : report.text());
    return ExitCode.OK;
  }
}
