package dev.autogen.junit;

import static dev.autogen.fixtures.TestGit.commit;
import static dev.autogen.fixtures.TestGit.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.cli.Main;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The kit run by the JUnit Platform itself ({@link EngineTestKit}) on fixture test classes, against the
 * bookstore's history as autogen writes it (V1 by hand; V2/U2 and V3/U3 by {@code autogen -m}, as
 * {@code VerifyTest} builds it) and deliberately broken copies of it: each must pass, fail or be skipped
 * test by test, failing with the message {@code autogen verify} prints. Dev server: the local test
 * PostgreSQL ({@code autogen.dev-url}), a private scratch database per run.
 */
class AutogenMigrationChecksTest {

  /** A user's test class with every setting from configuration parameters. */
  static class Migrations implements AutogenMigrationChecks {}

  /** A user's test class with a setting on the annotation. */
  @AutogenMigrationTests(requireUndo = true)
  static class MigrationsRequiringUndo implements AutogenMigrationChecks {

    /** A nested test class without settings of its own. */
    @Nested
    class Inner implements AutogenMigrationChecks {}
  }

  private static Path bookstore;

  @BeforeAll
  static void writeTheBookstoreHistory() throws IOException {
    bookstore = Files.createTempDirectory("autogen-junit-bookstore");
    Files.writeString(bookstore.resolve("V1__create_bookstore.sql"), Bookstore.migrationSql(1));
    for (int version = 2; version <= Bookstore.LATEST; version++) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.execute(new String[] {"generate", "-m", "bookstore v" + version, "--no-input",
          "--classpath", Bookstore.classpathEntry(), "--packages", Bookstore.packageOf(version),
          "--migrations", bookstore.toString(), "--rename", "customer.full_name=display_name",
          "--dev-url", TestDatabase.adminUrl(), "--user", TestDatabase.user()},
          new PrintWriter(out), new PrintWriter(err));
      assertThat(code).as(out + "" + err).isZero();
    }
  }

  @AfterAll
  static void removeIt() throws IOException {
    delete(bookstore);
  }

  @Test
  void theBookstoreHistoryPasses() {
    Map<String, String> outcomes = run(Migrations.class, bookstore);

    assertThat(outcomes).containsEntry("history", "SUCCESSFUL")
        .containsEntry("V1__create_bookstore.sql / single head", "SUCCESSFUL")
        .containsEntry("V1__create_bookstore.sql / upgrade", "SUCCESSFUL")
        .containsEntry("V1__create_bookstore.sql / stairway", "ABORTED: no undo file")
        .containsEntry("V2__bookstore_v2.sql / upgrade", "SUCCESSFUL")
        .containsEntry("V2__bookstore_v2.sql / stairway", "SUCCESSFUL")
        .containsEntry("V3__bookstore_v3.sql / stairway", "SUCCESSFUL")
        .containsEntry("V3__bookstore_v3.sql / seeded data",
            "ABORTED: no seed file after V3__bookstore_v3.sql and no seeded rows compared")
        .containsEntry("model matches entities", "SUCCESSFUL")
        .hasSize(14);
    assertThat(outcomes.values()).noneMatch(o -> o.startsWith("FAILED"));
  }

  @Test
  void theBookstoreHistoryPassesOnTheEmbeddedPostgres() {
    // no autogen.dev-url: the CLI's default dev server, an embedded PostgreSQL, as users run it
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .selectors(DiscoverySelectors.selectClass(Migrations.class))
        .configurationParameters(withDistribution(Map.of("autogen.migrations", bookstore.toString(),
            "autogen.classpath", Bookstore.classpathEntry(), "autogen.packages", Bookstore.packageOf(Bookstore.LATEST))))
        .execute();

    results.testEvents().assertStatistics(stats -> stats.started(14).succeeded(10).aborted(4).failed(0));
    assertThat(outcomes(results)).containsEntry("V3__bookstore_v3.sql / stairway", "SUCCESSFUL")
        .containsEntry("model matches entities", "SUCCESSFUL");
  }

  @Test
  void twoMigrationsOfOneVersionFailSingleHead(@TempDir Path dir) throws IOException {
    Path migrations = copy(dir);
    Files.writeString(migrations.resolve("V2.0__b.sql"), "create table b (id int);\n");

    Map<String, String> outcomes = run(Migrations.class, migrations);

    String shared = "FAILED: V2.0__b.sql, V2__bookstore_v2.sql share version 2.0 (Flyway reads 2.0 and 2 as the same "
        + "version): give one of them a version above the highest";
    assertThat(outcomes).containsEntry("V2__bookstore_v2.sql / single head", shared)
        .containsEntry("V2.0__b.sql / single head", shared)
        .containsEntry("V1__create_bookstore.sql / single head", "SUCCESSFUL")
        .containsEntry("model matches entities", "ABORTED: not run: an earlier check failed");
    assertThat(outcomes).containsEntry("V1__create_bookstore.sql / upgrade", "ABORTED: not run: the history is not linear");
  }

  @Test
  void anUndoThatDropsTheWrongColumnFailsTheStairway(@TempDir Path dir) throws IOException {
    Path migrations = copy(dir);
    Path undo = only(migrations, "U3__");
    Files.writeString(undo, Files.readString(undo) + "\nalter table customer drop column email;\n");

    Map<String, String> outcomes = run(Migrations.class, migrations);

    assertThat(outcomes).containsEntry("V3__bookstore_v3.sql / upgrade", "SUCCESSFUL")
        .containsEntry("V3__bookstore_v3.sql / stairway", "FAILED: U3__bookstore_v3.sql does not restore the catalog "
            + "before V3__bookstore_v3.sql: column public.customer.email: present before, missing after the undo")
        .containsEntry("V2__bookstore_v2.sql / stairway", "SUCCESSFUL")
        .containsEntry("model matches entities", "ABORTED: not run: an earlier check failed");
  }

  @Test
  void aHistoryThatLeavesDriftFailsTheModel(@TempDir Path dir) throws IOException {
    Path migrations = copy(dir);
    Files.delete(only(migrations, "V3__"));
    Files.delete(only(migrations, "U3__"));

    Map<String, String> outcomes = run(Migrations.class, migrations);

    assertThat(outcomes).containsEntry("V2__bookstore_v2.sql / stairway", "SUCCESSFUL").hasSize(10);
    assertThat(outcomes.get("model matches entities"))
        .startsWith("FAILED: the schema the migrations build differs from the entities (")
        .endsWith("): run autogen -m \"...\" to write the migration");
  }

  @Test
  void anUndoThatLosesSeededRowsFailsSeededData(@TempDir Path dir) throws IOException {
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(migrations.resolve("V1__person.sql"),
        "create table person (id bigint primary key, name varchar(50), nick varchar(20));\n");
    Files.writeString(migrations.resolve("V2__drop_nick.sql"), "alter table person drop column nick;\n");
    Files.writeString(migrations.resolve("U2__drop_nick.sql"), "alter table person add column nick varchar(20);\n");
    Path seeds = Files.createDirectories(dir.resolve("seed"));
    Files.writeString(seeds.resolve("V1.sql"), "insert into person values (1, 'Ann', 'annie'), (2, 'Bo', null);\n");

    Map<String, String> outcomes = run(Migrations.class, migrations, "autogen.seeds", seeds.toString());

    assertThat(outcomes).containsEntry("V1__person.sql / seeded data", "SUCCESSFUL")
        .containsEntry("V2__drop_nick.sql / upgrade", "SUCCESSFUL");
    assertThat(outcomes.get("V2__drop_nick.sql / seeded data")).matches("FAILED: U2__drop_nick.sql does not restore "
        + "the seeded rows before V2__drop_nick.sql: table public.person held 2 rows, md5 [0-9a-f]{32} before, "
        + "2 rows, md5 [0-9a-f]{32} after the undo");
    assertThat(outcomes.get("V2__drop_nick.sql / stairway")).isEqualTo(outcomes.get("V2__drop_nick.sql / seeded data"));
  }

  @Test
  void theAnnotationsRequireUndoFailsSingleHeadOfAMigrationWithoutOne() {
    Map<String, String> outcomes = run(MigrationsRequiringUndo.class, bookstore);

    assertThat(outcomes).containsEntry("V1__create_bookstore.sql / single head",
        "FAILED: V1__create_bookstore.sql has no undo file (--require-undo): expected U1__create_bookstore.sql")
        .containsEntry("V2__bookstore_v2.sql / single head", "SUCCESSFUL")
        .containsEntry("history", "SUCCESSFUL");
  }

  @Test
  void theProjectDirectorysAutogenPropertiesAreHonoured(@TempDir Path project) throws IOException {
    copy(project);
    // the options as the CLI reads them from the project's autogen.properties; relative to the project
    Files.writeString(project.resolve("autogen.properties"), "migrations=migrations\n"
        + "classpath=" + Bookstore.classpathEntry().replace("\\", "/") + "\n"
        + "packages=" + Bookstore.packageOf(Bookstore.LATEST) + "\n"
        + "dev-url=" + TestDatabase.adminUrl() + "\n"
        + "user=" + TestDatabase.user() + "\n"
        + "require-undo=true\n");
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .selectors(DiscoverySelectors.selectClass(Migrations.class))
        .configurationParameters(withDistribution(Map.of("autogen.directory", project.toString()))).execute();

    Map<String, String> outcomes = outcomes(results);
    assertThat(outcomes).containsEntry("V1__create_bookstore.sql / single head",
        "FAILED: V1__create_bookstore.sql has no undo file (--require-undo): expected U1__create_bookstore.sql")
        .containsEntry("V3__bookstore_v3.sql / stairway", "SUCCESSFUL")
        .containsEntry("model matches entities", "SUCCESSFUL");
  }

  @Test
  void aBranchMigrationNotAboveTheBasesHighestFailsSingleHead(@TempDir Path repo) throws Exception {
    Path migrations = Files.createDirectories(repo.resolve("migrations"));
    Files.copy(bookstore.resolve("V1__create_bookstore.sql"), migrations.resolve("V1__create_bookstore.sql"));
    git(repo, "init", "-q", "-b", "main");
    commit(repo, "V1");
    git(repo, "checkout", "-q", "-b", "feature");
    Files.copy(only(bookstore, "V2__"), migrations.resolve("V2__bookstore_v2.sql"));
    Files.copy(only(bookstore, "U2__"), migrations.resolve("U2__bookstore_v2.sql"));
    commit(repo, "feature: V2");
    git(repo, "checkout", "-q", "main");
    Files.writeString(migrations.resolve("V2__seed_data.sql"), "insert into category (name) values ('fiction');\n");
    commit(repo, "main: V2");
    git(repo, "checkout", "-q", "feature");

    Map<String, String> outcomes = run(Migrations.class, migrations, "autogen.base", "main",
        "autogen.packages", Bookstore.packageOf(2));

    assertThat(outcomes.get("V2__bookstore_v2.sql / single head")).startsWith("FAILED: Version conflict: "
        + "V2__bookstore_v2.sql, added by this branch, has version 2 as main's V2__seed_data.sql");
    assertThat(outcomes).containsEntry("V1__create_bookstore.sql / single head", "SUCCESSFUL")
        .containsEntry("history", "SUCCESSFUL");
  }

  @Test
  void withoutAClassPathTheEntitiesAreReadFromTheTestJvmsClassPath() {
    // no autogen.classpath: the kit hands verify this JVM's class path, where the fixture entities are
    Map<String, String> outcomes = run(Migrations.class, bookstore, "autogen.classpath", "");

    assertThat(outcomes).containsEntry("V3__bookstore_v3.sql / stairway", "SUCCESSFUL")
        .containsEntry("model matches entities", "SUCCESSFUL");
  }

  @Test
  void aNestedClassTakesItsOuterClasssSettings() {
    Map<String, String> outcomes = run(MigrationsRequiringUndo.Inner.class, bookstore);

    assertThat(outcomes).containsEntry("V1__create_bookstore.sql / single head",
        "FAILED: V1__create_bookstore.sql has no undo file (--require-undo): expected U1__create_bookstore.sql");
  }

  @Test
  void aMissingDistributionFailsTheFactoryNamingIt(@TempDir Path dir) {
    Path missing = dir.resolve("autogen-cli-9-bin.zip");

    Map<String, String> outcomes = run(Migrations.class, bookstore, CliDistribution.KEY, missing.toString());

    assertThat(outcomes).containsExactly(Map.entry("autogen verify", "FAILED: " + CliDistribution.KEY + " is " + missing
        + ", which does not exist: name the autogen-cli-VERSION-bin.zip or the directory it was unpacked into"));
  }

  @Test
  void badSettingsFailTheFactoryWithTheClisMessage() {
    Map<String, String> outcomes = run(Migrations.class, bookstore, "autogen.from", "9");

    assertThat(outcomes).hasSize(1);
    assertThat(outcomes.get("autogen verify")).isEqualTo("FAILED: autogen: --from 9: no migration in " + bookstore
        + " has that version (exit code 2)");
  }

  /**
   * @return per test (or failed container) {@code container / test} or {@code test}, its outcome:
   *     {@code SUCCESSFUL}, {@code FAILED: message}, {@code ABORTED: message}
   */
  private static Map<String, String> run(Class<?> testClass, Path migrations, String... more) {
    Map<String, String> parameters = new HashMap<>(Map.of(
        "autogen.migrations", migrations.toString(),
        "autogen.classpath", Bookstore.classpathEntry(),
        "autogen.packages", Bookstore.packageOf(Bookstore.LATEST),
        "autogen.dev-url", TestDatabase.adminUrl(),
        "autogen.user", TestDatabase.user()));
    for (int i = 0; i < more.length; i += 2) {
      parameters.put(more[i], more[i + 1]);
    }
    parameters.values().removeIf(String::isEmpty); // "": leave the option to the CLI
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .selectors(DiscoverySelectors.selectClass(testClass)).configurationParameters(withDistribution(parameters))
        .execute();
    return outcomes(results);
  }

  /**
   * @return the parameters and the command line to run, {@value CliDistribution#KEY} (the build sets it to
   *     the cli module's packaged jar and lib/; the test kit passes no system properties to the engine)
   */
  private static Map<String, String> withDistribution(Map<String, String> parameters) {
    Map<String, String> all = new HashMap<>(parameters);
    all.putIfAbsent(CliDistribution.KEY, System.getProperty(CliDistribution.KEY));
    return all;
  }

  /** @return the outcomes of a run, as {@link #run} describes them */
  private static Map<String, String> outcomes(EngineExecutionResults results) {
    Map<String, String> outcomes = new LinkedHashMap<>();
    List<Event> finished = new ArrayList<>(results.allEvents().finished().list());
    finished.addAll(results.allEvents().skipped().list());
    for (Event e : finished) {
      TestDescriptor d = e.getTestDescriptor();
      boolean factoryFailed = d.isContainer() && e.getPayload(TestExecutionResult.class)
          .map(r -> r.getStatus() != TestExecutionResult.Status.SUCCESSFUL).orElse(false);
      if (d.isTest() || factoryFailed) {
        String parent = d.getParent().filter(p -> p.getUniqueId().getLastSegment().getType().equals("dynamic-container"))
            .map(p -> p.getDisplayName() + " / ").orElse("");
        outcomes.put(parent + d.getDisplayName(), e.getPayload(TestExecutionResult.class).map(r -> r.getStatus()
            + r.getThrowable().map(t -> ": " + t.getMessage()).orElse("")).orElse("SKIPPED"));
      }
    }
    return outcomes;
  }

  private static Path copy(Path dir) throws IOException {
    Path copy = Files.createDirectories(dir.resolve("migrations"));
    try (Stream<Path> files = Files.list(bookstore)) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    return copy;
  }

  private static Path only(Path dir, String prefix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
