package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.cli.source.DatabaseLogin;
import dev.autogen.cli.source.LiquibaseChangelog;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Liquibase project as Spring Boot and JHipster lay it out: its master changelog found without options,
 * replayed with Liquibase into a scratch database of the dev server (the local test PostgreSQL) with the
 * application's contexts, and required at head in live mode.
 */
class LiquibaseProjectTest {

  /** A Spring Boot project: YAML master including an XML changelog whose changeset holds bookstore v1. */
  private static Path springBootProject(Path dir) throws IOException {
    Path changelog = Files.createDirectories(dir.resolve("src/main/resources/db/changelog/changes"));
    Files.writeString(changelog.getParent().resolve("db.changelog-master.yaml"), """
        databaseChangeLog:
          - include:
              file: db/changelog/changes/001-bookstore.xml
        """);
    Files.writeString(changelog.resolve("001-bookstore.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
          <changeSet id="1" author="ann">
            <sql><![CDATA[%s]]></sql>
          </changeSet>
          <changeSet id="2" author="ann" context="test">
            <createTable tableName="test_fixture"><column name="id" type="int"/></createTable>
          </changeSet>
        </databaseChangeLog>
        """.formatted(Bookstore.migrationSql(1)));
    return dir;
  }

  private static String[] check(String... more) {
    String[] base = {"check", "--classpath", Bookstore.classpathEntry(), "--packages", Bookstore.packageOf(1),
        "--dev-url", TestDatabase.adminUrl(), "--user", TestDatabase.user(), "--no-cache"};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void theConventionalMasterIsReplayedWithLiquibaseAndMatchesTheEntities(@TempDir Path dir) throws IOException {
    springBootProject(dir);
    // the context of the application (its ./application.properties, which Spring Boot reads from the working
    // directory): the test-only changeset is not applied
    Files.writeString(dir.resolve("application.properties"), "spring.liquibase.contexts=prod\n");

    // Liquibase writes to System.out unless told otherwise: what reaches the process's standard output counts
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    Cli.Result result;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      result = Cli.runIn(dir, check());
    } finally {
      System.setOut(stdout);
    }

    assertThat(result.code()).as(result.out() + result.err()).isZero();
    assertThat(result.out()).contains("No drift");
    assertThat(captured.toString(StandardCharsets.UTF_8) + result.out() + result.err())
        .doesNotContain("UPDATE SUMMARY", "Running Changeset", "Liquibase");
    assertThat(dir.resolve("src/main/resources/db/migration")).doesNotExist();
  }

  @Test
  void theContextsSelectTheChangesetsReplayed(@TempDir Path dir) throws IOException {
    springBootProject(dir);

    Cli.Result result = Cli.runIn(dir, check("--contexts", "test"));

    assertThat(result.code()).as(result.out() + result.err()).isEqualTo(ExitCode.DRIFT);
    assertThat(result.out()).contains("drop table public.test_fixture");
  }

  @Test
  void entitiesAheadOfTheChangelogAreDrift(@TempDir Path dir) throws IOException {
    springBootProject(dir);

    Cli.Result result = Cli.runIn(dir, "check", "--classpath", Bookstore.classpathEntry(), "--packages",
        Bookstore.packageOf(2), "--dev-url", TestDatabase.adminUrl(), "--user", TestDatabase.user(), "--no-cache",
        "--contexts", "prod");

    assertThat(result.code()).as(result.out() + result.err()).isEqualTo(ExitCode.DRIFT);
  }

  @Test
  void aJHipsterMasterOfFormattedSqlIsFoundWithoutOptionsAndReplayedOnTheEmbeddedServer(@TempDir Path dir) throws IOException {
    Path liquibase = Files.createDirectories(dir.resolve("src/main/resources/config/liquibase/changelog"));
    Files.writeString(liquibase.resolve("00000000000000_initial_schema.sql"),
        "--liquibase formatted sql\n--changeset jhipster:1\n" + Bookstore.migrationSql(1));
    Files.writeString(liquibase.getParent().resolve("master.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
          <include file="config/liquibase/changelog/00000000000000_initial_schema.sql" relativeToChangelogFile="false"/>
        </databaseChangeLog>
        """);

    // no --dev-url: the embedded PostgreSQL users get by default
    Cli.Result result = Cli.runIn(dir, "check", "--classpath", Bookstore.classpathEntry(), "--packages",
        Bookstore.packageOf(1), "--no-cache");

    assertThat(result.code()).as(result.out() + result.err()).isZero();
  }

  @Test
  void liveModeRequiresEveryChangesetApplied(@TempDir Path dir) throws Exception {
    springBootProject(dir);
    try (TestDatabase live = TestDatabase.create("liquibase_live")) {
      String[] args = {"check", "--classpath", Bookstore.classpathEntry(), "--packages", Bookstore.packageOf(1),
          "--url", live.url(), "--user", TestDatabase.user(), "--contexts", "prod", "--no-cache"};

      Cli.Result before = Cli.runIn(dir, args);
      assertThat(before.code()).as(before.out() + before.err()).isEqualTo(ExitCode.DATABASE);
      assertThat(before.err()).contains("database is not at head: 1 changeset(s) of ",
          "db/changelog/changes/001-bookstore.xml::1::ann", "liquibase update");

      new LiquibaseChangelog(dir.resolve("src/main/resources").toAbsolutePath(), "db/changelog/db.changelog-master.yaml",
          "prod", "").update(new DatabaseLogin(live.url(), TestDatabase.user(), TestDatabase.password()));
      try (Connection c = live.connect(); ResultSet rows = c.createStatement().executeQuery(
          "select filename from databasechangelog")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("db/changelog/changes/001-bookstore.xml");
      }

      Cli.Result after = Cli.runIn(dir, args);
      assertThat(after.code()).as(after.out() + after.err()).isZero();
    }
  }

  @Test
  void commandsThatWriteFlywayFilesRefuseALiquibaseProject(@TempDir Path dir) throws IOException {
    springBootProject(dir);

    Cli.Result result = Cli.runIn(dir, "verify", "--classpath", Bookstore.classpathEntry(),
        "--packages", Bookstore.packageOf(2), "--dev-url", TestDatabase.adminUrl(), "--user", TestDatabase.user());

    assertThat(result.code()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("this project keeps its schema history in Liquibase",
        "this command works on Flyway migrations only");
  }
}
