package dev.autogen.bench;

import dev.autogen.bench.peer.LiquibasePeer;
import dev.autogen.bench.peer.Peers;
import dev.autogen.bench.replay.ReplayBenchmark;
import dev.autogen.bench.replay.ReplayRow;
import dev.autogen.bench.replay.ReplayTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The whole-process scale benchmark of issue 3: for each N, a database built from hand-written DDL
 * and a set of N compiled entities with drift in every tenth table; {@code autogen check} runs as its
 * own process (cold JVM each time) under GNU time, twice over: with {@code --no-cache} (nothing
 * cached, the figure to compare the peers with) and with its entity-model cache filled by an earlier
 * run (in a cache directory of the benchmark's own, deleted afterwards); {@code autogen diff --format
 * json --no-cache} runs once to count the drift found, missed and falsely reported. On the same
 * database and entities, in the same run, each {@link Peer} runs the same way: Hibernate's schema
 * update ({@link dev.autogen.bench.peer.HibernatePeer}) and Liquibase's Hibernate diff ({@link
 * LiquibasePeer}). A peer that fails at some N gets a row saying why; the benchmark goes on.
 *
 * <p>Usage, from the repository root: {@code java -jar bench/target/autogen-bench.jar [--autogen
 * ./autogen] [--runs 5] [--url jdbc:postgresql://127.0.0.1:5432/postgres] [--user postgres] [--peers
 * "hibernate,liquibase,liquibase:-Xss1g -Dhibernate.max_fetch_depth=2" | none] [--liquibase-peer JAR] [N ...]}; the password comes
 * from {@code AUTOGEN_PASSWORD}. Default N: 10 100 1000. {@code --autogen} is the launcher script
 * users run (default), or a jar to run with plain {@code java -jar}. Default peers: Hibernate, and
 * Liquibase when its jar ({@link LiquibasePeer#DEFAULT_JAR}) is built; see {@link Peers#parse} for the
 * list's syntax. Every command runs once unmeasured first, so that all of them find the operating
 * system's file cache warm; the JVM is cold on every run.
 *
 * <p>{@code --replay [--migrations 100,300]} runs the replay scenario instead ({@link ReplayBenchmark}):
 * for each N (default 1000) and each M of {@code --migrations} (default {@link
 * ReplayBenchmark#DEFAULT_MIGRATIONS}; 1000 on request), {@code autogen check} replaying a generated
 * history of M migrations beside the {@code psql -1} and Flyway floors; {@code --baseline PATH} adds
 * the check rows of another build's launcher (the commit before a change) to the same run.
 */
public final class Benchmark {

  /** Cold: nothing cached, as on a first run or after the entities changed; what the peers compare with. */
  private static final String AUTOGEN_COLD = "autogen check --no-cache";
  /** Warm: the entity model cached by an earlier run, as on a commit that changed no entity. */
  private static final String AUTOGEN_CACHED = "autogen check, entities cached";

  private Path autogen = Path.of("autogen");
  private int runs = 5;
  private String adminUrl = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private String user = "postgres";
  private final String password = System.getenv(Subject.PASSWORD_VARIABLE);
  private final List<Integer> sizes = new ArrayList<>();
  private String peerSpec;
  private Path liquibaseJar = LiquibasePeer.DEFAULT_JAR;
  private List<Peer> peers;
  private boolean replay;
  private Path baseline;
  private List<Integer> migrations = ReplayBenchmark.DEFAULT_MIGRATIONS;

  /**
   * @param args see the class comment
   * @throws Exception when the benchmark cannot run; it exits 1 when autogen's drift count is wrong
   */
  public static void main(String[] args) throws Exception {
    Benchmark benchmark = new Benchmark();
    benchmark.parse(args);
    if (benchmark.replay) {
      ReplayBenchmark scenario = new ReplayBenchmark(benchmark.autogen, benchmark.baseline, benchmark.runs,
          benchmark.adminUrl,
          benchmark.user, benchmark.password);
      List<ReplayRow> rows = new ArrayList<>();
      for (int n : benchmark.sizes) {
        rows.addAll(scenario.measure(n, benchmark.migrations, System.err));
      }
      ReplayTable.print(rows, benchmark.runs, System.out);
      return;
    }
    List<Row> rows = new ArrayList<>();
    for (int n : benchmark.sizes) {
      rows.addAll(benchmark.measure(n, System.err));
    }
    ResultTable.print(rows, benchmark.runs, System.out);
    boolean exact = rows.stream().filter(r -> r.drift() != null)
        .allMatch(r -> r.drift().missed() == 0 && r.drift().falsePositives() == 0);
    System.exit(exact ? 0 : 1);
  }

  private void parse(String[] args) {
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--autogen" -> autogen = Path.of(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--url" -> adminUrl = args[++i];
        case "--user" -> user = args[++i];
        case "--peers" -> peerSpec = args[++i];
        case "--liquibase-peer" -> liquibaseJar = Path.of(args[++i]);
        case "--replay" -> replay = true;
        case "--baseline" -> baseline = Path.of(args[++i]);
        case "--migrations" -> migrations = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
        default -> sizes.add(Integer.parseInt(args[i]));
      }
    }
    if (sizes.isEmpty()) {
      sizes.addAll(replay ? List.of(1000) : List.of(10, 100, 1000));
    }
    if (!Files.isRegularFile(autogen)) {
      throw new IllegalStateException("no autogen launcher or jar at " + autogen
          + ": run from the repository root, or pass --autogen");
    }
    peers = peerSpec == null ? Peers.defaults(liquibaseJar) : Peers.parse(peerSpec, liquibaseJar);
  }

  private List<Row> measure(int n, PrintStream log) throws IOException, InterruptedException, SQLException {
    GeneratedSchema schema = new GeneratedSchema(n, GeneratedSchema.DEFAULT_PACKAGE);
    Path work = Files.createTempDirectory("autogen-bench-" + n);
    try (BenchDatabase db = BenchDatabase.create(adminUrl, user, password, String.valueOf(n))) {
      log.printf(Locale.ROOT, "N=%d: generating and compiling %d entities, loading the DDL...%n", n, n);
      EntityCompiler.compile(schema.entitySources(), work.resolve("src"), work.resolve("classes"));
      db.execute(schema.ddl());
      Subject subject = new Subject(db.url(), user, work.resolve("classes"), List.of(schema.packageName()));
      List<Row> rows = new ArrayList<>();
      DriftCount drift = driftCount(subject, schema);
      rows.add(measureAutogen(AUTOGEN_COLD, List.of("--no-cache"), subject, n, drift, log));
      rows.add(measureAutogen(AUTOGEN_CACHED, List.of("--cache-dir", work.resolve("cache").toString()), subject, n,
          drift, log));
      for (Peer peer : peers) {
        rows.add(measurePeer(peer, subject, n, log));
      }
      return rows;
    } finally {
      Directories.deleteTree(work);
    }
  }

  private Row measureAutogen(String label, List<String> options, Subject subject, int n, DriftCount drift,
      PrintStream log) throws IOException, InterruptedException {
    log.printf(Locale.ROOT, "N=%d: %s%n", n, label);
    List<String> check = autogenCommand("check", subject, options);
    TimedProcess.run(check);
    List<TimedProcess.Run> timed = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      TimedProcess.Run run = TimedProcess.run(check);
      if (run.exitCode() != 1) {
        throw new IllegalStateException(label + " exited " + run.exitCode() + " instead of 1 (drift) at N=" + n
            + ": " + JvmFailure.describe(run));
      }
      timed.add(run);
    }
    return Row.measured(label, n, Measurement.median(timed), drift.reported(), drift);
  }

  private DriftCount driftCount(Subject subject, GeneratedSchema schema) throws IOException, InterruptedException {
    TimedProcess.Run diff = TimedProcess.run(autogenCommand("diff", subject, List.of("--no-cache", "--format", "json")));
    return DriftCount.of(diff.stdout(), schema.expectedDrift());
  }

  private Row measurePeer(Peer peer, Subject subject, int n, PrintStream log) throws IOException, InterruptedException {
    log.printf(Locale.ROOT, "N=%d: %s%n", n, peer.label());
    List<String> command = peer.command(subject);
    TimedProcess.Run first = TimedProcess.run(command);
    if (first.exitCode() != 0) {
      return Row.failed(peer.label(), n, JvmFailure.describe(first));
    }
    List<TimedProcess.Run> timed = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      TimedProcess.Run run = TimedProcess.run(command);
      if (run.exitCode() != 0) {
        return Row.failed(peer.label(), n, JvmFailure.describe(run));
      }
      timed.add(run);
    }
    return Row.measured(peer.label(), n, Measurement.median(timed), peer.changesReported(timed.get(0).stdout()), null);
  }

  private List<String> autogenCommand(String subcommand, Subject subject, List<String> options) {
    List<String> arguments = new ArrayList<>(subject.arguments());
    arguments.addAll(options);
    return AutogenCommand.of(autogen, subcommand, arguments);
  }
}
