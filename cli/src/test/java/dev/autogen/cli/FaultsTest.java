package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.cli.files.MigrationLock;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults leave no litter (issue 9, #7): a run killed outright during replay leaves an embedded
 * PostgreSQL and its data directory that the next run stops and removes; a run stopped by SIGTERM
 * while it writes leaves both files of the migration or neither, and no temporary file. Each run is a
 * JVM of its own, since that is what a signal ends.
 */
@Tag("reliability")
class FaultsTest {

  @Test
  void aRunKilledDuringReplayLeavesNothingOnceTheNextRunStarts(@TempDir Path dir) throws Exception {
    Path tmp = Files.createDirectory(dir.resolve("tmp"));
    Path migrations = Files.createDirectory(dir.resolve("migrations"));
    Files.writeString(migrations.resolve("V1__create_bookstore.sql"), Bookstore.migrationSql(1));
    // a replay long enough to be killed in the middle of
    Files.writeString(migrations.resolve("V2__slow.sql"), "select pg_sleep(12);\n");
    List<String> jvm = List.of(
        "-Djava.io.tmpdir=" + tmp,
        // the unpacked binaries are shared with the other tests' embedded servers: unpacking is slow
        "-Dot.epg.working-dir=" + Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg"));
    String[] check = {"check", "--no-input", "--no-cache", "--cache-dir", dir.resolve("cache").toString(),
        "--classpath", Cli.fixturesClasspath(), "--packages", Bookstore.packageOf(3),
        "--migrations", migrations.toString()};

    // where users' runs put the server: the scratch directory autogen chooses (memory where there is room)
    ChildJvm killed = ChildJvm.start(dir.resolve("logs"), jvm, Main.class, check);
    Path pidFile;
    long postmaster;
    try {
      pidFile = await(() -> runDirectory(killed.pid(), tmp).map(run -> run.resolve("data/postmaster.pid"))
          .filter(p -> firstLine(p).matches("\\d+")), Duration.ofSeconds(180), killed);
      postmaster = Long.parseLong(firstLine(pidFile));
      Thread.sleep(2000); // into the replay
    } finally {
      killed.process().destroyForcibly(); // kill -9: no shutdown hook runs
    }
    killed.process().waitFor();
    Path data = pidFile.getParent();
    try {
      assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive))
          .as("the kill left the embedded server running: what the next run must stop").isPresent();

      ChildJvm next = ChildJvm.start(dir.resolve("logs"), jvm, Main.class, check);
      int code = next.waitFor(240);

      assertThat(code).as(next.out() + next.err()).isEqualTo(ExitCode.DRIFT);
      try {
        await(() -> ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive).isEmpty() ? Optional.of(true)
            : Optional.empty(), Duration.ofSeconds(15), null);
      } catch (AssertionError e) {
        throw new AssertionError("the killed run's embedded PostgreSQL (pid " + postmaster + ", data " + data
            + ") still runs after the next run: " + next.err(), e);
      }
      assertThat(data).as("the dead run's data directory").doesNotExist();
      assertThat(runDirectory(killed.pid(), tmp)).as("the killed run's directory").isEmpty();
      assertThat(runDirectory(next.pid(), tmp)).as("the next run's directory").isEmpty();
      assertThat(runData(tmp)).isEmpty();
    } finally {
      ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void sigintDuringReplayStopsTheEmbeddedServerAndRemovesItsDataAtOnce(@TempDir Path dir) throws Exception {
    Path tmp = Files.createDirectory(dir.resolve("tmp"));
    Path migrations = Files.createDirectory(dir.resolve("migrations"));
    Files.writeString(migrations.resolve("V1__create_bookstore.sql"), Bookstore.migrationSql(1));
    Files.writeString(migrations.resolve("V2__slow.sql"), "select pg_sleep(12);\n");
    List<String> jvm = List.of("-Djava.io.tmpdir=" + tmp,
        "-Dot.epg.working-dir=" + Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg"));
    // the scratch directory named by the user: the server's data goes there, and nothing is left in it
    ChildJvm interrupted = ChildJvm.start(dir.resolve("logs"), jvm, Map.of("AUTOGEN_SCRATCH_DIR", tmp.toString()), null,
        Main.class, "check", "--no-input", "--no-cache",
        "--classpath", Cli.fixturesClasspath(), "--packages", Bookstore.packageOf(3),
        "--migrations", migrations.toString());
    long postmaster = -1;
    try {
      Path pidFile = await(() -> find(tmp, "postmaster.pid").filter(p -> firstLine(p).matches("\\d+")),
          Duration.ofSeconds(180), interrupted);
      postmaster = Long.parseLong(firstLine(pidFile));
      Thread.sleep(2000); // into the replay
      new ProcessBuilder("kill", "-INT", Long.toString(interrupted.pid())).start().waitFor(); // Ctrl-C
      int code = interrupted.waitFor(60);

      assertThat(code).as("a run stopped by SIGINT does not report success: " + interrupted.err()).isNotZero();
      long server = postmaster;
      await(() -> ProcessHandle.of(server).filter(ProcessHandle::isAlive).isEmpty() ? Optional.of(true)
          : Optional.empty(), Duration.ofSeconds(15), null);
      assertThat(find(tmp, "postmaster.pid")).as("no data directory left by the interrupted run").isEmpty();
      assertThat(runData(tmp)).isEmpty();
    } finally {
      interrupted.process().destroyForcibly();
      if (postmaster > 0) {
        ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  @Test
  void killMinus9WhileWritingLeavesBothFilesOrNeitherAndTheNextRunWorks(@TempDir Path dir) throws Exception {
    Path migrations = Files.createDirectory(dir.resolve("migrations"));
    Files.writeString(migrations.resolve("V1__create_bookstore.sql"), Bookstore.migrationSql(1));
    Path cache = dir.resolve("cache");
    String[] generate = {"-m", "bookstore v3", "--no-input", "--cache-dir", cache.toString(),
        "--dev-url", TestDatabase.adminUrl(), "--user", TestDatabase.user(),
        "--classpath", Cli.fixturesClasspath(), "--packages", Bookstore.packageOf(3),
        "--migrations", migrations.toString(), "--rename", "customer.full_name=display_name"};
    long start = System.nanoTime();
    ChildJvm whole = ChildJvm.start(dir.resolve("logs"), List.of(), Main.class, generate);
    assertThat(whole.waitFor(240)).as(whole.out() + whole.err()).isZero();
    long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    Files.delete(migrations.resolve("V2__bookstore_v3.sql"));
    Files.delete(migrations.resolve("U2__bookstore_v3.sql"));

    // a point of the run chosen at random, printed so that a failure can be replayed
    long seed = System.nanoTime();
    double at = 0.6 + new java.util.Random(seed).nextDouble() * 0.4;
    ChildJvm run = ChildJvm.start(dir.resolve("logs"), List.of(), Main.class, generate);
    Thread.sleep((long) (millis * at));
    run.process().destroyForcibly(); // kill -9: no shutdown hook runs
    run.process().waitFor();
    boolean upgrade = Files.exists(migrations.resolve("V2__bookstore_v3.sql"));
    assertThat(upgrade).as("both files or neither (killed at %.2f of the run, seed %d)", at, seed)
        .isEqualTo(Files.exists(migrations.resolve("U2__bookstore_v3.sql")));
    try (Stream<Path> files = Files.list(migrations)) {
      // the lock file stays when the run died holding it (the system released the lock itself): the next
      // run takes it over and removes it, below
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.matches("[VU]2__bookstore_v3\\.sql"))
          .filter(n -> !n.equals(MigrationLock.FILE_NAME)))
          .as("no temporary file next to the migrations").containsExactly("V1__create_bookstore.sql");
    }
    if (upgrade) {
      Files.delete(migrations.resolve("V2__bookstore_v3.sql"));
      Files.delete(migrations.resolve("U2__bookstore_v3.sql"));
    }

    ChildJvm next = ChildJvm.start(dir.resolve("logs"), List.of(), Main.class, generate);
    assertThat(next.waitFor(240)).as("the next run works: " + next.out() + next.err()).isZero();
    assertThat(migrations.resolve("V2__bookstore_v3.sql")).exists();
    try (Stream<Path> files = Files.list(migrations)) {
      assertThat(files.map(p -> p.getFileName().toString())).as("the next run leaves no lock file")
          .containsExactlyInAnyOrder("V1__create_bookstore.sql", "V2__bookstore_v3.sql", "U2__bookstore_v3.sql");
    }
    try (Stream<Path> runs = Files.exists(cache.resolve("tmp")) ? Files.list(cache.resolve("tmp")) : Stream.empty()) {
      assertThat(runs).as("the killed run's temporary directory was reaped by the next run").isEmpty();
    }
  }

  @Test
  void sigtermWhileWritingLeavesBothFilesOrNeitherAndNoTemporaryFile(@TempDir Path dir) throws Exception {
    Path migrations = Files.createDirectory(dir.resolve("migrations"));
    Files.writeString(migrations.resolve("V1__create_bookstore.sql"), Bookstore.migrationSql(1));
    Path cache = dir.resolve("cache");
    String[] generate = {"-m", "bookstore v3", "--no-input", "--cache-dir", cache.toString(),
        "--dev-url", TestDatabase.adminUrl(), "--user", TestDatabase.user(),
        "--classpath", Cli.fixturesClasspath(), "--packages", Bookstore.packageOf(3),
        "--migrations", migrations.toString(), "--rename", "customer.full_name=display_name"};

    // a run to the end: how long generate holds the lock, and the cache filled so that later runs
    // reach the write sooner
    long start = System.nanoTime();
    ChildJvm whole = ChildJvm.start(dir.resolve("logs"), List.of(), Main.class, generate);
    assertThat(whole.waitFor(240)).as(whole.out() + whole.err()).isZero();
    long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    List<String> written = List.of(timeless(migrations.resolve("V2__bookstore_v3.sql")),
        timeless(migrations.resolve("U2__bookstore_v3.sql")));
    Files.delete(migrations.resolve("V2__bookstore_v3.sql"));
    Files.delete(migrations.resolve("U2__bookstore_v3.sql"));

    List<String> outcomes = new ArrayList<>();
    for (double at : new double[] {0.5, 0.8, 0.9, 0.97}) {
      ChildJvm run = ChildJvm.start(dir.resolve("logs"), List.of(), Main.class, generate);
      Thread.sleep((long) (millis * at));
      run.process().destroy(); // SIGTERM
      int code = run.waitFor(60);
      boolean upgrade = Files.exists(migrations.resolve("V2__bookstore_v3.sql"));
      boolean undo = Files.exists(migrations.resolve("U2__bookstore_v3.sql"));
      outcomes.add(at + ": exit " + code + (upgrade ? " V2" : "") + (undo ? " U2" : ""));

      assertThat(upgrade).as("both files or neither (" + outcomes + ")").isEqualTo(undo);
      if (upgrade) {
        assertThat(List.of(timeless(migrations.resolve("V2__bookstore_v3.sql")),
            timeless(migrations.resolve("U2__bookstore_v3.sql")))).as("whole files").isEqualTo(written);
        Files.delete(migrations.resolve("V2__bookstore_v3.sql"));
        Files.delete(migrations.resolve("U2__bookstore_v3.sql"));
      }
      try (Stream<Path> files = Files.list(migrations)) {
        assertThat(files.map(p -> p.getFileName().toString())).as("nothing but the migrations (" + outcomes + ")")
            .containsExactly("V1__create_bookstore.sql");
      }
      try (Stream<Path> runs = Files.exists(cache.resolve("tmp")) ? Files.list(cache.resolve("tmp")) : Stream.empty()) {
        assertThat(runs).as("no temporary directory left (" + outcomes + ")").isEmpty();
      }
    }
  }

  private interface Probe<T> {
    Optional<T> get() throws IOException;
  }

  private static <T> T await(Probe<T> probe, Duration timeout, ChildJvm child) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<T> found = probe.get();
      if (found.isPresent()) {
        return found.get();
      }
      if (child != null && !child.process().isAlive()) {
        throw new AssertionError("the run ended first: " + child.out() + child.err());
      }
      Thread.sleep(50);
    }
    throw new AssertionError("not seen within " + timeout + (child == null ? "" : ": " + child.out() + child.err()));
  }

  private static String firstLine(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return lines.isEmpty() ? "" : lines.get(0).strip();
    } catch (IOException e) {
      return "";
    }
  }

  /** @return the file's text without the line that holds the time it was generated */
  private static String timeless(Path file) throws IOException {
    return Files.readString(file).replaceAll("(?m)^-- Created: .*$", "");
  }

  /**
   * @return a data directory's PG_VERSION under the root, but the initdb template's (kept on purpose, per
   *     user and binaries: InitdbTemplate)
   */
  private static Optional<Path> runData(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.getFileName().toString().equals("PG_VERSION"))
          .filter(p -> !root.relativize(p).toString().matches("(.*/)?initdb-[0-9a-f]+/.*")).findFirst();
    } catch (java.io.UncheckedIOException e) {
      return Optional.empty(); // a directory went while walking
    }
  }

  /**
   * @param pid an autogen JVM's pid
   * @param tmp its {@code java.io.tmpdir}
   * @return its embedded server's run directory, {@code <pid>-<random>} in either scratch directory autogen
   *     may choose (memory, {@code /dev/shm}, where it has room; else {@code java.io.tmpdir})
   */
  private static Optional<Path> runDirectory(long pid, Path tmp) throws IOException {
    String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
    for (Path scratch : List.of(Path.of("/dev/shm"), tmp)) {
      Path home = scratch.resolve("autogen-" + user).resolve("embedded");
      if (Files.isDirectory(home)) {
        try (Stream<Path> runs = Files.list(home)) {
          Optional<Path> run = runs.filter(r -> r.getFileName().toString().startsWith(pid + "-")).findFirst();
          if (run.isPresent()) {
            return run;
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> find(Path root, String name) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.getFileName().toString().equals(name)).findFirst();
    } catch (java.io.UncheckedIOException e) {
      return Optional.empty(); // a directory went while walking
    }
  }
}
