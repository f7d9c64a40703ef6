package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options come from autogen.properties too; the command line wins; help and version work. */
class ConfigurationTest {

  @Test
  void propertiesFileSuppliesOptionsAndTheCommandLineWins(@TempDir Path dir) throws Exception {
    try (TestDatabase db = TestDatabase.create("config")) {
      db.execute(Bookstore.migrationSql(1));
      File properties = properties(dir, db, 1);

      Cli.Result configured = Cli.runWithProperties(properties, "check");
      Cli.Result overridden = Cli.runWithProperties(properties, "check", "--packages", Bookstore.packageOf(2));

      assertThat(configured.code()).as(configured.out() + configured.err()).isZero();
      assertThat(overridden.code()).as(overridden.out() + overridden.err()).isEqualTo(ExitCode.DRIFT);
      assertThat(overridden.out()).contains("drop table public.newsletter_signup");
    }
  }

  /**
   * Keys are the long option names without the leading dashes, inner dashes kept ({@code fail-on},
   * {@code include-tables}), as README says (issue 9, #16): they are honoured, and the file's other
   * spellings are rejected naming the key to write (BadInputMatrixTest has the rejections).
   */
  @Test
  void dashedLongNamesAreTheKeys(@TempDir Path dir) throws Exception {
    try (TestDatabase db = TestDatabase.create("configkeys")) {
      db.execute(Bookstore.migrationSql(1));
      File properties = properties(dir, db, 2,
          "include-tables=customer",
          "exclude-tables=customer",
          "fail-on=dangerous",
          "no-probe=true");
      File misspelt = dir.resolve("misspelt.properties").toFile();
      Files.writeString(misspelt.toPath(), Files.readString(properties.toPath()).replace("fail-on=", "failon="));

      Cli.Result configured = Cli.runWithProperties(properties, "check");
      Cli.Result rejected = Cli.runWithProperties(misspelt, "check");

      assertThat(configured.code()).as(configured.out() + configured.err()).isZero();
      assertThat(rejected.code()).isEqualTo(ExitCode.USAGE);
      assertThat(rejected.err().strip()).isEqualTo("autogen: " + misspelt + " line 7: unknown key 'failon' (did you "
          + "mean 'fail-on'?) (keys are the long option names without the leading --, e.g. url, fail-on; see autogen --help)");
    }
  }

  @Test
  void helpAndVersion() {
    Cli.Result help = Cli.run("--help");
    Cli.Result version = Cli.run("--version");
    Cli.Result checkHelp = Cli.run("check", "--help");

    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("generate", "check", "diff", "demo", "Exit codes");
    assertThat(version.out()).startsWith("autogen ").contains("Hibernate ORM 7.");
    assertThat(checkHelp.out()).contains("--url", "--classpath", "--rename", "--dev-url", "--migrations");
  }

  @Test
  void sharedOptionsWorkBeforeAndAfterTheSubcommand() {
    try (TestDatabase db = TestDatabase.create("optpos")) {
      db.execute(Bookstore.migrationSql(1));
      String[] options = Cli.against(db, 2);

      Cli.Result before = Cli.run(Cli.command(options[0], java.util.Arrays.copyOfRange(options, 1, options.length)));
      java.util.List<String> after = new java.util.ArrayList<>(java.util.List.of(options));
      after.add("check");
      Cli.Result optionsFirst = Cli.run(after.toArray(String[]::new));
      Cli.Result optionsLast = Cli.run(Cli.command("check", options));

      assertThat(before.code()).isEqualTo(ExitCode.USAGE);
      assertThat(optionsFirst.code()).as(optionsFirst.err()).isEqualTo(ExitCode.DRIFT);
      assertThat(optionsLast.code()).as(optionsLast.err()).isEqualTo(ExitCode.DRIFT);
      assertThat(optionsFirst.out()).isEqualTo(optionsLast.out());
    }
  }

  /**
   * Writes {@code autogen.properties} in {@code dir}: the database's URL and user, the fixtures' class
   * path and the Bookstore version's package, then {@code more} lines.
   */
  private static File properties(Path dir, TestDatabase db, int bookstoreVersion, String... more) throws Exception {
    java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of(
        "url=" + db.url(),
        "user=" + TestDatabase.user(),
        "classpath=" + Cli.fixturesClasspath().replace("\\", "\\\\"),
        "packages=" + Bookstore.packageOf(bookstoreVersion)));
    lines.addAll(java.util.List.of(more));
    File properties = dir.resolve("autogen.properties").toFile();
    Files.writeString(properties.toPath(), String.join("\n", lines));
    return properties;
  }
}
