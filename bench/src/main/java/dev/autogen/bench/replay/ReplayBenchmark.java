package dev.autogen.bench.replay;

import dev.autogen.bench.AutogenCommand;
import dev.autogen.bench.BenchDatabase;
import dev.autogen.bench.Directories;
import dev.autogen.bench.DriftCount;
import dev.autogen.bench.EntityCompiler;
import dev.autogen.bench.GeneratedSchema;
import dev.autogen.bench.JavaCommand;
import dev.autogen.bench.JvmFailure;
import dev.autogen.bench.Measurement;
import dev.autogen.bench.TimedProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The replay scenario of the whole-process benchmark (issue 13): for N tables and each M, a generated
 * Flyway history ({@link GeneratedHistory}) of the N-table schema and the N compiled entities with their
 * drift; {@code autogen check --no-cache} in replay mode (no {@code --url}) runs as its own cold process
 * under GNU time, on the embedded PostgreSQL (the default) and on the benchmark's server ({@code
 * --dev-url}); beside it, in the same run, the floors on the benchmark's server, each into a new empty
 * database: {@code psql -1} of the same SQL as one script, and Flyway's {@code migrate} alone in a JVM
 * of its own ({@link FlywayMigrate}). {@code autogen diff --format json} runs once per history to check
 * that the replay finds exactly the injected drift.
 *
 * <p>The CPU column is the measured process's and its waited-for children's: neither PostgreSQL server's
 * backends are in it, since the server is not a child (the embedded one detaches from its JVM).
 */
public final class ReplayBenchmark {

  /** M unless told otherwise. */
  public static final List<Integer> DEFAULT_MIGRATIONS = List.of(100, 300);

  /**
   * The JVM options the {@code ./autogen} launcher starts a short run with (C1 only, the serial
   * collector), given to the Flyway floor too so that its row differs from autogen's by the work done.
   */
  static final List<String> LAUNCHER_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private final Path autogen;
  private final int runs;
  private final String adminUrl;
  private final String user;
  private final String password;
  private final Path baseline;

  /**
   * @param autogen the launcher script or jar ({@link AutogenCommand#of})
   * @param baseline another build's launcher or jar whose check rows are measured too, in the same run
   *     (e.g. a worktree of the commit before a change), or null for none
   * @param runs how many measured runs each median is of
   * @param adminUrl a JDBC URL of the benchmark's server, from which databases are created
   * @param user its login user
   * @param password its password, or null
   */
  public ReplayBenchmark(Path autogen, Path baseline, int runs, String adminUrl, String user, String password) {
    this.autogen = autogen;
    this.baseline = baseline;
    this.runs = runs;
    this.adminUrl = adminUrl;
    this.user = user;
    this.password = password;
  }

  /**
   * @param n N, the tables
   * @param migrationCounts each M to measure
   * @param log where progress goes
   * @return per M: autogen on the embedded server and on the benchmark's server (then the baseline's
   *     two, if any), the {@code psql -1} floor, the Flyway floor
   * @throws IOException when a file or process fails
   * @throws InterruptedException when interrupted
   * @throws SQLException when the benchmark's server refuses a database
   * @throws IllegalStateException when a measured command fails, or the replay does not find exactly the
   *     injected drift
   */
  public List<ReplayRow> measure(int n, List<Integer> migrationCounts, PrintStream log)
      throws IOException, InterruptedException, SQLException {
    GeneratedSchema schema = new GeneratedSchema(n, GeneratedSchema.DEFAULT_PACKAGE);
    Path work = Files.createTempDirectory("autogen-bench-replay-" + n);
    try {
      log.printf(Locale.ROOT, "N=%d: generating and compiling %d entities...%n", n, n);
      EntityCompiler.compile(schema.entitySources(), work.resolve("src"), work.resolve("classes"));
      List<ReplayRow> rows = new ArrayList<>();
      for (int m : migrationCounts) {
        GeneratedHistory history = new GeneratedHistory(schema, m);
        Path migrations = work.resolve("m" + m).resolve("migration");
        Path script = work.resolve("m" + m).resolve("all.sql");
        history.write(migrations, script);
        List<String> entities = List.of("--classpath", work.resolve("classes").toString(),
            "--packages", schema.packageName(), "--migrations", migrations.toString(), "--no-cache", "--timings");
        requireExactDrift(schema, entities, n, m);
        for (Path launcher : baseline == null ? List.of(autogen) : List.of(autogen, baseline)) {
          String who = launcher.equals(autogen) ? "autogen" : "baseline " + launcher;
          rows.add(autogenRow(who + " check --no-cache, replay on the embedded PostgreSQL", history,
              autogenRuns(launcher, entities, List.of(), n, m, log)));
          rows.add(autogenRow(who + " check --no-cache, replay on this server (--dev-url)", history,
              autogenRuns(launcher, entities, List.of("--dev-url", adminUrl, "--user", user), n, m, log)));
        }
        rows.addAll(incremental(history, migrations, work.resolve("m" + m).resolve("cache"), entities, n, m, log));
        rows.add(autogenRow("autogen verify of the whole history (one run; no undo files: one Flyway migrate,"
            + " each migration timed)", history, verifyRuns(entities, n, m, log)));
        rows.add(row("psql -1 of the same SQL, empty database", history, true,
            floorRuns("psql -1", db -> Psql.command(db.url(), user, script), Psql.environment(password), n, m, log)));
        rows.add(row("Flyway migrate alone (own JVM, autogen's JVM options), empty database", history, false,
            floorRuns("Flyway migrate", db -> JavaCommand.of(LAUNCHER_JVM_OPTIONS, List.of("-cp",
                System.getProperty("java.class.path"), FlywayMigrate.class.getName(), db.url(), user,
                migrations.toString())), Map.of(), n, m, log)));
      }
      return rows;
    } finally {
      Directories.deleteTree(work);
    }
  }

