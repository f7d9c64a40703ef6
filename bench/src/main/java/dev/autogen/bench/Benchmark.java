package dev.autogen.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The whole-process scale benchmark of issue 3: for each N, a database built from hand-written DDL
 * and a set of N compiled entities with drift in every tenth table; {@code autogen check} runs as its
 * own process (cold JVM each time) under GNU time, and {@code autogen diff --format json} once to
 * count the drift found, missed and falsely reported.
 *
 * <p>Usage, from the repository root: {@code java -jar bench/target/autogen-bench.jar [--autogen
 * ./autogen] [--runs 5] [--url jdbc:postgresql://127.0.0.1:5432/postgres] [--user postgres] [N ...]};
 * the password comes from {@code AUTOGEN_PASSWORD}. Default N: 10 100 1000. {@code --autogen} is the
 * launcher script users run (default), or a jar to run with plain {@code java -jar}.
 */
public final class Benchmark {

  private Path autogen = Path.of("autogen");
  private int runs = 5;
  private String adminUrl = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private String user = "postgres";
  private final String password = System.getenv("AUTOGEN_PASSWORD");
  private final List<Integer> sizes = new ArrayList<>();

  /**
   * One table row of the result.
   *
   * @param tables N
   * @param wallSeconds median wall time of {@code check}
   * @param cpuSeconds median CPU time (user + system) of {@code check}
   * @param peakRssMegabytes median peak RSS of {@code check}
   * @param drift the drift counts of {@code diff}
   */
  record Row(int tables, double wallSeconds, double cpuSeconds, double peakRssMegabytes, DriftCount drift) {}

  /**
   * @param args see the class comment
   * @throws Exception when the benchmark cannot run; it exits 1 when a count is wrong
   */
  public static void main(String[] args) throws Exception {
    Benchmark benchmark = new Benchmark();
    benchmark.parse(args);
    List<Row> rows = new ArrayList<>();
    for (int n : benchmark.sizes) {
      rows.add(benchmark.measure(n, System.err));
    }
    print(rows, benchmark.runs, System.out);
    boolean exact = rows.stream().allMatch(r -> r.drift().missed() == 0 && r.drift().falsePositives() == 0);
    System.exit(exact ? 0 : 1);
  }

  private void parse(String[] args) {
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--autogen" -> autogen = Path.of(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--url" -> adminUrl = args[++i];
        case "--user" -> user = args[++i];
        default -> sizes.add(Integer.parseInt(args[i]));
      }
    }
    if (sizes.isEmpty()) {
      sizes.addAll(List.of(10, 100, 1000));
    }
    if (!Files.isRegularFile(autogen)) {
      throw new IllegalStateException("no autogen launcher or jar at " + autogen
          + ": run from the repository root, or pass --autogen");
    }
  }

  private Row measure(int n, PrintStream log) throws IOException, InterruptedException, SQLException {
    GeneratedSchema schema = new GeneratedSchema(n, GeneratedSchema.DEFAULT_PACKAGE);
    Path work = Files.createTempDirectory("autogen-bench-" + n);
    try (BenchDatabase db = BenchDatabase.create(adminUrl, user, password, String.valueOf(n))) {
      log.printf(Locale.ROOT, "N=%d: generating and compiling %d entities, loading the DDL...%n", n, n);
      EntityCompiler.compile(schema.entitySources(), work.resolve("src"), work.resolve("classes"));
      db.execute(schema.ddl());
      List<String> check = command("check", db, work.resolve("classes"));
      TimedProcess.run(check); // warm the OS file cache; the JVM is cold on every run
      List<TimedProcess.Run> timed = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        TimedProcess.Run run = TimedProcess.run(check);
        if (run.exitCode() != 1) {
          throw new IllegalStateException("autogen check exited " + run.exitCode() + " instead of 1 (drift) at N=" + n);
        }
        timed.add(run);
      }
      List<String> diff = new ArrayList<>(command("diff", db, work.resolve("classes")));
      diff.addAll(List.of("--format", "json"));
      DriftCount drift = DriftCount.of(TimedProcess.run(diff).stdout(), schema.expectedDrift());
      log.printf(Locale.ROOT, "N=%d: done%n", n);
      return new Row(n, median(timed, TimedProcess.Run::wallSeconds), median(timed, TimedProcess.Run::cpuSeconds),
          median(timed, TimedProcess.Run::peakRssMegabytes), drift);
    } finally {
      deleteTree(work);
    }
  }

  private List<String> command(String subcommand, BenchDatabase db, Path classes) {
    List<String> command = new ArrayList<>(autogen.toString().endsWith(".jar")
        ? List.of(javaExecutable(), "-jar", autogen.toString())
        : List.of(autogen.toAbsolutePath().toString()));
    command.addAll(List.of(subcommand, "--url", db.url(), "--user", user, "--classpath", classes.toString(),
        "--packages", GeneratedSchema.DEFAULT_PACKAGE));
    return command;
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static double median(List<TimedProcess.Run> runs, java.util.function.ToDoubleFunction<TimedProcess.Run> f) {
    double[] values = runs.stream().mapToDouble(f).sorted().toArray();
    int mid = values.length / 2;
    return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  }

  private static void print(List<Row> rows, int runs, PrintStream out) {
    out.printf(Locale.ROOT, "autogen check, whole process, cold JVM, median of %d runs (%s, %d cores)%n%n", runs,
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    out.println("| N tables | wall (s) | CPU (s) | peak RSS (MB) | drift injected | found | missed | false positives |");
    out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (Row r : rows) {
      out.printf(Locale.ROOT, "| %d | %.2f | %.2f | %.0f | %d | %d | %d | %d |%n", r.tables(), r.wallSeconds(),
          r.cpuSeconds(), r.peakRssMegabytes(), r.drift().expected(), r.drift().found(), r.drift().missed(),
          r.drift().falsePositives());
    }
  }

  private static void deleteTree(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
