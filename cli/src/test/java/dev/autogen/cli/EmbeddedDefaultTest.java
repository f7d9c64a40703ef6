package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default path every user without {@code --dev-url} takes, and {@code ./autogen demo} too (issue 9,
 * #14): replay on the embedded PostgreSQL, started from the bundled binaries. The cache is off, so the
 * server really starts; the written files are then applied by Flyway to a real database.
 */
class EmbeddedDefaultTest {

  @Test
  void generatesOnTheEmbeddedPostgresAndFlywayAppliesTheFiles(@TempDir Path dir) throws Exception {
    Path migrations = Files.createDirectory(dir.resolve("migrations"));
    Files.writeString(migrations.resolve("V1__create_bookstore.sql"), Bookstore.migrationSql(1));

    Cli.Result generated = Cli.run("generate", "-m", "bookstore v3", "--no-input", "--no-cache",
        "--cache-dir", dir.resolve("cache").toString(),
        "--classpath", Cli.fixturesClasspath(), "--packages", Bookstore.packageOf(3),
        "--migrations", migrations.toString(), "--rename", "customer.full_name=display_name");

    assertThat(generated.code()).as(generated.out() + generated.err()).isZero();
    assertThat(generated.out()).contains("V2__bookstore_v3.sql");
    try (TestDatabase db = TestDatabase.create("embedded")) {
      int applied = Flyway.configure().dataSource(db.url(), TestDatabase.user(), TestDatabase.password())
          .locations("filesystem:" + migrations).load().migrate().migrationsExecuted;
      assertThat(applied).isEqualTo(2);
      Cli.Result check = Cli.run(Cli.command("check", Cli.against(db, 3, "--migrations", migrations.toString(),
          "--rename", "customer.full_name=display_name")));
      assertThat(check.code()).as(check.out() + check.err()).isZero();
    }
    try (var left = Files.list(dir.resolve("cache").resolve("tmp"))) {
      assertThat(left).as("no temporary files left").isEmpty();
    }
  }
}
