package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.cli.source.PersistentDevServer;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code autogen dev-server status|prune|stop} after replays on a dev server the user runs and on the
 * embedded one, and the embedded server's lifetime: up between runs until idle, stopped with a killed run.
 */
class DevServerCommandTest {

  @Test
  void statusShowsTheSnapshotAReplayKeptAndPruneRemovesIt(@TempDir Path dir) throws Exception {
    Path migrations = Files.createDirectories(dir.resolve("src/main/resources/db/migration"));
    Files.writeString(migrations.resolve("V1__create_bookstore.sql"), Bookstore.migrationSql(1));
    String[] server = {"--dev-url", TestDatabase.adminUrl(), "--user", TestDatabase.user()};

    Cli.Result check = Cli.runIn(dir, "check", "--classpath", Bookstore.classpathEntry(), "--packages",
        Bookstore.packageOf(1), server[0], server[1], server[2], server[3]);
    assertThat(check.code()).as(check.out() + check.err()).isZero();

    Cli.Result status = Cli.runIn(dir, "dev-server", "status", server[0], server[1], server[2], server[3]);
    assertThat(status.code()).as(status.err()).isZero();
    assertThat(status.out()).containsPattern("\\d+ replay snapshot\\(s\\) on jdbc:postgresql://")
        .containsPattern("autogen_snap_[0-9a-f]{24}  1 migration\\(s\\), last V1__create_bookstore\\.sql, used \\d{4}-");

    Cli.Result prune = Cli.runIn(dir, "dev-server", "prune", server[0], server[1], server[2], server[3]);
    assertThat(prune.code()).as(prune.err()).isZero();
    // other test classes replay on the same server meanwhile: what prune dropped is all that is certain
    assertThat(prune.out()).containsPattern("Dropped [1-9]\\d* replay snapshot\\(s\\)");
  }

  private static Path bookstoreProject(Path dir, int versions) throws Exception {
    Path migrations = Files.createDirectories(dir.resolve("src/main/resources/db/migration"));
    for (int v = 1; v <= versions; v++) {
      Files.writeString(migrations.resolve(v == 1 ? "V1__create_bookstore.sql" : "V" + v + "__bookstore_v" + v + ".sql"),
          Bookstore.migrationSql(v));
    }
    return migrations;
  }

  /** The cache where a user's runs keep it, not the tests' shared one ({@link Cli#runIn}). */
  private static final String[] USERS_CACHE = {"--cache-dir", ".autogen/cache"};

  private static Cli.Result check(Path dir, int version) {
    return Cli.runIn(dir, "check", "--classpath", Bookstore.classpathEntry(), "--packages", Bookstore.packageOf(version),
        USERS_CACHE[0], USERS_CACHE[1]);
  }

  private static Cli.Result devServer(Path dir, String action) {
    return Cli.runIn(dir, "dev-server", action, USERS_CACHE[0], USERS_CACHE[1]);
  }

  /**
   * No --dev-url, as users run it. The embedded server's data directory stays in the cache directory
   * between runs, with the head of each replay as a snapshot; prune deletes it all. With the tests' idle
   * time (0, set in the pom) the server stops when each run ends; the default is the test below.
   */
  @Test
  void theEmbeddedServerKeepsItsSnapshotsBetweenRunsInTheCacheDirectory(@TempDir Path dir) throws Exception {
    bookstoreProject(dir, 1);
    assertThat(devServer(dir, "status").out()).startsWith("No embedded dev server in ");

    Cli.Result first = check(dir, 1);
    assertThat(first.code()).as(first.out() + first.err()).isZero();
    Path data = dir.resolve(".autogen/cache/dev-server/data");
    assertThat(data.resolve("PG_VERSION")).exists();
    assertThat(data.resolve("postmaster.pid")).as("stopped when the run ended").doesNotExist();

    bookstoreProject(dir, 2);
    Cli.Result second = check(dir, 2);
    assertThat(second.code()).as(second.out() + second.err()).isZero();

    Cli.Result status = devServer(dir, "status");
    assertThat(status.out()).containsPattern(
        "Embedded dev server in .*\\.autogen/cache/dev-server: \\d+ MB on disk, not running\\.")
        .contains("2 replay snapshot(s) in it", "1 migration(s), last V1__create_bookstore.sql",
            "2 migration(s), last V2__bookstore_v2.sql");
    assertThat(data.resolve("postmaster.pid")).doesNotExist();

    Cli.Result prune = devServer(dir, "prune");
    assertThat(prune.out()).containsPattern("Deleted the embedded dev server in .*, snapshots included: \\d+ MB\\.");
    assertThat(dir.resolve(".autogen/cache/dev-server")).doesNotExist();
  }

