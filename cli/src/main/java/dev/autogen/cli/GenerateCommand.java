package dev.autogen.cli;

import dev.autogen.cli.files.MigrationLock;
import dev.autogen.cli.files.RunDirectory;
import dev.autogen.cli.rename.RenamePrompt;
import dev.autogen.cli.rename.RenamesFile;
import dev.autogen.cli.rename.Terminal;
import dev.autogen.cli.source.FlywayMigrations;
import dev.autogen.cli.source.LiquibaseChangelog;
import dev.autogen.diff.RiskGate;
import dev.autogen.model.postgres.PostgresDialect;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code autogen [generate] -m MSG}: writes the next Flyway migration ({@code V<n>__<slug>.sql}) and
 * its undo file ({@code U<n>__<slug>.sql}) into the migrations directory, with the hazards at the top; in a
 * Liquibase project, the next changelog with its rollbacks, included from the master ({@link LiquibaseFiles}).
 * Differences the baseline accepts are left out of the migration. On a terminal it first asks about
 * each suspected rename ({@link RenamePrompt}). With {@code --java} the migration is a Flyway Java
 * migration instead ({@code V<n>__<slug>.java}, {@link MigrationFiles.JavaTarget}).
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write the next Flyway migration (and its U undo file), or in a Liquibase project the next "
        + "changelog with rollbacks, that brings the schema to the entities.")
final class GenerateCommand implements Callable<Integer> {

  @ParentCommand AutogenCommand parent;
  @Spec CommandSpec spec;

  @Option(names = {"-m", "--message"}, required = true, paramLabel = "MSG",
      description = "What the migration does; becomes the file name's description, e.g. \"add bio column\".")
  String message;

  @Override
  public Integer call() {
    return generate(parent.options, message, spec.commandLine().getOut());
  }

  /**
   * The whole generate job, shared with the top-level command ({@code autogen -m MSG}).
   *
   * @param options the project options
   * @param message the migration's message
   * @param out where to report
   * @return {@link ExitCode#OK}, or {@link ExitCode#DRIFT} when the {@code --fail-on} gate fails (then
   *     nothing is written)
   */
  static int generate(ProjectOptions options, String message, PrintWriter out) {
    return generate(options, message, out, Terminal.system(options.noInput).orElse(null));
  }

  /**
   * As {@link #generate(ProjectOptions, String, PrintWriter)}, asking on a given terminal: each
   * suspected rename, best first ({@link RenamePrompt}), then the plan diffed again with those
   * confirmed; once the migration is written, whether to add the confirmed renames to the renames
   * file.
   *
   * @param options the project options
   * @param message the migration's message
   * @param out where to report
   * @param terminal where to ask, or null to ask nothing (not a terminal, {@code --no-input}, CI)
   * @return as {@link #generate(ProjectOptions, String, PrintWriter)}
   */
  static int generate(ProjectOptions options, String message, PrintWriter out, Terminal terminal) {
    java.util.Optional<LiquibaseChangelog> changelog = options.liquibaseChangelog();
    if (changelog.isPresent()) {
      if (options.javaOutput) {
        throw new AutogenException(ExitCode.USAGE, "--java writes Flyway Java migrations, but this project keeps its "
            + "schema history in Liquibase (" + changelog.get().path() + "); leave out --java (or java=true)");
      }
      // checked before the comparison, which takes seconds
      LiquibaseFiles.format(changelog.get(), options.changelogFormat);
      String author = LiquibaseFiles.author(options.author, options.directory);
      RiskGate gate = options.gate();
      // one run at a time compares against and writes into a project's changelogs: the master's directory's lock
      try (MigrationLock lock = MigrationLock.acquire(changelog.get().path().getParent(), MigrationLock.WAIT,
          options.command.commandLine().getErr())) {
        return generate(options, gate, message, out, terminal, comparison -> LiquibaseFiles.write(
            changelog.get(), message, comparison, options.onlineOptions(), options.changelogFormat, author));
      }
    }
    if (options.author != null || options.changelogFormat != null) {
      throw new AutogenException(ExitCode.USAGE, (options.author != null ? "--author" : "--changelog-format")
          + " applies to a Liquibase project's changelogs, and this project has no Liquibase changelog; leave it out");
    }
    FlywayMigrations migrations = options.migrations(true);
    RiskGate gate = options.gate();
    // one run at a time compares against and writes into a migrations directory (issue 9, #6)
    try (MigrationLock lock = MigrationLock.acquire(migrations.directory(), MigrationLock.WAIT,
        options.command.commandLine().getErr())) {
      return generate(options, gate, message, out, terminal, comparison -> MigrationFiles.write(migrations,
          options.cacheDirectory().resolve(RunDirectory.IN_CACHE), message, comparison, options.onlineOptions(),
          MigrationFiles.JavaTarget.of(options)));
    }
  }

  private static int generate(ProjectOptions options, RiskGate gate, String message, PrintWriter out,
      Terminal terminal, Function<Comparison, List<Path>> writer) {
    RenamePrompt prompt = terminal == null ? null : new RenamePrompt(terminal, PostgresDialect.INSTANCE.defaultSchema());
    Comparison comparison = Comparison.run(options, true, prompt);
    if (comparison.plan().isEmpty()) {
      out.println("No changes: the database matches the entities; no migration written.");
      out.print(Reports.baseline(comparison));
      return ExitCode.OK;
    }
    String failed = gate.isSet() ? Reports.gate(gate, comparison.plan()) : "";
    if (!failed.isEmpty()) {
      out.print(Reports.text(comparison));
      out.print(failed);
      out.println("No migration written.");
      return ExitCode.DRIFT;
    }
    List<Path> written = writer.apply(comparison);
    out.print(Reports.text(comparison));
    written.forEach(p -> out.println("Wrote " + DisplayPath.of(p)));
    if (prompt != null && !prompt.confirmed().isEmpty() && prompt.askDefaultYes("Add the confirmed renames to "
        + options.renamesFile() + " (commit it, so that later runs know them)?")) {
      List<String> added = RenamesFile.append(options.renamesFile(), prompt.confirmed());
      out.println("Added " + added.size() + " rename" + (added.size() == 1 ? "" : "s") + " to " + options.renamesFile());
    }
    return ExitCode.OK;
  }
}
