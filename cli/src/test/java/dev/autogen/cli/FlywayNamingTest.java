package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's Flyway file naming (issue 10 #2): an application whose {@code application.properties}
 * sets {@code spring.flyway.sql-migration-prefix}, {@code -separator}, {@code -suffixes} and {@code
 * undo-sql-migration-prefix} gets new migrations named so, and its history is replayed with that naming
 * (Flyway's own configuration): a file under Flyway's default naming is then no migration of it, as the
 * application's Flyway ignores it.
 */
class FlywayNamingTest {

  /** An application.properties with a project naming other than Flyway's defaults (also used by VerifyTest). */
  static final String NAMING = String.join("\n",
      "spring.flyway.sql-migration-prefix=M",
      "spring.flyway.sql-migration-separator=-",
      "spring.flyway.sql-migration-suffixes=_POSTGRESQL.sql,.sql",
      "spring.flyway.undo-sql-migration-prefix=D", "");

  @Test
  void newMigrationsAndTheReplayFollowTheProjectsNaming(@TempDir Path dir) throws Exception {
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    Path config = Files.createDirectories(dir.resolve("config"));
    Files.writeString(config.resolve("application.properties"), NAMING);
    Files.writeString(migrations.resolve("M1-create_bookstore_POSTGRESQL.sql"), Bookstore.migrationSql(1));
    // not a migration under the project's naming: its Flyway never runs it, and neither may the replay
    Files.writeString(migrations.resolve("V1__not_ours.sql"), "this is not SQL;\n");
    String[] project = {"--dev-url", TestDatabase.adminUrl(), "--user", TestDatabase.user(), "--naming", "hibernate",
        "--classpath", Cli.fixturesClasspath() + File.pathSeparator + config, "--packages", Bookstore.packageOf(1),
        "--migrations", migrations.toString(), "--no-input"};

    Cli.Result atHead = Cli.run(Cli.command("check", project));
    assertThat(atHead.code()).as(atHead.out() + atHead.err()).isZero();

    String[] v2 = project.clone();
    v2[v2.length - 4] = Bookstore.packageOf(2);
    Cli.Result generated = Cli.run(Cli.command("generate", Cli.command("-m", Cli.command("Bookstore v2", v2))));
    assertThat(generated.code()).as(generated.out() + generated.err()).isZero();
    assertThat(names(migrations)).containsExactly("D2-bookstore_v2_POSTGRESQL.sql",
        "M1-create_bookstore_POSTGRESQL.sql", "M2-bookstore_v2_POSTGRESQL.sql", "V1__not_ours.sql");
    assertThat(Files.readString(migrations.resolve("D2-bookstore_v2_POSTGRESQL.sql")))
        .startsWith("-- Undoes M2 (M2-bookstore_v2_POSTGRESQL.sql)");

    Cli.Result replayed = Cli.run(Cli.command("check", v2));
    assertThat(replayed.code()).as("the replay applies M2 and not D2: " + replayed.out() + replayed.err()).isZero();

    Cli.Result shown = Cli.run(Cli.command("config", project));
    String source = "(" + config.resolve("application.properties");
    assertThat(shown.out()).contains("sql-migration-prefix = M  " + source + ":1)",
        "undo-sql-migration-prefix = D  " + source + ":4)", "sql-migration-separator = -  " + source + ":2)",
        "sql-migration-suffixes = _POSTGRESQL.sql,.sql  " + source + ":3)");

    // the same directory under Flyway's default naming: the file that is not SQL is then a migration
    String[] defaults = {"--dev-url", TestDatabase.adminUrl(), "--user", TestDatabase.user(), "--naming", "hibernate",
        "--classpath", Cli.fixturesClasspath(), "--packages", Bookstore.packageOf(1),
        "--migrations", migrations.toString(), "--no-input"};
    Cli.Result defaultNaming = Cli.run(Cli.command("check", defaults));
    assertThat(defaultNaming.code()).as(defaultNaming.out() + defaultNaming.err()).isEqualTo(ExitCode.USAGE);
    assertThat(defaultNaming.err()).contains("V1__not_ours.sql");
  }

  @Test
  void equalPrefixesAreAUsageError(@TempDir Path dir) throws Exception {
    Path config = Files.createDirectories(dir.resolve("config"));
    Files.writeString(config.resolve("application.properties"),
        "spring.flyway.sql-migration-prefix=V\nspring.flyway.undo-sql-migration-prefix=V\n");
    Cli.Result shown = Cli.run("config", "--classpath", config.toString());
    assertThat(shown.code()).isEqualTo(ExitCode.USAGE);
    assertThat(shown.err()).contains("both 'V'").contains("spring.flyway.undo-sql-migration-prefix").doesNotContain("\tat ");
  }

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