  private static ReplayRow row(String what, GeneratedHistory history, boolean floor, List<TimedProcess.Run> timed) {
    return new ReplayRow(what, history.schema().tables(), history.migrations(), history.statements(), floor,
        Measurement.median(timed), Double.NaN);
  }

  private static ReplayRow autogenRow(String what, GeneratedHistory history, List<TimedProcess.Run> timed) {
    return new ReplayRow(what, history.schema().tables(), history.migrations(), history.statements(), false,
        Measurement.median(timed),
        Measurement.median(timed.stream().mapToDouble(r -> ReplayPhase.seconds(r.stderr())).toArray()));
  }

  private void requireExactDrift(GeneratedSchema schema, List<String> entities, int n, int m)
      throws IOException, InterruptedException {
    List<String> diff = new ArrayList<>(entities);
    diff.addAll(List.of("--format", "json"));
    TimedProcess.Run run = TimedProcess.run(AutogenCommand.of(autogen, "diff", diff));
    DriftCount drift = DriftCount.of(run.stdout(), schema.expectedDrift());
    if (drift.missed() != 0 || drift.falsePositives() != 0) {
      throw new IllegalStateException("replay of N=" + n + ", M=" + m + " does not give the injected drift: " + drift
          + "; " + JvmFailure.describe(run));
    }
  }

  /**
   * The edit loop (issue 13), as a user runs it: {@code autogen check} with the caches on, on the embedded
   * PostgreSQL, whose data directory and replay snapshots stay in the cache directory. First, unmeasured,
   * the history without its last migration (its head becomes a snapshot, the entities are cached); then
   *
   * <ul>
   *   <li>one new migration: the last one added, with a text of its own each run (a comment with the run's
   *       number), so that neither the replayed-catalog cache nor a snapshot of it answers: the replay copies
   *       the snapshot of the M-1 head and applies one migration;
   *   <li>nothing changed: both caches answer, no server starts;
   *   <li>an early migration edited (the second, a comment with the run's number): no snapshot holds a
   *       state before it, so the replay starts from an empty database (on the kept server).
   * </ul>
   *
   * The server stays up between the runs, as it does between a user's (until idle for {@code
   * AUTOGEN_DEV_SERVER_IDLE}, default 10 minutes), and is stopped at the end ({@code autogen dev-server stop}).
   */
  private List<ReplayRow> incremental(GeneratedHistory history, Path migrations, Path cache, List<String> cold,
      int n, int m, PrintStream log) throws IOException, InterruptedException {
    List<String> entities = new ArrayList<>(cold);
    entities.remove("--no-cache");
    entities.addAll(List.of("--cache-dir", cache.toString()));
    List<String> names = new ArrayList<>(history.files().keySet());
    Path last = migrations.resolve(names.get(names.size() - 1));
    Path early = migrations.resolve(names.get(Math.min(1, names.size() - 1)));
    String lastSql = Files.readString(last);
    String earlySql = Files.readString(early);
    List<ReplayRow> rows = new ArrayList<>();
    try {
      Files.delete(last);
      autogenRuns(autogen, entities, List.of(), n, m - 1, log, 0, i -> { });
      rows.add(autogenRow("autogen check, one new migration (caches on, embedded; from the M-1 snapshot)", history,
          autogenRuns(autogen, entities, List.of(), n, m, log, runs, i -> Files.writeString(last, lastSql + "-- run "
              + i + "\n"))));
      rows.add(autogenRow("autogen check, nothing changed (both caches hit, no server)", history,
          autogenRuns(autogen, entities, List.of(), n, m, log, runs, i -> { })));
      rows.add(autogenRow("autogen check, 2nd migration edited (caches on; no earlier snapshot)", history,
          autogenRuns(autogen, entities, List.of(), n, m, log, runs, i -> Files.writeString(early, earlySql + "-- edit "
              + i + "\n"))));
    } finally {
      Files.writeString(last, lastSql);
      Files.writeString(early, earlySql);
      // the embedded server stays up between runs until idle: stopped before its directory is deleted
      TimedProcess.run(AutogenCommand.of(autogen, "dev-server", List.of("stop", "--cache-dir", cache.toString())));
    }
    return rows;
  }

