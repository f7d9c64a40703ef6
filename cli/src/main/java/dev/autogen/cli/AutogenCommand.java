package dev.autogen.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code autogen}: without a subcommand it generates ({@code autogen -m "add bio column"}).
 */
@Command(name = "autogen", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    subcommands = {GenerateCommand.class, CheckCommand.class, DiffCommand.class, BaselineCommand.class,
        DemoCommand.class, ConfigCommand.class, VerifyCommand.class, RebaseCommand.class, StatusCommand.class,
        DevServerCommand.class},
    description = {
      "Writes the next Flyway migration from your JPA/Hibernate entities, with every risky step called out.",
      "Without a subcommand: generate. Exit codes: 0 ok/no drift, 1 drift found (verify: a check failed), 2 usage or input error, "
          + "3 database unreachable or refused."
    })
final class AutogenCommand implements Callable<Integer> {

  @Mixin ProjectOptions options;
  @Spec CommandSpec spec;

  @Option(names = {"-m", "--message"}, paramLabel = "MSG", description = "Generate a migration with this message.")
  String message;

  @Override
  public Integer call() {
    if (message == null || message.isBlank()) {
      throw new AutogenException(ExitCode.USAGE,
          "say what the migration does with -m, e.g. autogen -m \"add bio column\" (or see autogen --help)");
    }
    return GenerateCommand.generate(options, message, spec.commandLine().getOut());
  }
}
