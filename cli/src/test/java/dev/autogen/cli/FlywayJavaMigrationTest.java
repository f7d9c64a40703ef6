package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code autogen generate --java} end to end: the Java migration it writes compiles ({@code javax.tools},
 * with {@code -Werror} and every lint), Flyway runs it on the database after the project's SQL
 * migrations, and {@code check} against that database then finds nothing to do. A {@code --fill}
 * backfill runs as a loop of committed batches that prints its progress; a message and a fill
 * expression full of what could end a comment or a string literal ({@code *}{@code /}, a Unicode escape,
 * {@code $}, quotes, backslashes, {@code @}) compile and fill the rows with exactly the expression's value.
 */
class FlywayJavaMigrationTest {

  /** A fill expression that holds what Java source would trip over, as SQL text (a string literal). */
  private static final String HOSTILE_TEXT = "*/ \\u002a/ $x \"q\" \\ @param <b>&amp;";
  private static final String HOSTILE_FILL = "'" + HOSTILE_TEXT + " ' || sku";
  private static final String HOSTILE_MESSAGE = "titles */ \\u002a/ $1 \"quoted\" \\ @return <b>";

  @Test
  void aBackfillOfOneHundredThousandRowsRunsInCommittedBatchesAndConverges(@TempDir Path dir) throws Exception {
    Path migrations = sqlHistory(dir, 2);
    Path source = dir.resolve("src/main/java");
    try (TestDatabase db = TestDatabase.create("java_fill")) {
      TestFlyway.configure(db, migrations).load().migrate();
      db.execute("insert into product (id, sku, title) select g, 'B-' || g, null from generate_series(1, 100000) g");

      Cli.Result generate = Cli.run(Cli.command("generate", Cli.against(db, 3, "-m", "backfill titles", "--java",
          "--include-tables", "product", "--fill", "product.title='T-' || sku", "--migrations", migrations.toString(),
          "--java-source", source.toString(), "--no-input")));
      assertThat(generate.code()).as(generate.out() + generate.err()).isZero();
      Path file = source.resolve("db/migration/V3__backfill_titles.java");
      assertThat(generate.out()).contains("Wrote ").contains("V3__backfill_titles.java");
      String text = Files.readString(file);
      assertThat(text).contains("extends BaseJavaMigration", "canExecuteInTransaction()", "fillInBatches(",
          "limit 1000");

      String progress = migrate(db, migrations, compile(source, dir.resolve("classes"), "db.migration.V3__backfill_titles"));
      List<String> lines = progress.lines().filter(l -> l.startsWith("autogen backfill")).toList();
      assertThat(lines).hasSize(100);
      assertThat(lines.get(0)).isEqualTo("autogen backfill, alter_column public.product.title: 1000 rows filled,"
          + " committed in 1 batch");
      assertThat(lines.get(99)).endsWith(": 100000 rows filled, committed in 100 batches");
      try (Connection c = db.connect(); Statement s = c.createStatement();
          ResultSet rows = s.executeQuery("select count(*), count(*) filter (where title = 'T-' || sku) from product")) {
        rows.next();
        assertThat(rows.getLong(1)).isEqualTo(100000);
        assertThat(rows.getLong(2)).isEqualTo(100000);
      }
      // live mode with the project's SQL directory: the Java migration Flyway applied is no pending SQL file
      Cli.Result check = Cli.run(Cli.command("check", Cli.against(db, 3, "--include-tables", "product",
          "--migrations", migrations.toString(), "--java-source", source.toString())));
      assertThat(check.code()).as(check.out() + check.err()).isZero();
      assertThat(check.err()).doesNotContain("not replayed");
    }
  }

  @Test
  void hostileTextCompilesAndFillsAsWritten(@TempDir Path dir) throws Exception {
    Path migrations = sqlHistory(dir, 2);
    Path source = dir.resolve("java");
    try (TestDatabase db = TestDatabase.create("java_hostile")) {
      TestFlyway.configure(db, migrations).load().migrate();
      db.execute("insert into product (id, sku, title) values (1, 'B-1', null)");

      Cli.Result generate = Cli.run(Cli.command("generate", Cli.against(db, 3, "-m", HOSTILE_MESSAGE, "--java",
          "--online", "--include-tables", "product", "--fill", "product.title=" + HOSTILE_FILL,
          "--migrations", migrations.toString(), "--java-source", source.toString(), "--java-package", "app.db.v2",
          "--no-input")));
      assertThat(generate.code()).as(generate.out() + generate.err()).isZero();
      List<String> classes;
      try (Stream<Path> files = Files.list(source.resolve("app/db/v2"))) {
        classes = files.map(p -> "app.db.v2." + p.getFileName().toString().replace(".java", "")).sorted().toList();
      }
      // --online: the expand step, the online steps (outside a transaction), the contract step
      assertThat(classes).hasSize(3).allMatch(n -> n.matches("app\\.db\\.v2\\.V\\d+__(contract_)?titles_u002a_1_quoted_return_b.*"));
      String onlineSteps = Files.readString(source.resolve("app/db/v2/V4__titles_u002a_1_quoted_return_b_online_steps.java"));
      assertThat(onlineSteps).contains("public boolean canExecuteInTransaction()", "fillInBatches(",
          "ONLINE STEPS: runs OUTSIDE a transaction (canExecuteInTransaction() returns false)")
          .doesNotContain("do $backfill$", ".sql.conf");

      JavaMigration[] compiled = compile(source, dir.resolve("classes"), classes.toArray(String[]::new));
      migrate(db, migrations, compiled);
      try (Connection c = db.connect(); Statement s = c.createStatement();
          ResultSet rows = s.executeQuery("select title from product")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo(HOSTILE_TEXT + " B-1");
      }
      Cli.Result check = Cli.run(Cli.command("check", Cli.against(db, 3, "--include-tables", "product")));
      assertThat(check.code()).as(check.out() + check.err()).isZero();
    }
  }

