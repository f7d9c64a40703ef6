package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code autogen -m MSG} in a Liquibase project, as its users run it: the changelog it writes is applied,
 * validated and rolled back by Liquibase's own commands on a real database, and autogen's {@code check}
 * then finds no drift, live and replayed.
 */
class LiquibaseGenerateTest {

  private static final String XML_HEAD = """
      <?xml version="1.0" encoding="UTF-8"?>
      <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
      """;

  /** The bookstore's version 1 as the first changelog, in the given directory under the resources. */
  private static void firstChangelog(Path resources, String file) throws IOException {
    Path path = resources.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, XML_HEAD + """
          <changeSet id="1" author="ann">
            <sql><![CDATA[%s]]></sql>
          </changeSet>
        </databaseChangeLog>
        """.formatted(Bookstore.migrationSql(1)));
  }

  /**
   * A Spring Boot project with a YAML master including version 1, in a git repository of its own whose
   * configuration sets {@code user.name}.
   *
   * @return its resources directory
   */
  private static Path yamlProjectInGit(Path dir, String gitUser) throws Exception {
    Path resources = resources(dir);
    firstChangelog(resources, "db/changelog/changes/001-bookstore.xml");
    Files.writeString(resources.resolve("db/changelog/db.changelog-master.yaml"), """
        databaseChangeLog:
          - include:
              file: db/changelog/changes/001-bookstore.xml
        """);
    new ProcessBuilder("git", "init", "-q").directory(dir.toFile()).start().waitFor();
    new ProcessBuilder("git", "config", "user.name", gitUser).directory(dir.toFile()).start().waitFor();
    return resources;
  }

  /** @return an XML master including version 1's changelog, in the resources directory */
  private static Path xmlMasterIncludingVersion1(Path resources) throws IOException {
    firstChangelog(resources, "db/changelog/changes/001-bookstore.xml");
    Path master = resources.resolve("db/changelog/db.changelog-master.xml");
    Files.writeString(master, XML_HEAD + """
            <include file="db/changelog/changes/001-bookstore.xml"/>
        </databaseChangeLog>
        """);
    return master;
  }

  /**
   * On a new database: Liquibase's update and validate of the master, then autogen's live check against
   * version 2 finds no drift; rolling every new changeset back leaves exactly version 1's schema.
   */
  private static void updateConvergesAndRollbackRestoresVersion1(Path dir, LiquibaseRuns liquibase, String label,
      int changeSets) throws Exception {
    try (TestDatabase db = TestDatabase.create(label)) {
      liquibase.update(db);
      liquibase.validate(db);
      Cli.Result live = autogen(dir, 2, "check", "--url", db.url(), "--no-cache");
      assertThat(live.code()).as(live.out() + live.err()).isZero();
      liquibase.rollbackCount(db, changeSets);
      Cli.Result restored = autogen(dir, 1, "check", "--url", db.url(), "--no-cache", "--changelog",
          "src/main/resources/db/changelog/changes/001-bookstore.xml");
      assertThat(restored.code()).as(restored.out() + restored.err()).isZero();
    }
  }

  private static Path resources(Path dir) {
    return dir.resolve("src/main/resources");
  }

  private static Cli.Result autogen(Path dir, int version, String... more) {
    List<String> args = new ArrayList<>(List.of(more));
    args.addAll(List.of("--classpath", Bookstore.classpathEntry(), "--packages", Bookstore.packageOf(version),
        "--dev-url", TestDatabase.adminUrl(), "--user", TestDatabase.user(), "--no-input"));
    return Cli.runIn(dir, args.toArray(String[]::new));
  }

  private static List<Path> newFiles(Path directory, String extension) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.getFileName().toString().matches("\\d{14}-add-bio\\." + extension)).toList();
    }
  }

  private static List<String> columns(TestDatabase db, String table) throws Exception {
    List<String> columns = new ArrayList<>();
    try (Connection c = db.connect(); ResultSet rows = c.createStatement().executeQuery(
        "select column_name from information_schema.columns where table_schema = 'public' and table_name = '"
            + table + "' order by column_name")) {
      while (rows.next()) {
        columns.add(rows.getString(1));
      }
    }
    return columns;
  }

  /**
   * The scenario: a Spring Boot project whose history is an XML master with includes; the entities
   * move to version 2; the changelog autogen writes is included, applies, converges and rolls back.
   */
  @Test
  void anXmlMasterWithIncludesGetsTheNextChangelogThatAppliesConvergesAndRollsBack(@TempDir Path dir) throws Exception {
    Path resources = resources(dir);
    firstChangelog(resources, "db/changelog/changes/001-bookstore.xml");
    Path master = resources.resolve("db/changelog/db.changelog-master.xml");
    Files.writeString(master, XML_HEAD + """
            <!-- the schema of the first release -->
            <include file="db/changelog/changes/001-bookstore.xml"/>
        </databaseChangeLog>
        """);

    Cli.Result generated = autogen(dir, 2, "-m", "add bio", "--author", "Ann <ann@example.com>");

    assertThat(generated.code()).as(generated.out() + generated.err()).isZero();
    List<Path> written = newFiles(resources.resolve("db/changelog/changes"), "xml");
    assertThat(written).hasSize(1);
    String relative = "db/changelog/changes/" + written.get(0).getFileName();
    assertThat(generated.out()).contains("Wrote " + DisplayPath.of(written.get(0)), "Wrote " + DisplayPath.of(master));
    assertThat(Files.readString(master)).contains("""
            <!-- the schema of the first release -->
            <include file="db/changelog/changes/001-bookstore.xml"/>
            <include file="%s" relativeToChangelogFile="false"/>
        </databaseChangeLog>
        """.formatted(relative));
    String changelog = Files.readString(written.get(0));
    assertThat(changelog).contains("author=\"Ann &lt;ann@example.com&gt;\"", "<rollback>", "[DANGEROUS] DATA_LOSS",
        "dbms=\"postgresql\"");

    LiquibaseRuns liquibase = new LiquibaseRuns(resources, "db/changelog/db.changelog-master.xml");
    try (TestDatabase db = TestDatabase.create("lb_generate")) {
      liquibase.update(db);
      liquibase.validate(db);
      assertThat(columns(db, "customer")).contains("bio");

      // live: at head, and no drift against the version 2 entities
      Cli.Result live = autogen(dir, 2, "check", "--url", db.url(), "--no-cache");
      assertThat(live.code()).as(live.out() + live.err()).isZero();

      liquibase.rollbackCount(db, 1);
      assertThat(columns(db, "customer")).doesNotContain("bio");
      try (Connection c = db.connect(); ResultSet rows = c.createStatement().executeQuery(
          "select count(*) from databasechangelog")) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(1);
      }
    }
    // rolled back: the schema is version 1 again. The replay (no --url) of the whole history matches version 2
    Cli.Result replayed = autogen(dir, 2, "check", "--no-cache");
    assertThat(replayed.code()).as(replayed.out() + replayed.err()).isZero();
  }

  /**
   * An online plan: one changeset per step, the concurrent index build in a changeset Liquibase runs outside
   * a transaction; {@code rollback-count} of all of them restores version 1.
   */
  @Test
  void anOnlinePlanIsOneChangesetPerStepAndTheConcurrentStepRunsOutsideATransaction(@TempDir Path dir)
      throws Exception {
    Path resources = resources(dir);
    Path master = xmlMasterIncludingVersion1(resources);

    Cli.Result generated = autogen(dir, 2, "-m", "add bio", "--author", "ann", "--online");

    assertThat(generated.code()).as(generated.out() + generated.err()).isZero();
    Path written = newFiles(resources.resolve("db/changelog/changes"), "xml").get(0);
    String changelog = Files.readString(written);
    int changeSets = changelog.split("<changeSet ", -1).length - 1;
    assertThat(changeSets).isGreaterThan(1);
    assertThat(changelog).contains("runInTransaction=\"false\"", "create index concurrently");
    LiquibaseRuns liquibase = new LiquibaseRuns(resources, "db/changelog/db.changelog-master.xml");
    updateConvergesAndRollbackRestoresVersion1(dir, liquibase, "lb_online", changeSets);
    // the contract step is guarded: where its column was dropped by hand, Liquibase marks it ran, drops nothing
    assertThat(changelog).contains("<preConditions onFail=\"MARK_RAN\"", "<sqlCheck expectedResult=\"1\">");
    try (TestDatabase db = TestDatabase.create("lb_online_guard")) {
      new LiquibaseRuns(resources, "db/changelog/changes/001-bookstore.xml").update(db);
      try (Connection c = db.connect()) {
        c.createStatement().execute("alter table customer drop column full_name");
      }
      liquibase.update(db);
      try (Connection c = db.connect(); ResultSet rows = c.createStatement().executeQuery(
          "select id, exectype from databasechangelog order by orderexecuted")) {
        List<String> ran = new ArrayList<>();
        while (rows.next()) {
          ran.add(rows.getString(1) + " " + rows.getString(2));
        }
        assertThat(ran).last().asString().contains("contract-add-bio").endsWith("MARK_RAN");
        assertThat(ran).filteredOn(r -> r.endsWith("MARK_RAN")).hasSize(1);
      }
    }
  }

  /**
   * A project whose whole history is one formatted SQL master (which cannot include files): the changesets
   * are appended to it, the first one's checksum unchanged, and Liquibase applies, validates and rolls them
   * back.
   */
  @Test
  void aFormattedSqlMasterGetsTheChangesetsAppended(@TempDir Path dir) throws Exception {
    Path resources = resources(dir);
    Path master = resources.resolve("db/changelog/db.changelog-master.sql");
    Files.createDirectories(master.getParent());
    String first = "-- liquibase formatted sql\n\n-- changeset ann:1\n" + Bookstore.migrationSql(1)
        + "\n-- rollback not required\n";
    Files.writeString(master, first);
    LiquibaseRuns liquibase = new LiquibaseRuns(resources, "db/changelog/db.changelog-master.sql");
    try (TestDatabase db = TestDatabase.create("lb_sql_master")) {
      liquibase.update(db);  // applied before the new changesets exist: their checksums must not move

      Cli.Result generated = autogen(dir, 2, "-m", "add bio", "--author", "Ann: <ann@example.com>");

      assertThat(generated.code()).as(generated.out() + generated.err()).isZero();
      assertThat(generated.out()).contains("Wrote " + DisplayPath.of(master));
      String text = Files.readString(master);
      assertThat(text).startsWith(first).contains("-- changeset \"Ann: <ann@example.com>\":", "-- rollback ",
          "DATA_LOSS");
      liquibase.update(db);
      liquibase.validate(db);
      assertThat(columns(db, "customer")).contains("bio");
      Cli.Result live = autogen(dir, 2, "check", "--url", db.url(), "--no-cache");
      assertThat(live.code()).as(live.out() + live.err()).isZero();
      liquibase.rollbackCount(db, 1);
      assertThat(columns(db, "customer")).doesNotContain("bio").contains("full_name");
    }
    Cli.Result replayed = autogen(dir, 2, "check", "--no-cache");
    assertThat(replayed.code()).as(replayed.out() + replayed.err()).isZero();
  }

  /**
   * {@code --changelog-format sql} beside an XML master, for an online plan with a rename (sync trigger
   * functions in dollar quotes, a backfill loop that commits): a new formatted SQL file, included; the
   * statements outside a transaction one changeset each; the contract guarded; rolling every changeset back
   * restores version 1.
   */
  @Test
  void anOnlinePlanAsFormattedSqlAppliesAndRollsBack(@TempDir Path dir) throws Exception {
    Path resources = resources(dir);
    Path master = xmlMasterIncludingVersion1(resources);

    Cli.Result generated = autogen(dir, 2, "-m", "add bio", "--author", "ann", "--online", "--changelog-format", "sql",
        "--rename", "customer.full_name=display_name");

    assertThat(generated.code()).as(generated.out() + generated.err()).isZero();
    Path written = newFiles(resources.resolve("db/changelog/changes"), "sql").get(0);
    String changelog = Files.readString(written);
    assertThat(changelog).startsWith("-- liquibase formatted sql\n").contains("runInTransaction:false",
        "create index concurrently", "$trigger$", "commit;", "-- precondition-sql-check expectedResult:1 select");
    assertThat(Files.readString(master)).contains("changes/" + written.getFileName());
    int changeSets = changelog.split("\n-- changeset ", -1).length - 1;
    updateConvergesAndRollbackRestoresVersion1(dir, new LiquibaseRuns(resources, "db/changelog/db.changelog-master.xml"),
        "lb_sql_online", changeSets);
  }

  @ParameterizedTest
  @ValueSource(strings = {"yaml", "json"})
  void aYamlOrJsonMasterGetsAChangelogOfItsFormat(String format, @TempDir Path dir) throws Exception {
    Path resources = resources(dir);
    firstChangelog(resources, "db/changelog/changes/001-bookstore.xml");
    Path master = resources.resolve("db/changelog/db.changelog-master." + format);
    Files.writeString(master, format.equals("yaml") ? """
        databaseChangeLog:
          # the first release
          - include:
              file: db/changelog/changes/001-bookstore.xml
        """ : """
        {
          "databaseChangeLog": [
            {"include": {"file": "db/changelog/changes/001-bookstore.xml"}}
          ]
        }
        """);

    Cli.Result generated = autogen(dir, 2, "-m", "add bio", "--author", "ann");

    assertThat(generated.code()).as(generated.out() + generated.err()).isZero();
    List<Path> written = newFiles(resources.resolve("db/changelog/changes"), format);
    assertThat(written).hasSize(1);
    assertThat(Files.readString(master)).contains(format.equals("yaml") ? "# the first release" : "001-bookstore")
        .endsWith(format.equals("yaml") ? """
          - include:
              file: 'db/changelog/changes/%s'
        """.formatted(written.get(0).getFileName()) : """
            {"include": {"file": "db/changelog/changes/%s"}}
          ]
        }
        """.formatted(written.get(0).getFileName()));
    LiquibaseRuns liquibase = new LiquibaseRuns(resources, "db/changelog/db.changelog-master." + format);
    try (TestDatabase db = TestDatabase.create("lb_" + format)) {
      liquibase.update(db);
      Cli.Result live = autogen(dir, 2, "check", "--url", db.url(), "--no-cache");
      assertThat(live.code()).as(live.out() + live.err()).isZero();
      liquibase.rollbackCount(db, 1);
      assertThat(columns(db, "customer")).doesNotContain("bio").contains("full_name");
    }
  }

  @Test
  void anIncludeAllDirectoryPicksTheChangelogUpAndTheMasterIsLeftAlone(@TempDir Path dir) throws Exception {
    Path resources = resources(dir);
    firstChangelog(resources, "db/changelog/changes/001-bookstore.xml");
    Path master = resources.resolve("db/changelog/db.changelog-master.yaml");
    String text = """
        databaseChangeLog:
          - includeAll:
              path: db/changelog/changes/
        """;
    Files.writeString(master, text);

    Cli.Result generated = autogen(dir, 2, "-m", "add bio", "--author", "ann", "--changelog-format", "xml");

    assertThat(generated.code()).as(generated.out() + generated.err()).isZero();
    assertThat(newFiles(resources.resolve("db/changelog/changes"), "xml")).hasSize(1);
    assertThat(Files.readString(master)).isEqualTo(text);
    assertThat(generated.out()).doesNotContain("db.changelog-master");
    Cli.Result replayed = autogen(dir, 2, "check", "--no-cache");
    assertThat(replayed.code()).as(replayed.out() + replayed.err()).isZero();
  }

  /** JHipster's layout and contexts, no options but the author git gives: found, written, replayed. */
  @Test
  void aJHipsterProjectWorksWithoutOptions(@TempDir Path dir) throws Exception {
    Path resources = resources(dir);
    firstChangelog(resources, "config/liquibase/changelog/00000000000000_initial_schema.xml");
    Files.writeString(resources.resolve("config/liquibase/master.xml"), XML_HEAD + """
            <property name="now" value="now()" dbms="postgresql"/>
            <include file="config/liquibase/changelog/00000000000000_initial_schema.xml" relativeToChangelogFile="false"/>
            <!-- jhipster-needle-liquibase-add-changelog - JHipster will add liquibase changelogs here -->
        </databaseChangeLog>
        """);
    Files.writeString(dir.resolve("application.properties"), "spring.liquibase.contexts=dev, faker\n");
    new ProcessBuilder("git", "init", "-q").directory(dir.toFile()).start().waitFor();
    new ProcessBuilder("git", "config", "user.name", "Jane Hipster").directory(dir.toFile()).start().waitFor();

    Cli.Result generated = autogen(dir, 2, "-m", "add bio");

    assertThat(generated.code()).as(generated.out() + generated.err()).isZero();
    List<Path> written = newFiles(resources.resolve("config/liquibase/changelog"), "xml");
    assertThat(written).hasSize(1);
    assertThat(Files.readString(written.get(0))).contains("author=\"Jane Hipster\"");
    Cli.Result replayed = autogen(dir, 2, "check", "--no-cache");
    assertThat(replayed.code()).as(replayed.out() + replayed.err()).isZero();
  }

  /** As a user runs it: its own process, in the project directory, the author from the repository's git. */
  @Test
  void inItsOwnProcessTheAuthorIsTheProjectRepositorysGitUser(@TempDir Path dir) throws Exception {
    Path project = Files.createDirectories(dir.resolve("shop"));
    Path resources = yamlProjectInGit(project, "Jane Doe");

    ChildJvm child = ChildJvm.start(dir.resolve("logs"), List.of(), java.util.Map.of(), project, Main.class,
        "-m", "add bio", "--classpath", Bookstore.classpathEntry(), "--packages", Bookstore.packageOf(2),
        "--dev-url", TestDatabase.adminUrl(), "--user", TestDatabase.user(), "--no-input", "--no-cache");

    assertThat(child.waitFor(120)).as(child.out() + child.err()).isZero();
    List<Path> written = newFiles(resources.resolve("db/changelog/changes"), "yaml");
    assertThat(written).hasSize(1);
    assertThat(Files.readString(written.get(0))).contains("author: Jane Doe");
    assertThat(child.out()).contains("Wrote src/main/resources/db/changelog/changes/" + written.get(0).getFileName());
  }

  @Test
  void theLiquibaseOptionsRefuseBadValuesAndFlywayProjects(@TempDir Path dir) throws Exception {
    Path resources = yamlProjectInGit(dir.resolve("liquibase"), "Ann");
    Cli.Result format = autogen(dir.resolve("liquibase"), 2, "-m", "add bio", "--changelog-format", "toml");
    assertThat(format.code()).isEqualTo(ExitCode.USAGE);
    assertThat(format.err().strip()).isEqualTo(
        "autogen: autogen writes Liquibase changelogs as XML, YAML, JSON or formatted SQL, not toml: pass "
            + "--changelog-format xml, yaml, json or sql");
    assertThat(newFiles(resources.resolve("db/changelog/changes"), "toml")).isEmpty();

    Path flyway = Files.createDirectories(dir.resolve("flyway/src/main/resources/db/migration"));
    Files.writeString(flyway.resolve("V1__create_bookstore.sql"), Bookstore.migrationSql(1));
    Cli.Result author = autogen(dir.resolve("flyway"), 2, "-m", "add bio", "--author", "ann");
    assertThat(author.code()).isEqualTo(ExitCode.USAGE);
    assertThat(author.err()).contains("--author applies to a Liquibase project's changelogs");
    assertThat(flyway.toFile().list()).containsExactly("V1__create_bookstore.sql");
  }

  @Test
  void withoutAnAuthorNothingIsWritten(@TempDir Path dir) throws Exception {
    // the repository's own configuration names nobody, whatever the machine's global one says
    Path resources = yamlProjectInGit(dir, "");

    Cli.Result generated = autogen(dir, 2, "-m", "add bio", "--author", " ");

    assertThat(generated.code()).isEqualTo(ExitCode.USAGE);
    assertThat(generated.err()).contains("a Liquibase changeset needs an author: pass --author NAME");
    assertThat(newFiles(resources.resolve("db/changelog/changes"), "xml")).isEmpty();
  }
}
