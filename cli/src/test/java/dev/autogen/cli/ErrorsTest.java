package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets one line and the documented exit code; never a stack trace, never a password. */
class ErrorsTest {

  private static void assertOneLine(Cli.Result result, int code, String contains) {
    assertThat(result.code()).as(result.out() + result.err()).isEqualTo(code);
    assertThat(result.err().strip()).doesNotContain("\n").startsWith("autogen: ").contains(contains);
    assertThat(result.err()).doesNotContain("Exception").doesNotContain("s3cret");
  }

  @Test
  void unreachableDatabase() {
    Cli.Result r = Cli.run("check", "--url", "jdbc:postgresql://127.0.0.1:1/app", "--password", "s3cret",
        "--classpath", Cli.fixturesClasspath(), "--packages", Bookstore.packageOf(1));
    assertOneLine(r, ExitCode.DATABASE, "cannot connect");
  }

  @Test
  void refusedLogin() {
    Cli.Result r = Cli.run("check", "--url", TestDatabase.adminUrl() + "?password=s3cret", "--user", "no_such_role",
        "--classpath", Cli.fixturesClasspath(), "--packages", Bookstore.packageOf(1));
    assertOneLine(r, ExitCode.DATABASE, "no_such_role");
  }

  /**
   * The local server trusts every login, so a refused password needs a server of its own: an
   * embedded PostgreSQL whose pg_hba.conf asks for scram-sha-256.
   */
  @Test
  void wrongPassword(@TempDir Path data) throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true).start();
        Connection admin = pg.getPostgresDatabase().getConnection();
        Statement sql = admin.createStatement()) {
      sql.execute("create role app login password 'right-one'");
      Files.writeString(data.resolve("pg_hba.conf"), String.join("\n",
          "local all all trust",
          "host all postgres 127.0.0.1/32 trust",
          "host all postgres ::1/128 trust",
          "host all all 127.0.0.1/32 scram-sha-256",
          "host all all ::1/128 scram-sha-256", ""));
      sql.execute("select pg_reload_conf()");

      Cli.Result r = Cli.run("check", "--url", "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres",
          "--user", "app", "--password", "s3cret", "--classpath", Cli.fixturesClasspath(),
          "--packages", Bookstore.packageOf(1));

      assertOneLine(r, ExitCode.DATABASE, "password authentication failed for user \"app\"");
    }
  }

  @Test
  void unknownDatabase() {
    Cli.Result r = Cli.run("diff", "--url", TestDatabase.adminUrl().replace("/postgres", "/no_such_db"),
        "--user", TestDatabase.user(), "--classpath", Cli.fixturesClasspath(), "--packages", Bookstore.packageOf(1));
    assertOneLine(r, ExitCode.DATABASE, "no_such_db");
  }

  @Test
  void classpathWithoutEntities(@TempDir Path empty) {
    Cli.Result r = Cli.run("check", "--url", TestDatabase.adminUrl(), "--classpath", empty.toString());
    assertOneLine(r, ExitCode.USAGE, "no @Entity classes");
  }

  @Test
  void missingClasspathEntry(@TempDir Path dir) {
    Cli.Result r = Cli.run("check", "--url", TestDatabase.adminUrl(), "--classpath", dir.resolve("nope").toString());
    assertOneLine(r, ExitCode.USAGE, "nope");
  }

  @Test
  void missingMigrationsDirectory(@TempDir Path dir) {
    try (TestDatabase db = TestDatabase.create("err")) {
      Cli.Result r = Cli.run(Cli.against(db, 1, "-m", "x", "--migrations", dir.resolve("missing").toString()));
      assertOneLine(r, ExitCode.USAGE, "does not exist");
    }
  }

  @Test
  void invalidRename(@TempDir Path dir) {
    try (TestDatabase db = TestDatabase.create("err")) {
      db.execute(Bookstore.migrationSql(1));
      Cli.Result r = Cli.run(Cli.command("diff", Cli.against(db, 2, "--rename", "customer.fullname=display_name")));
      assertOneLine(r, ExitCode.USAGE, "--rename customer.fullname=display_name: table public.customer has no column fullname");
    }
  }

  @Test
  void liveDatabaseBehindTheMigrationsIsNotAtHead(@TempDir Path migrations) throws Exception {
    try (TestDatabase db = TestDatabase.create("head")) {
      Files.writeString(migrations.resolve("V1__create_bookstore.sql"), Bookstore.migrationSql(1));
      Cli.Result r = Cli.run(Cli.command("check", Cli.against(db, 1, "--migrations", migrations.toString())));
      assertOneLine(r, ExitCode.DATABASE, "database is not at head");
    }
  }

  /** Replay mode on the embedded server, as users run it: the failing file and the database's reason, one line. */
  @Test
  void aMigrationThatFailsInTheReplayIsNamedWithTheDatabasesReason(@TempDir Path migrations) throws Exception {
    Files.writeString(migrations.resolve("V1__create_bookstore.sql"), Bookstore.migrationSql(1));
    Files.writeString(migrations.resolve("V2__again.sql"), "create table customer (id int);\n");
    Cli.Result r = Cli.run("check", "--classpath", Cli.fixturesClasspath(), "--packages", Bookstore.packageOf(1),
        "--migrations", migrations.toString(), "--no-cache");
    assertOneLine(r, ExitCode.USAGE, "Failed to execute script V2__again.sql: ERROR: relation \"customer\" already "
        + "exists");
  }

  @Test
  void generateNeedsAMessage() {
    Cli.Result r = Cli.run("--url", TestDatabase.adminUrl());
    assertOneLine(r, ExitCode.USAGE, "-m");
  }

  @Test
  void unknownOptionIsAUsageError() {
    Cli.Result r = Cli.run("check", "--no-such-option");
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("--no-such-option");
  }

  @Test
  void nonPostgresUrlIsAUsageError() {
    Cli.Result r = Cli.run("check", "--url", "jdbc:mysql://localhost/x?password=s3cret", "--classpath", Cli.fixturesClasspath());
    assertOneLine(r, ExitCode.USAGE, "PostgreSQL JDBC URL");
  }

  @Test
  void dockerWithoutEngineSaysSo(@TempDir Path migrations) {
    Cli.Result r = Cli.run("check", "--dev-url", "docker", "--migrations", migrations.toString(),
        "--classpath", Cli.fixturesClasspath(), "--packages", Bookstore.packageOf(1));
    assertOneLine(r, ExitCode.DATABASE, "no Docker engine answers");
  }

  /** A password in the URL's host part is hidden from the stack traces of --verbose too (issue 9, #12). */
  @Test
  void verboseNeverShowsAPasswordInTheUrlsHostPart(@TempDir Path migrations) {
    Cli.Result r = Cli.run("check", "--verbose", "--url", "jdbc:postgresql://bob:s3cret@127.0.0.1:5432/app",
        "--migrations", migrations.toString(), "--classpath", Cli.fixturesClasspath(), "--packages", Bookstore.packageOf(1));

    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.DATABASE);
    // --verbose also says which Hibernate read the entities, on a line of its own before the error
    assertThat(r.err()).containsPattern("(?m)^autogen: cannot connect").contains("\tat ").doesNotContain("s3cret");
  }

  /**
   * A failed connection names the user it tried: --user, else the URL's user parameter, else the
   * operating system's user, as the driver does; never "for user 'null'" (issue 9, #12).
   */
  @Test
  void connectionErrorsNameTheUserTried(@TempDir Path migrations) {
    Cli.Result fromUrl = Cli.run("check", "--url", "jdbc:postgresql://127.0.0.1:1/app?user=carol",
        "--migrations", migrations.toString(), "--classpath", Cli.fixturesClasspath(), "--packages", Bookstore.packageOf(1));
    Cli.Result byDefault = Cli.run("check", "--url", "jdbc:postgresql://127.0.0.1:1/app",
        "--migrations", migrations.toString(), "--classpath", Cli.fixturesClasspath(), "--packages", Bookstore.packageOf(1));

    assertOneLine(fromUrl, ExitCode.DATABASE, "cannot connect to jdbc:postgresql://127.0.0.1:1/app?user=carol as carol:");
    assertOneLine(byDefault, ExitCode.DATABASE, " as " + System.getProperty("user.name") + ":");
    assertThat(fromUrl.err() + byDefault.err()).doesNotContain("null");
  }
}
