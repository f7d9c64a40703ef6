package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the user asked for is what is compared (issue 9, #3 and #11): the table filters apply to the
 * entities as to the database, and a live database's Flyway history is read where Flyway keeps it, not
 * in the schema compared.
 */
class InputHonouredTest {

  /**
   * The bookstore's database at v1, its entities at v2, and only {@code customer} compared: the
   * migration touches {@code customer} alone (no {@code create table} of the tables left out, which
   * exist), Flyway applies it, and the filtered check then finds nothing.
   */
  @Test
  void includeTablesFiltersTheEntitiesAsTheDatabase(@TempDir Path dir) throws IOException {
    Path migrations = v1(dir);
    try (TestDatabase db = TestDatabase.create("filter")) {
      migrate(db, migrations, null);

      Cli.Result generate = Cli.run(Cli.command("generate", Cli.against(db, 2, "-m", "customer only",
          "--include-tables", "customer", "--migrations", migrations.toString(), "--no-input")));

      assertThat(generate.code()).as(generate.out() + generate.err()).isZero();
      String upgrade = Files.readString(single(migrations, "V2__"));
      assertThat(upgrade).contains("customer").doesNotContainIgnoringCase("create table")
          .doesNotContain("newsletter_signup").doesNotContain("category");
      migrate(db, migrations, null);
      Cli.Result check = Cli.run(Cli.command("check", Cli.against(db, 2, "--include-tables", "customer",
          "--migrations", migrations.toString())));
      assertThat(check.code()).as(check.out() + check.err()).isZero();
    }
  }

  /** An excluded table is neither dropped (database side) nor created (entity side). */
  @Test
  void excludeTablesFiltersBothSides() {
    try (TestDatabase db = TestDatabase.create("exclude")) {
      db.execute(Bookstore.migrationSql(1));
      db.execute("drop table review");

      Cli.Result all = Cli.run(Cli.command("diff", Cli.against(db, 2)));
      Cli.Result filtered = Cli.run(Cli.command("diff", Cli.against(db, 2,
          "--exclude-tables", "newsletter_signup,rev[a-z]ew")));

      assertThat(all.out()).contains("drop table public.newsletter_signup").contains("create table public.review");
      assertThat(filtered.code()).as(filtered.err()).isZero();
      assertThat(filtered.out()).doesNotContain("newsletter_signup").doesNotContain("review")
          .contains("public.customer");
    }
  }

  /**
   * The tables live in schema {@code app}, Flyway's history in {@code public} (Flyway's default: the
   * connection's schema): {@code --schema app} compares {@code app} and reads the history from
   * {@code public}.
   */
  @Test
  void historyIsReadFromFlywaysDefaultSchemaNotTheComparedOne(@TempDir Path dir) throws IOException {
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(migrations.resolve(Bookstore.migrationNames(1).get(0)),
        "create schema app;\nset search_path to app;\n" + Bookstore.migrationSql(1));
    try (TestDatabase db = TestDatabase.create("histschema")) {
      migrate(db, migrations, null);

      Cli.Result check = Cli.run(Cli.command("check", Cli.against(db, 1, "--schema", "app",
          "--migrations", migrations.toString())));
      Cli.Result missing = Cli.run(Cli.command("check", Cli.against(db, 1, "--schema", "no_such_schema",
          "--migrations", migrations.toString())));

      assertThat(check.code()).as(check.out() + check.err()).isZero();
      assertThat(missing.code()).as(missing.err()).isEqualTo(ExitCode.USAGE);
      assertThat(missing.err().strip()).isEqualTo("autogen: schema no_such_schema does not exist in " + db.name());
    }
  }

  /**
   * Flyway keeps its history in {@code meta} ({@code defaultSchema}, Spring Boot's {@code
   * spring.flyway.default-schema}): without {@code --flyway-schema} the database looks behind and the
   * message says where it looked and what to do; with it, it is at head.
   */
  @Test
  void flywaySchemaNamesWhereTheHistoryIs(@TempDir Path dir) throws IOException {
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(migrations.resolve(Bookstore.migrationNames(1).get(0)),
        "set search_path to public;\n" + Bookstore.migrationSql(1));
    try (TestDatabase db = TestDatabase.create("flywayschema")) {
      migrate(db, migrations, "meta");

      Cli.Result unnamed = Cli.run(Cli.command("check", Cli.against(db, 1, "--migrations", migrations.toString())));
      Cli.Result named = Cli.run(Cli.command("check", Cli.against(db, 1, "--migrations", migrations.toString(),
          "--flyway-schema", "meta")));

      assertThat(unnamed.code()).as(unnamed.err()).isEqualTo(ExitCode.DATABASE);
      assertThat(unnamed.err()).contains("not at head").contains("public.flyway_schema_history")
          .contains("--flyway-schema");
      assertThat(named.code()).as(named.out() + named.err()).isZero();
    }
  }

  private static Path v1(Path dir) throws IOException {
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(migrations.resolve(Bookstore.migrationNames(1).get(0)), Bookstore.migrationSql(1));
    return migrations;
  }

  private static void migrate(TestDatabase db, Path migrations, String defaultSchema) {
    var config = Flyway.configure().dataSource(db.url(), TestDatabase.user(), TestDatabase.password())
        .locations("filesystem:" + migrations);
    if (defaultSchema != null) {
      config.defaultSchema(defaultSchema).schemas(defaultSchema);
    }
    config.load().migrate();
  }

  private static Path single(Path dir, String prefix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found = files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
      assertThat(found).hasSize(1);
      return found.get(0);
    }
  }
}