  /**
   * As users run it (the default idle time, in JVMs of their own): the server stays up after a run, the next
   * run uses it and replays only the new migration, status says it runs; it stops once idle for {@value
   * PersistentDevServer#IDLE_VARIABLE}, and at once when a run using it is killed.
   */
  @Test
  void theServerStaysUpBetweenRunsUntilIdleAndStopsWhenItsRunIsKilled(@TempDir Path dir) throws Exception {
    Path project = Files.createDirectories(dir.resolve("shop"));
    Path migrations = bookstoreProject(project, 2);
    Path data = project.resolve(".autogen/cache/dev-server/data");
    // long enough for the next JVM to take the server on a loaded 2-core machine, short enough to wait for
    Map<String, String> idle = Map.of(PersistentDevServer.IDLE_VARIABLE, "12s");

    ChildJvm first = ChildJvm.start(dir.resolve("logs1"), List.of(), idle, project, Main.class,
        "check", "--classpath", Bookstore.classpathEntry(), "--packages", Bookstore.packageOf(2));
    assertThat(first.waitFor(120)).as(first.out() + first.err()).isZero();
    long postmaster = postmaster(data);
    assertThat(alive(postmaster)).as("up after the run").isTrue();
    assertThat(Files.readString(data.resolveSibling("owner"))).startsWith("idle ");

    Files.writeString(migrations.resolve("V3__bookstore_v3.sql"), Bookstore.migrationSql(3));
    ChildJvm second = ChildJvm.start(dir.resolve("logs2"), List.of(), idle, project, Main.class,
        "check", "--timings", "--classpath", Bookstore.classpathEntry(), "--packages", Bookstore.packageOf(3));
    assertThat(second.waitFor(120)).as(second.out() + second.err()).isZero();
    assertThat(second.err()).contains("from a snapshot of 2 migrations, 1 applied");
    assertThat(postmaster(data)).as("the same server").isEqualTo(postmaster);
    ChildJvm status = ChildJvm.start(dir.resolve("logs3"), List.of(), Map.of(PersistentDevServer.IDLE_VARIABLE, "600"),
        project, Main.class, "dev-server", "status");
    assertThat(status.waitFor(60)).as(status.err()).isZero();
    assertThat(status.out()).containsPattern("MB on disk, running on port \\d+ until idle for 10 min\\.");

    assertThat(stops(postmaster, 40)).as("stopped once idle for 12 s").isTrue();
    assertThat(data.resolve("postmaster.pid")).doesNotExist();

    // a long idle time: the run using the server is killed mid-replay, and the server goes with it
    Files.writeString(migrations.resolve("V4__slow.sql"), "select pg_sleep(60);");
    ChildJvm killed = ChildJvm.start(dir.resolve("logs4"), List.of(), Map.of(PersistentDevServer.IDLE_VARIABLE, "10m"),
        project, Main.class, "check", "--classpath", Bookstore.classpathEntry(), "--packages", Bookstore.packageOf(3));
    long slow = sleepingMigration(data, killed);
    killed.process().destroyForcibly();
    killed.process().waitFor();
    assertThat(stops(slow, 15)).as("stopped when its run was killed").isTrue();

    Files.delete(migrations.resolve("V4__slow.sql"));
    Cli.Result next = check(project, 3);
    assertThat(next.code()).as(next.out() + next.err()).isZero();
  }

  private static long postmaster(Path data) throws IOException {
    return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** @return whether the process ended within the seconds given */
  private static boolean stops(long pid, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (alive(pid) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    return !alive(pid);
  }

  /** A run killed outright mid-replay leaves no server running for long, and the next run works. */
  @Test
  void aKilledRunLeavesNoServerAndTheNextRunWorks(@TempDir Path dir) throws Exception {
    Path project = Files.createDirectories(dir.resolve("shop"));
    Path migrations = bookstoreProject(project, 3);
    // a slow migration: the run is killed while Flyway applies it
    Files.writeString(migrations.resolve("V4__slow.sql"), "select pg_sleep(60);");
    Path data = project.resolve(".autogen/cache/dev-server/data");
    ChildJvm child = ChildJvm.start(dir.resolve("logs"), List.of(), java.util.Map.of(), project, Main.class,
        "check", "--classpath", Bookstore.classpathEntry(), "--packages", Bookstore.packageOf(3));
    long postmaster = sleepingMigration(data, child);
    child.process().destroyForcibly();
    child.process().waitFor();

    Files.delete(migrations.resolve("V4__slow.sql"));  // the next run replays without it
    // the watchdog stops the server of a run killed outright
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
    while (ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).as("left running").isFalse();

    Cli.Result next = check(project, 3);

    assertThat(next.code()).as(next.out() + next.err()).isZero();
    assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(data.resolve("postmaster.pid")).doesNotExist();
  }

  /**
   * Waits until the child's server runs the slow migration, and returns its postmaster's pid.
   *
   * @throws AssertionError when that does not happen within 90 s
   */
  private static long sleepingMigration(Path data, ChildJvm child) throws Exception {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline && child.process().isAlive()) {
      List<String> pid = Files.exists(data.resolve("postmaster.pid")) ? Files.readAllLines(data.resolve("postmaster.pid"))
          : List.of();
      if (pid.size() > 3) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres", "postgres", null);
            java.sql.ResultSet rows = c.createStatement().executeQuery(
                "select count(*) from pg_stat_activity where query like 'select pg_sleep%'")) {
          if (rows.next() && rows.getInt(1) > 0) {
            return Long.parseLong(pid.get(0).strip());
          }
        } catch (java.sql.SQLException e) {
          // starting, or stopping: try again
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the child never ran the slow migration: " + child.out() + child.err());
  }
}
