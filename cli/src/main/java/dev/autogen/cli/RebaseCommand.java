package dev.autogen.cli;

import dev.autogen.cli.files.MigrationLock;
import dev.autogen.cli.history.AppliedMigrations;
import dev.autogen.cli.history.BranchMigrations;
import dev.autogen.cli.history.Renumbering;
import dev.autogen.cli.source.DatabaseLogin;
import dev.autogen.cli.source.FlywayMigrations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code autogen rebase --base REF}: renumbers the migrations this branch adds above the base's highest
 * version ({@link Renumbering}), so that the merged history is linear, as {@code alembic merge} resolves
 * "multiple heads". With {@code --url} it first refuses (exit 2) when that database's Flyway history
 * records one of them as applied: renumbering it would make Flyway run it again there.
 */
@Command(name = "rebase", mixinStandardHelpOptions = true,
    description = "Renumber the migrations this branch adds (relative to --base REF, e.g. origin/main) above the "
        + "base's highest version, with their undo and .conf files and header lines. Refuses when --url's database "
        + "has applied one of them. Never overwrites a file.")
final class RebaseCommand implements Callable<Integer> {

  @ParentCommand AutogenCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--dry-run", description = "Print what would be renamed, and rename nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    ProjectOptions options = parent.options;
    if (options.base == null || options.base.isBlank()) {
      throw new AutogenException(ExitCode.USAGE, "rebase needs --base REF, the branch this one merges into "
          + "(e.g. autogen rebase --base origin/main)");
    }
    FlywayMigrations migrations = options.migrations(true);
    Path directory = migrations.directory();
    PrintWriter out = spec.commandLine().getOut();
    try (MigrationLock lock = MigrationLock.acquire(directory, MigrationLock.WAIT,
        spec.commandLine().getErr())) {
      BranchMigrations branch = BranchMigrations.against(directory, options.base, migrations.naming());
      Renumbering renumbering = Renumbering.plan(directory, branch, migrations.naming(), Instant.now());
      if (renumbering.steps().isEmpty()) {
        out.println("Nothing to rebase: " + (branch.added().isEmpty() ? "this branch adds no migration to "
            + options.base : "this branch's migrations are above " + options.base + "'s highest version"
            + branch.baseHighest().map(h -> " " + h.rawVersion()).orElse("")) + ".");
        return ExitCode.OK;
      }
      refuseApplied(options, renumbering);
      for (int i = renumbering.steps().size() - 1; i >= 0; i--) {
        Renumbering.Step step = renumbering.steps().get(i);
        for (Renumbering.Move move : step.files()) {
          out.println((dryRun ? "Would rename " : "Renamed ") + DisplayPath.of(move.from()) + " -> "
              + move.to().getFileName());
        }
      }
      if (!dryRun) {
        renumbering.apply();
      }
      out.println((dryRun ? "Dry run: nothing renamed; " : "")
          + renumbering.steps().size() + " migration(s) " + (dryRun ? "would follow " : "now follow ")
          + options.base + "'s highest version " + branch.baseHighest().map(h -> h.rawVersion()).orElse("")
          + ".");
      return ExitCode.OK;
    }
  }

  /** @throws AutogenException with {@link ExitCode#USAGE} when {@code --url}'s history has applied one */
  private static void refuseApplied(ProjectOptions options, Renumbering renumbering) {
    DatabaseLogin login = options.liveLogin();
    if (login == null) {
      return;
    }
    String table = options.historyTable() == null ? FlywayMigrations.HISTORY_TABLE : options.historyTable();
    AppliedMigrations applied = AppliedMigrations.read(login, options.flywaySchema(), table);
    for (Renumbering.Step step : renumbering.steps()) {
      if (applied.applied(step.migration())) {
        throw new AutogenException(ExitCode.USAGE, step.migration().path() + " is already applied in " + login
            + " (" + applied.table() + "): renumbering it would make Flyway run it there again; undo it there "
            + "first, or rebase without --url for a database that has not applied it (nothing renamed)");
      }
    }
  }
}
