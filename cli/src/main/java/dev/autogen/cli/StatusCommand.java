package dev.autogen.cli;

import dev.autogen.cli.history.DatabaseStatus;
import dev.autogen.cli.history.HistoryDrift;
import dev.autogen.cli.history.StatusReport;
import dev.autogen.cli.history.VersionConflicts;
import dev.autogen.cli.source.DatabaseLogin;
import dev.autogen.cli.source.DevServer;
import dev.autogen.cli.source.FlywayMigrations;
import dev.autogen.cli.verify.MigrationVersions;
import dev.autogen.introspect.JdbcUrls;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code autogen status} (Alembic's {@code current}, {@code heads} and {@code history}): the migrations
 * directory's head and history (undo files, non-transactional migrations) and its version conflicts
 * ({@link VersionConflicts}, as {@code check} reports them); with {@code --url}, where that database
 * stands as Flyway's own {@code info()} says ({@link DatabaseStatus}: applied version, pending, failed,
 * out-of-order and missing entries, checksum mismatches) and whether its schema drifted from its history
 * ({@link HistoryDrift}: the applied migrations replayed on the dev server and compared exactly). The
 * database of {@code --url} is only read. Exit codes as {@link #call()} says.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Where the migrations and a database stand: the directory's head and history (undo files, "
        + "non-transactional migrations) and version conflicts; with --url the applied version, pending, failed, "
        + "out-of-order and missing entries and checksum mismatches (Flyway's info), and schema drift from the "
        + "history (the applied migrations replayed on the dev server, embedded PostgreSQL unless --dev-url, and "
        + "compared exactly with the live schema). Never writes to --url.",
        "Exit codes: 0 at head with no failed entry and no drift (without --url: no version conflict); 1 pending "
            + "migrations, failed or missing entries, checksum mismatches, drift or version conflicts; 2 usage; "
            + "3 database unreachable."})
final class StatusCommand implements Callable<Integer> {

  /** Report formats. */
  enum Format { text, json }

  @ParentCommand AutogenCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "text", description = "text (default) or json.")
  Format format;

  /**
   * @return {@link ExitCode#OK} when everything holds ({@link StatusReport#ok()}), {@link ExitCode#DRIFT}
   *     otherwise; usage errors ({@link ExitCode#USAGE}) and an unreachable database ({@link
   *     ExitCode#DATABASE}) are thrown as {@link AutogenException}
   */
  @Override
  public Integer call() {
    ProjectOptions options = parent.options;
    DatabaseLogin live = options.liveLogin();
    FlywayMigrations migrations = options.migrations(true);
    Path directory = migrations.directory();
    MigrationVersions versions = MigrationVersions.scan(directory, migrations.naming());
    List<String> conflicts = VersionConflicts.find(directory, migrations.naming(), options.base);
    // Flyway refuses a directory with two migrations of one version: nothing of it is read then
    boolean readable = versions.duplicates().isEmpty();
    Set<Path> nonTransactional = readable ? migrations.nonTransactional() : Set.of();
    FlywayMigrations.Info info = live != null && readable ? migrations.info(live) : null;
    DatabaseStatus status = info == null ? null : DatabaseStatus.of(info);
    Map<String, String> states = info == null ? Map.of() : info.statesOfFiles();
    HistoryDrift drift = status == null ? null : HistoryDrift.check(migrations, status, live,
        () -> DevServer.resolve(options.devUrl, options.user, options.password()), options.introspectOptions());
    List<StatusReport.Line> lines = versions.versioned().stream().map(m -> new StatusReport.Line(
        m.version().toString(), m.description().replace('_', ' '), relative(directory, m.file()),
        versions.undoOf(m.version()).map(u -> relative(directory, u.file())).orElse(null),
        nonTransactional.contains(m.file()), states.get(m.version().toString()))).toList();
    StatusReport report = new StatusReport(DisplayPath.of(directory), lines, conflicts,
        live == null ? null : JdbcUrls.redact(live.url()), status, drift);
    spec.commandLine().getOut().print(format == Format.json ? report.json() : report.text());
    return report.ok() ? ExitCode.OK : ExitCode.DRIFT;
  }

  private static String relative(Path directory, Path file) {
    return directory.relativize(file).toString().replace(java.io.File.separatorChar, '/');
  }
}
