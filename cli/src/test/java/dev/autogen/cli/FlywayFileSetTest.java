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
 * The migrations directory is read as Flyway reads it, by every step (issue 9, #4: {@code sub/V3__x.sql}
 * was replayed but ignored when choosing the next version, giving a second {@code V3}).
 */
class FlywayFileSetTest {

  @Test
  void migrationsInSubdirectoriesCountWhenChoosingTheNextVersion(@TempDir Path migrations) throws Exception {
    Files.writeString(migrations.resolve("V1__create_bookstore.sql"), Bookstore.migrationSql(1));
    Files.createDirectories(migrations.resolve("sub/deeper"));
    Files.writeString(migrations.resolve("sub/V2__nothing.sql"), "select 1;\n");
    Files.writeString(migrations.resolve("sub/deeper/V2_1__nothing_either.sql"), "select 1;\n");
    Files.writeString(migrations.resolve("sub/R__repeatable.sql"), "select 1;\n");

    Cli.Result generated = Cli.run("generate", "-m", "bookstore v3", "--no-input",
        "--dev-url", TestDatabase.adminUrl(), "--user", TestDatabase.user(),
        "--classpath", Cli.fixturesClasspath(), "--packages", Bookstore.packageOf(3),
        "--migrations", migrations.toString(), "--rename", "customer.full_name=display_name");

    assertThat(generated.code()).as(generated.out() + generated.err()).isZero();
    assertThat(migrations.resolve("V3__bookstore_v3.sql")).exists();
    assertThat(migrations.resolve("U3__bookstore_v3.sql")).exists();
    try (TestDatabase db = TestDatabase.create("fileset")) {
      int applied = Flyway.configure().dataSource(db.url(), TestDatabase.user(), TestDatabase.password())
          .locations("filesystem:" + migrations).load().migrate().migrationsExecuted;
      assertThat(applied).as("V1, V2, V2.1, V3 and the repeatable").isEqualTo(5);
      Cli.Result check = Cli.run(Cli.command("check", Cli.against(db, 3, "--migrations", migrations.toString(),
          "--rename", "customer.full_name=display_name")));
      assertThat(check.code()).as(check.out() + check.err()).isZero();
    }
  }

  @Test
  void theLiveNotAtHeadCheckSeesMigrationsInSubdirectories(@TempDir Path migrations) throws Exception {
    Files.writeString(migrations.resolve("V1__create_bookstore.sql"), Bookstore.migrationSql(1));
    try (TestDatabase db = TestDatabase.create("fileset_live")) {
      Flyway.configure().dataSource(db.url(), TestDatabase.user(), TestDatabase.password())
          .locations("filesystem:" + migrations).load().migrate();
      Files.createDirectories(migrations.resolve("sub"));
      Files.writeString(migrations.resolve("sub/V2__later.sql"), "select 1;\n");

      Cli.Result check = Cli.run(Cli.command("check", Cli.against(db, 1, "--migrations", migrations.toString())));

      assertThat(check.code()).as(check.out() + check.err()).isEqualTo(ExitCode.DATABASE);
      assertThat(check.err()).contains("not at head").contains("V2__later.sql");
    }
  }

  @Test
  void twoMigrationsOfOneVersionInDifferentDirectoriesAreAOneLineError(@TempDir Path migrations) throws Exception {
    Files.writeString(migrations.resolve("V1__create_bookstore.sql"), Bookstore.migrationSql(1));
    Files.createDirectories(migrations.resolve("sub"));
    Files.writeString(migrations.resolve("sub/V1.0__again.sql"), "select 1;\n");

    Cli.Result generated = Cli.run("generate", "-m", "bookstore v2", "--no-input",
        "--dev-url", TestDatabase.adminUrl(), "--user", TestDatabase.user(),
        "--classpath", Cli.fixturesClasspath(), "--packages", Bookstore.packageOf(2),
        "--migrations", migrations.toString());

    assertThat(generated.code()).as(generated.out() + generated.err()).isEqualTo(ExitCode.USAGE);
    assertThat(generated.err().strip()).doesNotContain("\n").contains("version 1").contains(migrations.toString());
    try (var files = Files.list(migrations)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("V1__create_bookstore.sql", "sub");
    }
  }
}
