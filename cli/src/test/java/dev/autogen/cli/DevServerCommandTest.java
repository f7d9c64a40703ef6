package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code autogen dev-server status|prune} after a replay on a dev server the user runs. */
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

  @Test
  void theEmbeddedServerKeepsNone(@TempDir Path dir) {
    Cli.Result status = Cli.runIn(dir, "dev-server", "status");

    assertThat(status.code()).isZero();
    assertThat(status.out()).startsWith("The embedded dev server lives only as long as a run");
  }
}
