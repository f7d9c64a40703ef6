package dev.autogen.cli;

import dev.autogen.cli.history.BranchMigrations;
import dev.autogen.cli.source.DevServer;
import dev.autogen.cli.source.FlywayMigrations;
import dev.autogen.cli.source.ScratchDatabase;
import dev.autogen.cli.verify.LinearHistory;
import dev.autogen.cli.verify.MigrationCheck;
import dev.autogen.cli.verify.MigrationCheck.Status;
import dev.autogen.cli.verify.MigrationVersions;
import dev.autogen.cli.verify.SeededData;
import dev.autogen.cli.verify.Stairway;
import dev.autogen.cli.verify.VerifyReport;
import dev.autogen.codegen.ChangeLabels;
import dev.autogen.diff.RiskGate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code autogen verify}: proves the migrations directory on a private scratch database of the dev
 * server (embedded PostgreSQL unless {@code --dev-url}): the history is linear ({@link LinearHistory}),
 * every migration applies from empty, in order, and is timed, each one with an undo file is undone
 * to exactly the catalog before it and applied again ({@link Stairway}), and after the last one the
 * schema matches the entities exactly as {@code autogen check} says (same options, same baseline file:
 * {@link Comparison#run(ProjectOptions, boolean)}). Exit 0 when everything holds, 1 on any failure
 * (naming the migration and the first difference), 2 for bad input.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Prove the migrations: linear history, each applies from empty (timed), each undo file restores "
        + "the catalog exactly and the migration applies again, and the result matches the entities (as check). "
        + "On a scratch database of the dev server (embedded PostgreSQL unless --dev-url). Exit 1 on any failure.")
final class VerifyCommand implements Callable<Integer> {

  /** Report formats. */
  enum Format { text, json }

  @ParentCommand AutogenCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "text", description = "text (default: one line per migration) or json.")
  Format format;

  @Option(names = "--junit-xml", paramLabel = "FILE",
      description = "Also write a JUnit XML report (one test case per check per migration) for CI.")
  Path junitXml;

  @Option(names = "--require-undo", description = "Fail when a versioned migration has no undo file.")
  boolean requireUndo;

  @Option(names = "--from", paramLabel = "VERSION",
      description = "The baseline version: migrations up to it are applied (and timed) without the undo round trip.")
  String from;

  /** Where seed files are looked up by default, relative to the project directory. */
  static final String DEFAULT_SEEDS = "src/test/resources/autogen/seed";

  @Option(names = "--seeds", paramLabel = "DIR",
      description = "Seed files, V<version>.sql run after that migration, so that later migrations and undo files "
          + "run on rows; each undo must then keep every table's rows (default: " + DEFAULT_SEEDS + ", none when missing).")
  Path seeds;

  @Override
  public Integer call() {
    ProjectOptions options = parent.options;
    if (options.url != null && !options.url.isBlank()) {
      throw new AutogenException(ExitCode.USAGE, "verify runs the migrations on a scratch database of the dev server, "
          + "never on --url: leave out --url (use --dev-url to name the dev server)");
    }
    RiskGate gate = options.gate();
    FlywayMigrations migrations = options.migrations(true);
    MigrationVersions versions = MigrationVersions.scan(migrations.directory(), migrations.naming());
    MigrationVersion baseline = baseline(versions, migrations.directory());
    Path report = junitXml == null ? null : options.directory.resolve(junitXml);
    SeededData seeded = seeds(options, migrations, versions);
    BranchMigrations branch = options.base == null || !Files.isDirectory(migrations.directory()) ? null
        : BranchMigrations.against(migrations.directory(), options.base, migrations.naming());
    List<LinearHistory.Problem> history = LinearHistory.check(migrations, versions, requireUndo, branch);
    List<MigrationCheck> checks = List.of();
    if (versions.duplicates().isEmpty()) {
      checks = options.timings().measure("stairway", () -> {
        try (DevServer server = DevServer.resolve(options.devUrl, options.user, options.password());
            ScratchDatabase scratch = ScratchDatabase.create(server)) {
          return new Stairway(migrations, scratch.login(), options.introspectOptions(), seeded).run(versions,
              baseline);
        }
      });
    }
    VerifyReport result = modelMatches(options, gate, migrations, versions, history, checks);
    PrintWriter out = spec.commandLine().getOut();
    out.print(format == Format.json ? result.json() : result.text());
    if (report != null) {
      write(report, result.junitXml());
    }
    options.timings().print();
    return result.passed() ? ExitCode.OK : ExitCode.DRIFT;
  }

  /**
   * The model check, exactly {@code autogen check}'s: the same comparison with the same options and
   * baseline, on the replayed migrations; not run when the history or a migration failed.
   */
  private static VerifyReport modelMatches(ProjectOptions options, RiskGate gate, FlywayMigrations migrations,
      MigrationVersions versions, List<LinearHistory.Problem> history, List<MigrationCheck> checks) {
    String directory = migrations.directory().toString();
    boolean ran = !checks.isEmpty() || history.isEmpty();
    if (!ran || checks.stream().anyMatch(c -> c.failed() || c.upgrade() == Status.NOT_RUN)) {
      return new VerifyReport(directory, versions, history, checks, Status.NOT_RUN, "not run: an earlier check failed");
    }
    Comparison comparison = Comparison.run(options, true);
    if (comparison.plan().isEmpty()) {
      return new VerifyReport(directory, versions, history, checks, Status.PASSED, null);
    }
    String failed = gate.isSet() ? Reports.gate(gate, comparison.plan()) : "";
    if (gate.isSet() && failed.isEmpty()) {
      return new VerifyReport(directory, versions, history, checks, Status.PASSED, null);
    }
    int n = comparison.plan().changes().size();
    String message = gate.isSet() ? failed.strip().lines().findFirst().orElse(failed)
        : "the schema the migrations build differs from the entities (" + n + " change" + (n == 1 ? "" : "s")
            + ", first: " + ChangeLabels.describe(comparison.plan().changes().get(0), null)
            + "): run autogen -m \"...\" to write the migration";
    return new VerifyReport(directory, versions, history, checks, Status.FAILED, message);
  }

  /** @return {@code --from} as Flyway reads it, or null; it must be the version of a migration */
  private MigrationVersion baseline(MigrationVersions versions, Path directory) {
    if (from == null) {
      return null;
    }
    MigrationVersion version;
    try {
      version = MigrationVersion.fromVersion(from.trim());
    } catch (FlywayException | NumberFormatException e) {
      throw new AutogenException(ExitCode.USAGE, "--from " + from + " is not a Flyway version (digits separated by . or _)");
    }
    if (version.getVersion() == null || versions.versioned().stream().noneMatch(m -> m.version().equals(version))) {
      throw new AutogenException(ExitCode.USAGE, "--from " + from + ": no migration in " + directory
          + " has that version");
    }
    return version;
  }

  /**
   * @return the seed files of {@code --seeds}, else of {@value #DEFAULT_SEEDS} when it exists
   * @throws AutogenException with {@link ExitCode#USAGE} when {@code --seeds} does not exist, or as {@link
   *     SeededData#in}
   */
  private SeededData seeds(ProjectOptions options, FlywayMigrations migrations, MigrationVersions versions) {
    Path directory = options.directory.resolve(seeds == null ? Path.of(DEFAULT_SEEDS) : seeds);
    if (seeds != null && !Files.isDirectory(directory)) {
      throw new AutogenException(ExitCode.USAGE, "--seeds " + seeds + " is not a directory (it holds V<version>.sql "
          + "files run after those migrations)");
    }
    return SeededData.in(directory, migrations.naming().prefix(), versions);
  }

  private static void write(Path file, String text) {
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new AutogenException(ExitCode.USAGE, "cannot write --junit-xml " + file + ": " + e.getMessage(), e);
    }
  }
}