  /** Changes the history before a run. */
  private interface Edit {
    void before(int run) throws IOException;
  }

  /** Runs check once unmeasured (file cache, CDS archive), then {@code runs} times; drift makes it exit 1. */
  private List<TimedProcess.Run> autogenRuns(Path launcher, List<String> entities, List<String> devServer, int n,
      int m, PrintStream log) throws IOException, InterruptedException {
    return autogenRuns(launcher, entities, devServer, n, m, log, runs, i -> { });
  }

  /**
   * Runs check once unmeasured, then {@code measured} times, the edit made before each; drift makes it exit 1.
   */
  private List<TimedProcess.Run> autogenRuns(Path launcher, List<String> entities, List<String> devServer, int n,
      int m, PrintStream log, int measured, Edit edit) throws IOException, InterruptedException {
    List<String> options = new ArrayList<>(entities);
    options.addAll(devServer);
    List<String> check = AutogenCommand.of(launcher, "check", options);
    log.printf(Locale.ROOT, "N=%d M=%d: %s%n", n, m, String.join(" ", check));
    List<TimedProcess.Run> timed = new ArrayList<>();
    for (int i = 0; i <= measured; i++) {
      edit.before(i);
      TimedProcess.Run run = TimedProcess.run(check);
      if (run.exitCode() != 1) {
        throw new IllegalStateException("autogen check exited " + run.exitCode() + " instead of 1 (drift) at N=" + n
            + ", M=" + m + ": " + JvmFailure.describe(run));
      }
      log.printf(Locale.ROOT, "  run %d%s: %.2f s; %s%n", i, i > 0 ? "" : " (unmeasured)", run.wallSeconds(),
          timingsLine(run));
      if (i > 0) {
        timed.add(run);
      }
    }
    return timed;
  }

  /**
   * Runs {@code autogen verify} of the history once, on the embedded PostgreSQL, without a warm-up run (the
   * longest scenario: it applies the history and then replays it for the model check). It proves the
   * history (each migration applied in turn, the schema after the last matched with the entities), so the
   * injected drift makes it exit 1.
   */
  private List<TimedProcess.Run> verifyRuns(List<String> entities, int n, int m, PrintStream log)
      throws IOException, InterruptedException {
    List<String> verify = AutogenCommand.of(autogen, "verify", entities);
    log.printf(Locale.ROOT, "N=%d M=%d: %s%n", n, m, String.join(" ", verify));
    TimedProcess.Run run = TimedProcess.run(verify);
    log.printf(Locale.ROOT, "  %.2f s; %s%n", run.wallSeconds(), timingsLine(run));
    if (run.exitCode() != 1) {
      throw new IllegalStateException("autogen verify exited " + run.exitCode() + " instead of 1 (drift) at N=" + n
          + ", M=" + m + ": " + JvmFailure.describe(run));
    }
    return List.of(run);
  }

  /**
   * The {@code timings:} line autogen printed on standard error ({@code --timings}), so that the log says where
   * a run's time went; "no timings line" when it printed none.
   */
  private static String timingsLine(TimedProcess.Run run) {
    return run.stderr().lines().filter(line -> line.startsWith("timings:")).reduce((first, last) -> last)
        .orElse("no timings line");
  }

  /** What a floor runs, given the empty database it applies the history to. */
  private interface FloorCommand {
    List<String> into(BenchDatabase database);
  }

  /** Runs a floor once unmeasured, then {@code runs} times, each time into a new empty database. */
  private List<TimedProcess.Run> floorRuns(String label, FloorCommand command, Map<String, String> environment,
      int n, int m, PrintStream log) throws IOException, InterruptedException, SQLException {
    log.printf(Locale.ROOT, "N=%d M=%d: %s%n", n, m, label);
    List<TimedProcess.Run> timed = new ArrayList<>();
    for (int i = 0; i <= runs; i++) {
      try (BenchDatabase db = BenchDatabase.create(adminUrl, user, password, "replay")) {
        TimedProcess.Run run = TimedProcess.run(command.into(db), environment);
        if (run.exitCode() != 0) {
          throw new IllegalStateException(label + " exited " + run.exitCode() + " at N=" + n + ", M=" + m + ": "
              + JvmFailure.describe(run));
        }
        if (i > 0) {
          timed.add(run);
        }
      }
    }
    return timed;
  }
}
