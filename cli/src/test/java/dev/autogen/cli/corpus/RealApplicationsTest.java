package dev.autogen.cli.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.cli.Cli;
import dev.autogen.cli.ExitCode;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.metadata.EntityModelOptions;
import dev.autogen.metadata.EntityReaders;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real open-source applications ({@link RealApplication}), read as a user runs autogen on them: their own
 * runtime class path on {@code --classpath}, their entity packages, their settings from their own
 * configuration (no {@code --naming}), against the schema their own migrations build, applied as the
 * application applies them. On each supported Hibernate major: the application's own Hibernate 6.6
 * (on its class path) and autogen's bundled 7 (the same class path without hibernate-core). Live mode
 * and replay mode (their migrations as {@code --migrations}, the embedded dev database) agree.
 *
 * <p>On the schema the application's own Hibernate creates (its schema export, its naming), autogen finds
 * nothing to do. What is left against the schema of its migrations is real: each application's expected
 * differences ({@code corpus/<name>.drift}) are places where its migrations and its entities disagree,
 * each explained there; {@code check} reports them (exit 1), and once a user records them with {@code
 * autogen baseline}, {@code check} exits 0.
 */
class RealApplicationsTest {

  /** Which Hibernate reads the entities. */
  enum Major {
    /** hibernate-core 6.6 of the application's own class path */
    APPLICATION_6,
    /** autogen's bundled Hibernate 7 (no hibernate-core on the class path) */
    BUNDLED_7
  }

  /** Skips (never passes) when the build left the applications out ({@code -DskipRealApplications}). */
  private static void requireResolved(RealApplication app) {
    assumeTrue(app.isResolved(), app.moduleName() + " was not resolved (built with -DskipRealApplications)");
  }

  static Stream<Arguments> cases() {
    return Stream.of(RealApplication.values()).flatMap(app -> Stream.of(Major.values()).map(m -> Arguments.of(app, m)));
  }

  @ParameterizedTest(name = "{0} on {1}: zero changes against the schema its own Hibernate creates")
  @MethodSource("cases")
  void checkPassesOnTheSchemaItsHibernateCreates(RealApplication app, Major major) throws Exception {
    requireResolved(app);
    List<Path> classpath = major == Major.APPLICATION_6 ? app.classpath() : app.classpathWithoutHibernate();
    List<String> script = EntityReaders.hibernateCreateScript(
        new EntityModelOptions(classpath, app.packages(), app.naming(), null));
    try (TestDatabase db = TestDatabase.create("realappddl")) {
      db.execute(String.join(";\n", script));
      List<String> live = live(db, app, major);

      JsonNode report = diff(live);
      Cli.Result check = Cli.run(Cli.command("check", live.toArray(String[]::new)));

      assertHibernate(report, major);
      assertThat(changes(report)).as(report.toPrettyString()).isEmpty();
      assertThat(check.code()).as(check.out() + check.err()).isZero();
    }
  }

  @ParameterizedTest(name = "{0} on {1}: live check finds exactly the application's real drift")
  @MethodSource("cases")
  void liveCheckFindsExactlyTheApplicationsRealDrift(RealApplication app, Major major, @TempDir Path dir) throws Exception {
    requireResolved(app);
    try (TestDatabase db = TestDatabase.create("realapp")) {
      app.migrate(db);
      List<String> live = live(db, app, major);

      JsonNode report = diff(live);
      Cli.Result check = Cli.run(Cli.command("check", live.toArray(String[]::new)));
      Path baseline = dir.resolve("autogen-baseline.json");
      Cli.Result accepted = Cli.run(Cli.command("baseline", with(live, "--baseline", baseline.toString(),
          "--reason", "drift of the application's own migrations")));
      Cli.Result checkWithBaseline = Cli.run(Cli.command("check", with(live, "--baseline", baseline.toString())));

      assertHibernate(report, major);
      assertThat(changes(report)).as(report.toPrettyString()).containsExactlyInAnyOrderElementsOf(expectedDrift(app, major));
      assertThat(check.code()).as(check.out() + check.err()).isEqualTo(ExitCode.DRIFT);
      assertThat(accepted.code()).as(accepted.out() + accepted.err()).isZero();
      assertThat(checkWithBaseline.code()).as(checkWithBaseline.out() + checkWithBaseline.err()).isZero();
    }
  }

  @ParameterizedTest(name = "{0} on {1}: replay of its migrations on the embedded database finds the same")
  @MethodSource("cases")
  void replayOfItsMigrationsFindsTheSame(RealApplication app, Major major, @TempDir Path dir) throws Exception {
    requireResolved(app);
    Path migrations = Files.createDirectory(dir.resolve("migrations"));
    assertThat(app.copyMigrations(migrations)).isPositive();

    JsonNode report = diff(List.of("--classpath", classpath(app, major), "--packages", String.join(",", app.packages()),
        "--migrations", migrations.toString()));

    assertHibernate(report, major);
    assertThat(changes(report)).as(report.toPrettyString()).containsExactlyInAnyOrderElementsOf(expectedDrift(app, major));
  }

  /** @return the arguments of live mode: the database, the application's class path, packages and options */
  private static List<String> live(TestDatabase db, RealApplication app, Major major) {
    List<String> args = new ArrayList<>(List.of("--url", db.url(), "--user", TestDatabase.user(),
        "--classpath", classpath(app, major), "--packages", String.join(",", app.packages()),
        // columnDefinition texts resolved on the test server, not an embedded one
        "--dev-url", TestDatabase.adminUrl()));
    args.addAll(app.options());
    return args;
  }

  private static String classpath(RealApplication app, Major major) {
    List<Path> entries = major == Major.APPLICATION_6 ? app.classpath() : app.classpathWithoutHibernate();
    return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  private static String[] with(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private static JsonNode diff(List<String> args) throws IOException {
    Cli.Result diff = Cli.run(Cli.command("diff", with(args, "--format", "json")));
    assertThat(diff.code()).as(diff.out() + diff.err()).isZero();
    return new ObjectMapper().readTree(diff.out());
  }

  private static void assertHibernate(JsonNode report, Major major) {
    JsonNode hibernate = report.get("hibernate");
    if (major == Major.APPLICATION_6) {
      assertThat(hibernate.get("version").asText()).startsWith("6.6.");
      assertThat(hibernate.get("source").asText()).isEqualTo("application class path");
    } else {
      assertThat(hibernate.get("version").asText()).startsWith("7.");
      assertThat(hibernate.get("source").asText()).isEqualTo("bundled");
    }
  }

  /** @return each change as {@code kind table target}, the target its column or constraint name */
  private static List<String> changes(JsonNode report) {
    List<String> changes = new ArrayList<>();
    for (JsonNode c : report.get("changes")) {
      JsonNode target = c.has("column") ? c.get("column") : c.get("name");
      changes.add(c.get("kind").asText() + " " + c.get("table").asText() + (target == null ? "" : " " + target.asText()));
    }
    return changes;
  }

  /**
   * @return the lines of {@code corpus/<name>.drift} that hold for that major: {@code kind table target},
   *     or {@code 7: kind table target} for a difference that only the bundled Hibernate 7 maps;
   *     {@code #} starts a comment
   */
  private static List<String> expectedDrift(RealApplication app, Major major) {
    String resource = "/corpus/" + app.moduleName() + ".drift";
    try (InputStream in = RealApplicationsTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      List<String> expected = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip).toList()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("7:")) {
          if (major == Major.BUNDLED_7) {
            expected.add(line.substring(2).strip());
          }
        } else {
          expected.add(line);
        }
      }
      return expected;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
