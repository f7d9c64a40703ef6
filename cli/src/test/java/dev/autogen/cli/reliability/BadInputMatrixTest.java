package dev.autogen.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.cli.Cli;
import dev.autogen.cli.ExitCode;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reliability: bad input of every kind through the command line, as a user gives it (issue 9, "a
 * bad-input matrix"). Each case runs in this JVM ({@code Main.execute}, as the other CLI tests) in a
 * project directory of its own, holding a migrations directory with the bookstore's first migration,
 * and must end with
 *
 * <ul>
 *   <li>the documented exit code (README "Exit codes": 2 usage, configuration or input; 3 database
 *       unreachable, refused or not at head);
 *   <li>exactly one line on standard error, {@code autogen: ...}, saying what is wrong (no stack trace);
 *   <li>nothing on standard output (which a {@code --format json} reader would parse);
 *   <li>the migrations directory exactly as it was (no file written, none left behind);
 *   <li>no password anywhere in the output.
 * </ul>
 *
 * <p>One live database (the bookstore's first migration applied by Flyway, history in {@code public})
 * serves the cases that need one; replays use the test server as {@code --dev-url}, never an embedded
 * one.
 */
@Tag("reliability")
class BadInputMatrixTest {

  private static final String SECRET = "s3cret-matrix";

  @TempDir static Path root;
  private static TestDatabase db;
  private static Path intact;
  private static Path truncatedEntity;
  private static Path truncatedHelper;
  private static Path missingReferenced;

  /** What the case's project directory holds besides the migrations. */
  @FunctionalInterface
  interface Setup {
    void in(Path project) throws IOException;
  }

  /**
   * One bad input.
   *
   * @param name what is wrong, as the test report shows it
   * @param properties the project's autogen.properties, or null for none
   * @param setup files the case adds to its project directory (migrations included)
   * @param args the command line, given the project directory
   * @param code the documented exit code
   * @param says a piece of the one line that names the problem
   */
  record Case(String name, String properties, Setup setup, Function<Path, List<String>> args, int code, String says) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  static void setUp() throws IOException {
    db = TestDatabase.create("badinput");
    Path applied = Files.createDirectories(root.resolve("applied"));
    Files.writeString(applied.resolve(Bookstore.migrationNames(1).get(0)), Bookstore.migrationSql(1));
    Flyway.configure().dataSource(db.url(), TestDatabase.user(), TestDatabase.password())
        .locations("filesystem:" + applied).load().migrate();
    intact = DamagedEntities.compile(root.resolve("entities"));
    truncatedEntity = DamagedEntities.truncated(intact, root.resolve("truncated-entity"), "Review");
    truncatedHelper = DamagedEntities.truncated(intact, root.resolve("truncated-helper"), "Helper");
    missingReferenced = DamagedEntities.without(intact, root.resolve("missing-referenced"), "Extra");
  }

  @AfterAll
  static void tearDown() {
    if (db != null) {
      db.close();
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        // the command line itself
        usage("unknown option", p -> List.of("check", "--no-such-option"), "--no-such-option"),
        usage("unknown subcommand", p -> List.of("frobnicate"), "frobnicate"),
        usage("generate without a message", p -> live(p, "generate"), "-m"),
        usage("-m without its value", p -> List.of("generate", "-m"), "-m"),
        usage("-m given to check, where it is no option", p -> live(p, "check", "-m", "x"), "-m"),
        usage("--format yaml", p -> live(p, "diff", "--format", "yaml"), "yaml"),
        usage("--explain with --format json", p -> live(p, "diff", "--explain", "customer", "--format", "json"),
            "--explain"),
        usage("--explain of a table that is nowhere", p -> bookstore(p, "diff", "--explain", "no_such_table"),
            "no_such_table"),
        usage("--fail-on sometimes", p -> live(p, "check", "--fail-on", "sometimes"), "--fail-on"),
        usage("--allow of an unknown hazard", p -> live(p, "check", "--fail-on", "caution", "--allow", "NOPE"), "NOPE"),
        usage("--drop-unmanaged tables", p -> bookstore(p, "diff", "--drop-unmanaged", "tables"), "--drop-unmanaged"),
        usage("--lock-timeout banana", p -> bookstore(p, "diff", "--online", "--lock-timeout", "banana"),
            "--lock-timeout"),
        usage("--statement-timeout -5s", p -> bookstore(p, "diff", "--online", "--statement-timeout", "-5s"),
            "--statement-timeout"),
        usage("--naming of a class that does not exist", p -> live(p, "check", "--naming", "com.example.NoSuchNaming"),
            "com.example.NoSuchNaming"),
        usage("--rename without =", p -> bookstore(p, "diff", "--rename", "customer.full_name"), "full_name"),
        usage("--rename of a column that does not exist", p -> bookstore(p, "diff", "--rename",
            "customer.fullname=display_name"), "fullname"),
        usage("baseline without --reason", p -> bookstore(p, "baseline"), "--reason"),
        usage("baseline --only of an unknown kind", p -> bookstore(p, "baseline", "--reason", "x", "--only", "nope"),
            "nope"),
        // files
        usage("--classpath that does not exist", p -> classes(p, p.resolve("no-such-dir"), "check"), "no-such-dir"),
        usage("--classpath without entities", p -> classes(p, p.resolve("migrations"), "check"), "no @Entity"),
        withSetup("--classpath naming a file that is no jar", p -> Files.writeString(p.resolve("notes.txt"), "x"),
            p -> classes(p, p.resolve("notes.txt"), "check"), ExitCode.USAGE, "notes.txt"),
        usage("--migrations that does not exist", p -> classes(p, intact, "generate", "-m", "x", "--migrations",
            p.resolve("nope").toString()), "does not exist"),
        withSetup("--migrations naming a file", p -> Files.writeString(p.resolve("file.sql"), "select 1;"),
            p -> classes(p, intact, "generate", "-m", "x", "--migrations", p.resolve("file.sql").toString()),
            ExitCode.USAGE, "does not exist"),
        usage("--baseline that does not exist", p -> bookstore(p, "check", "--baseline",
            p.resolve("missing-baseline.json").toString()), "missing-baseline.json"),
        usage("--renames-file that does not exist", p -> bookstore(p, "generate", "-m", "x", "--renames-file",
            p.resolve("missing-renames.properties").toString()), "missing-renames.properties"),
        withSetup("renames file with a line that is no rename",
            p -> Files.writeString(p.resolve("renames.properties"), "# renames\nfull_name display_name\n"),
            p -> bookstore(p, "generate", "-m", "x", "--renames-file", p.resolve("renames.properties").toString()),
            ExitCode.USAGE, ":2:"),
        withSetup("baseline file that is not JSON", p -> Files.writeString(p.resolve("baseline.json"), "{not json"),
            p -> bookstore(p, "check", "--baseline", p.resolve("baseline.json").toString()), ExitCode.USAGE,
            "baseline.json"),
        withSetup("a migration that does not replay",
            p -> Files.writeString(p.resolve("migrations").resolve("V2__broken.sql"), "create tabel oops ();\n"),
            p -> replay(p, "generate", "-m", "x"), ExitCode.USAGE, "V2__broken.sql"),
        withSetup("two migrations of one version in subdirectories",
            p -> Files.writeString(Files.createDirectories(p.resolve("migrations").resolve("sub"))
                .resolve("V1__again.sql"), "select 1;\n"),
            p -> replay(p, "generate", "-m", "x"), ExitCode.USAGE, "1"),
        // table globs
        usage("--include-tables with an unclosed [", p -> live(p, "check", "--include-tables", "[abc"), "[abc"),
        usage("--exclude-tables ending in a lone backslash", p -> live(p, "check", "--exclude-tables", "logs\\"),
            "--exclude-tables"),
        usage("diff --format json with an invalid glob", p -> live(p, "diff", "--format", "json", "--include-tables",
            "[x"), "[x"),
        usage("--include-tables with a backwards range", p -> live(p, "check", "--include-tables", "t[z-a]"),
            "backwards"),
        // autogen.properties
        properties("a malformed \\u escape (a Windows path)", "url=jdbc:postgresql://localhost/x\n"
            + "classpath=C:\\users\\app\\classes\n", "line 2"),
        properties("a misspelt key urll", "urll=jdbc:postgresql://localhost/x\n", "did you mean 'url'"),
        properties("a misspelt key failon", "failon=dangerous\n", "fail-on"),
        properties("a key with its dashes", "--fail-on=dangerous\n", "write it as 'fail-on'"),
        properties("a camel-case key", "includeTables=customer\n", "write it as 'include-tables'"),
        properties("a key with underscores", "exclude_tables=customer\n", "write it as 'exclude-tables'"),
        properties("an invalid value", "fail-on=sometimes\n", "--fail-on"),
        properties("an invalid glob", "include-tables=[abc\n", "[abc"),
        // --fill
        usage("--fill with unclosed parentheses", p -> bookstore(p, "generate", "-m", "x", "--fill",
            "customer.bio=lower((("), "lower((("),
        usage("--fill without an expression", p -> bookstore(p, "generate", "-m", "x", "--fill", "customer.bio"),
            "--fill"),
        usage("--fill with an unclosed dollar quote", p -> bookstore(p, "generate", "-m", "x", "--online", "--fill",
            "customer.bio=$backfill$ x"), "$backfill$"),
        usage("--fill with an unclosed string", p -> bookstore(p, "generate", "-m", "x", "--fill",
            "customer.bio='abc"), "string"),
        usage("--fill with a second statement", p -> bookstore(p, "generate", "-m", "x", "--fill",
            "customer.bio=1; drop table customer"), ";"),
        usage("--fill of a column the plan does not make NOT NULL", p -> bookstore(p, "generate", "-m", "x", "--fill",
            "customer.email=lower(email)"), "customer.email"),
        // URLs and servers
        usage("--url of another database kind", p -> classes(p, intact, "check", "--url",
            "jdbc:mysql://localhost/x?password=" + SECRET), "PostgreSQL JDBC URL"),
        database("--url of a port nobody listens on", p -> classes(p, intact, "check", "--url",
            "jdbc:postgresql://127.0.0.1:1/app?password=" + SECRET), "cannot connect"),
        database("--password for a server nobody listens on", p -> classes(p, intact, "check", "--url",
            "jdbc:postgresql://127.0.0.1:1/app", "--password", SECRET), "cannot connect"),
        database("--url with a password in its host part", p -> classes(p, intact, "check", "--url",
            "jdbc:postgresql://bob:" + SECRET + "@127.0.0.1:1/app"), "cannot connect"),
        database("--url of a database that does not exist", p -> classes(p, intact, "check", "--url",
            TestDatabase.adminUrl().replace("/postgres", "/no_such_db_matrix"), "--user", TestDatabase.user()),
            "no_such_db_matrix"),
        database("--user that does not exist", p -> classes(p, intact, "check", "--url", db.url(), "--user",
            "no_such_role_matrix"), "no_such_role_matrix"),
        usage("--schema that does not exist", p -> bookstore(p, "check", "--schema", "no_such_schema"),
            "no_such_schema"),
        usage("--flyway-schema that does not exist", p -> bookstore(p, "check", "--flyway-schema", "no_such_history"),
            "no_such_history"),
        withSetup("a live database behind the migrations",
            p -> Files.writeString(p.resolve("migrations").resolve("V2__later.sql"), "create table later (id int);\n"),
            p -> bookstore(p, "generate", "-m", "x"), ExitCode.DATABASE, "not at head"),
        database("--dev-url of a port nobody listens on", p -> classes(p, intact, "generate", "-m", "x",
            "--dev-url", "jdbc:postgresql://127.0.0.1:1/dev?password=" + SECRET, "--no-cache"), "127.0.0.1:1"),
        // entity classes
        usage("a truncated entity class file", p -> classes(p, truncatedEntity, "generate", "-m", "x"),
            DamagedEntities.PACKAGE + ".Review"),
        usage("a truncated class file beside the entities", p -> classes(p, truncatedHelper, "generate", "-m", "x"),
            DamagedEntities.PACKAGE + ".Helper"),
        usage("a class the entities refer to is missing", p -> classes(p, missingReferenced, "generate", "-m", "x"),
            DamagedEntities.PACKAGE + ".Extra"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputIsOneLineWithTheDocumentedExitCodeAndNothingWritten(Case c) throws IOException {
    Path project = Files.createDirectories(root.resolve("case-" + Integer.toHexString(c.name().hashCode())));
    Path migrations = Files.createDirectories(project.resolve("migrations"));
    Files.writeString(migrations.resolve(Bookstore.migrationNames(1).get(0)), Bookstore.migrationSql(1));
    c.setup().in(project);
    File properties = project.resolve("autogen.properties").toFile();
    if (c.properties() != null) {
      Files.writeString(properties.toPath(), c.properties());
    }
    Map<String, Long> before = listing(migrations);

    Cli.Result r = Cli.runWithProperties(properties, c.args().apply(project).toArray(String[]::new));

    String all = r.out() + r.err();
    assertThat(r.code()).as(all).isEqualTo(c.code());
    assertThat(r.err()).as("exactly one line on standard error").endsWith("\n");
    assertThat(r.err().strip()).as(all).doesNotContain("\n").startsWith("autogen: ").contains(c.says());
    assertThat(r.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception in thread");
    assertThat(r.out()).as("nothing on standard output").isEmpty();
    assertThat(all).as("no password").doesNotContain(SECRET);
    assertThat(listing(migrations)).as("the migrations directory as it was").isEqualTo(before);
  }

  private static Case usage(String name, Function<Path, List<String>> args, String says) {
    return new Case(name, null, p -> { }, args, ExitCode.USAGE, says);
  }

  private static Case database(String name, Function<Path, List<String>> args, String says) {
    return new Case(name, null, p -> { }, args, ExitCode.DATABASE, says);
  }

  private static Case withSetup(String name, Setup setup, Function<Path, List<String>> args, int code, String says) {
    return new Case(name, null, setup, args, code, says);
  }

  /** A case whose bad input is the project's autogen.properties; the command line is a valid check. */
  private static Case properties(String name, String properties, String says) {
    return new Case(name, properties, p -> { }, p -> bookstore(p, "check"), ExitCode.USAGE, says);
  }

  /** @return a command in live mode against the matrix database, with the compiled test entities */
  private static List<String> live(Path project, String... command) {
    return classes(project, intact, concat(command, "--url", db.url(), "--user", TestDatabase.user()));
  }

  /** @return a command in live mode against the matrix database, with the bookstore's first entities */
  private static List<String> bookstore(Path project, String... command) {
    List<String> args = new ArrayList<>(Arrays.asList(command));
    args.addAll(Arrays.asList(Cli.against(db, 1, "--migrations", project.resolve("migrations").toString(),
        "--no-input")));
    return args;
  }

  /** @return a command in replay mode on the test server, with the bookstore's first entities */
  private static List<String> replay(Path project, String... command) {
    List<String> args = new ArrayList<>(Arrays.asList(command));
    args.addAll(List.of("--dev-url", TestDatabase.adminUrl(), "--user", TestDatabase.user(),
        "--classpath", Cli.fixturesClasspath(), "--packages", Bookstore.packageOf(1),
        "--migrations", project.resolve("migrations").toString(), "--no-input", "--no-cache"));
    return args;
  }

  /**
   * @return a command with these entity classes, the case's migrations (unless it names others) and the
   *     test server as dev server (unless it names another)
   */
  private static List<String> classes(Path project, Path classpath, String... command) {
    List<String> args = new ArrayList<>(Arrays.asList(command));
    if (!args.contains("--dev-url")) {
      args.addAll(List.of("--dev-url", TestDatabase.adminUrl()));
    }
    if (!args.contains("--migrations")) {
      args.addAll(List.of("--migrations", project.resolve("migrations").toString()));
    }
    args.addAll(List.of("--classpath", classpath.toString(), "--no-input"));
    return args;
  }

  private static String[] concat(String[] first, String... more) {
    List<String> all = new ArrayList<>(Arrays.asList(first));
    all.addAll(Arrays.asList(more));
    return all.toArray(String[]::new);
  }

  /** @return every file under the directory, relative, with its size */
  private static Map<String, Long> listing(Path dir) throws IOException {
    Map<String, Long> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path f : walk.toList()) {
        files.put(dir.relativize(f).toString(), Files.isDirectory(f) ? -1L : Files.size(f));
      }
    }
    return files;
  }
}