  @Test
  void javaTrueInAutogenPropertiesVersionsContinueAfterJavaMigrationsAndReplaySaysTheyAreNotReplayed(@TempDir Path dir) throws Exception {
    Path migrations = sqlHistory(dir, 2);
    Path source = dir.resolve("src/main/java");
    try (TestDatabase db = TestDatabase.create("java_versions")) {
      TestFlyway.configure(db, migrations).load().migrate();
      String[] common = {"--include-tables", "product", "--fill", "product.title=sku", "--migrations",
          migrations.toString(), "--java-source", source.toString(), "--no-input"};
      Cli.Result again = Cli.run(Cli.command("generate", Cli.against(db, 3, concat(common, "-m", "three", "--java",
          "--java-package", "not.a.package.class"))));
      assertThat(again.code()).isEqualTo(ExitCode.USAGE);
      assertThat(again.err().strip().lines()).as(again.err()).hasSize(1).first().asString()
          .contains("--java-package 'not.a.package.class' is not a Java package name");

      // java=true in the project's autogen.properties, as --java; the source root is the default one there
      Files.writeString(dir.resolve("autogen.properties"), "java=true\n");
      Cli.Result first = Cli.runIn(dir, Cli.command("generate", Cli.against(db, 3, "-m", "one", "--include-tables",
          "product", "--fill", "product.title=sku", "--migrations", migrations.toString(), "--no-input")));
      Files.delete(dir.resolve("autogen.properties"));
      assertThat(first.code()).as(first.out() + first.err()).isZero();
      Cli.Result second = Cli.run(Cli.command("generate", Cli.against(db, 3, concat(common, "-m", "two"))));
      assertThat(second.code()).as(second.out() + second.err()).isZero();
      assertThat(source.resolve("db/migration/V3__one.java")).exists();
      assertThat(migrations.resolve("V4__two.sql")).exists();

      // replay mode (no --url): the dev server replays the SQL migrations only, and says so in one line
      Cli.Result replay = Cli.run("check", "--migrations", migrations.toString(), "--java-source", source.toString(),
          "--classpath", Cli.fixturesClasspath(), "--packages", Bookstore.packageOf(3), "--dev-url",
          TestDatabase.adminUrl(), "--user", TestDatabase.user(), "--include-tables", "product");
      assertThat(replay.err().lines().filter(l -> l.contains("Java migration")).toList()).containsExactly(
          "autogen: 1 Flyway Java migration in " + DisplayPath.of(source.resolve("db/migration"))
              + " not replayed (replay mode applies SQL migrations only); to compare with them applied, pass --url"
              + " of a database they were applied to");
    }
  }

  @Test
  void javaInALiquibaseProjectIsAOneLineUsageError(@TempDir Path dir) throws Exception {
    Path master = dir.resolve("src/main/resources/db/changelog/db.changelog-master.yaml");
    Files.createDirectories(master.getParent());
    Files.writeString(master, "databaseChangeLog: []\n");
    Cli.Result generate = Cli.runIn(dir, "generate", "-m", "add bio", "--java", "--no-input");
    assertThat(generate.code()).isEqualTo(ExitCode.USAGE);
    assertThat(generate.err().strip().lines()).as(generate.err()).hasSize(1).first().asString()
        .contains("--java writes Flyway Java migrations, but this project keeps its schema history in Liquibase");
    assertThat(dir.resolve("src/main/java")).doesNotExist();
  }

  private static String[] concat(String[] first, String... more) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  /** @return a migrations directory holding the bookstore's SQL migrations up to the version */
  private static Path sqlHistory(Path dir, int upTo) throws Exception {
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    for (int version = 1; version <= upTo; version++) {
      Files.writeString(migrations.resolve(Bookstore.migrationNames(version).get(version - 1)),
          Bookstore.migrationSql(version));
    }
    return migrations;
  }

  /**
   * Compiles every source under the root with the system compiler, against Flyway's jar alone (what a
   * generated migration may use besides the JDK), every lint warning an error; then loads the classes.
   */
  static JavaMigration[] compile(Path sourceRoot, Path classes, String... classNames) throws Exception {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<Path> sources;
    try (Stream<Path> files = Files.walk(sourceRoot)) {
      sources = files.filter(p -> p.toString().endsWith(".java")).toList();
    }
    Files.createDirectories(classes);
    String flyway = Path.of(BaseJavaMigration.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      boolean ok = compiler.getTask(null, files, diagnostics, List.of("-classpath", flyway, "-d", classes.toString(),
          "-Xlint:all", "-Xlint:-processing", "-Werror", "-encoding", "UTF-8", "--release", "17"), null,
          files.getJavaFileObjectsFromPaths(sources)).call();
      assertThat(ok).as(diagnostics.getDiagnostics().toString()).isTrue();
    }
    URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        FlywayJavaMigrationTest.class.getClassLoader());
    JavaMigration[] migrations = new JavaMigration[classNames.length];
    for (int i = 0; i < classNames.length; i++) {
      migrations[i] = (JavaMigration) loader.loadClass(classNames[i]).getDeclaredConstructor().newInstance();
    }
    return migrations;
  }

  /** Migrates with Flyway: the SQL directory and the Java migrations; @return what was printed meanwhile */
  static String migrate(TestDatabase db, Path migrations, JavaMigration... java) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      TestFlyway.configure(db, migrations).javaMigrations(java).load().migrate();
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
