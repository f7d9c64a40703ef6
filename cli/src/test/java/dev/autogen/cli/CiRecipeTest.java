package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.cli.catalog.HibernateMajorKeysTest;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.TestGit;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Actions example ({@code docs/ci/github-actions-autogen.yml}) runs: its {@code autogen
 * diff} command line, as written there (the service's URL and user replaced by the test server's),
 * on a project whose migrations lack a table gives the Markdown review and exit code 0 (the change is
 * safe), and on one whose migrations hold a table the entities dropped gives the review and exit code 1
 * (a dangerous change meets {@code --fail-on dangerous}), which the workflow's last step turns into a
 * failed job. The verify workflow ({@code docs/ci/github-actions-autogen-verify.yml}) runs too: see
 * {@link #theVerifyWorkflowProvesTheMergedHistory}.
 */
class CiRecipeTest {

  private static final String WORKFLOW = "docs/ci/github-actions-autogen.yml";
  private static final String VERIFY_WORKFLOW = "docs/ci/github-actions-autogen-verify.yml";

  @Test
  void theWorkflowsDiffCommandReviewsAndGates(@TempDir Path dir) throws Exception {
    List<String> args = diffCommand();
    assertThat(args).startsWith("diff").contains("--format", "markdown", "--fail-on", "dangerous");

    Path missingTable = project(dir.resolve("safe"), HibernateMajorKeysTest.HIBERNATE_7.lines()
        .filter(l -> !l.contains("owner_alias")).collect(Collectors.joining("\n")));
    Cli.Result safe = Cli.runWithProperties(missingTable.resolve("autogen.properties").toFile(),
        args.toArray(String[]::new));
    assertThat(safe.code()).as(safe.out() + safe.err()).isZero();
    assertThat(safe.out()).contains("owner_alias").contains("|");

    Path extraTable = project(dir.resolve("dangerous"),
        HibernateMajorKeysTest.HIBERNATE_7 + "create table legacy (id bigint primary key);\n");
    Cli.Result dangerous = Cli.runWithProperties(extraTable.resolve("autogen.properties").toFile(),
        args.toArray(String[]::new));
    assertThat(dangerous.code()).as(dangerous.out() + dangerous.err()).isEqualTo(1);
    assertThat(dangerous.out()).contains("legacy").contains("DATA_LOSS");
  }

  /**
   * {@code docs/ci/github-actions-autogen-verify.yml}, its two autogen steps as written, in the project
   * directory of the merged result of a pull request (the branch generated V2 with its undo file; the
   * base is {@code main}), on the embedded PostgreSQL as the workflow runs them: both pass and the JUnit
   * XML report is written where the workflow uploads it from; a corrupted undo file fails the job.
   */
  @Test
  void theVerifyWorkflowProvesTheMergedHistory(@TempDir Path dir) throws Exception {
    List<String> check = runLine(VERIFY_WORKFLOW, "autogen check");
    List<String> verify = runLine(VERIFY_WORKFLOW, "autogen verify");
    assertThat(check).contains("--base");
    check.set(check.indexOf("--base") + 1, "main");

    Path root = Files.createDirectories(dir.resolve("app"));
    Path migrations = Files.createDirectories(root.resolve("src/main/resources/db/migration"));
    Files.writeString(root.resolve("autogen.properties"), String.join("\n", "classpath=" + Cli.fixturesClasspath(),
        "packages=" + Bookstore.packageOf(2), "naming=hibernate", "migrations=src/main/resources/db/migration", ""));
    TestGit.git(root, "init", "-q", "-b", "main");
    Files.writeString(migrations.resolve("V1__create_bookstore.sql"), Bookstore.migrationSql(1));
    TestGit.commit(root, "V1");
    TestGit.git(root, "checkout", "-q", "-b", "feature");
    Cli.Result generated = Cli.runIn(root, "-m", "bookstore v2");
    assertThat(generated.code()).as(generated.out() + generated.err()).isZero();
    TestGit.commit(root, "bookstore v2");
    // what actions/checkout gives a pull_request run: the branch merged into its base
    TestGit.git(root, "checkout", "-q", "-b", "merged", "main");
    TestGit.git(root, "merge", "-q", "--no-ff", "--no-edit", "feature");

    Cli.Result conflicts = Cli.runIn(root, check.toArray(String[]::new));
    assertThat(conflicts.code()).as(conflicts.out() + conflicts.err()).isZero();
    assertThat(conflicts.out()).startsWith("No drift");
    Cli.Result proven = Cli.runIn(root, verify.toArray(String[]::new));
    assertThat(proven.code()).as(proven.out() + proven.err()).isZero();
    assertThat(proven.out()).contains("V2__bookstore_v2.sql", "ok (up, U2__bookstore_v2.sql, up)");
    String report = verify.get(verify.indexOf("--junit-xml") + 1);
    assertThat(Files.readString(root.resolve(report))).contains("<testsuite", "V2__bookstore_v2.sql")
        .doesNotContain("<failure");

    Path undo = migrations.resolve("U2__bookstore_v2.sql");
    Files.writeString(undo, Files.readString(undo) + "\nalter table customer add column stray integer;\n");
    Cli.Result broken = Cli.runIn(root, verify.toArray(String[]::new));
    assertThat(broken.code()).as(broken.out() + broken.err()).isEqualTo(ExitCode.DRIFT);
    assertThat(broken.out()).contains("U2__bookstore_v2.sql does not restore the catalog", "stray");
    assertThat(Files.readString(root.resolve(report))).contains("<failure");
  }

  /** @return the arguments after {@code autogen} of the workflow's {@code run:} line starting with {@code start} */
  private static List<String> runLine(String workflow, String start) throws Exception {
    String line = Files.readAllLines(repositoryFile(workflow)).stream().map(String::strip)
        .filter(l -> l.startsWith("run: " + start)).findFirst().orElseThrow(() -> new AssertionError(
            workflow + " has no step running " + start));
    List<String> words = new ArrayList<>(Arrays.asList(line.substring("run: ".length()).replace("\"", "").split("\\s+")));
    assertThat(words.remove(0)).isEqualTo("autogen");
    return words;
  }

  private static Path repositoryFile(String relative) {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.exists(dir.resolve(relative))) {
      dir = dir.getParent();
    }
    return dir.resolve(relative);
  }

  /** @return the arguments after {@code autogen} of the workflow's diff step, for the test server */
  private static List<String> diffCommand() throws Exception {
    List<String> lines = Files.readAllLines(repositoryFile(WORKFLOW));
    StringBuilder command = new StringBuilder();
    boolean in = false;
    for (String line : lines) {
      String l = line.strip();
      in |= l.startsWith("autogen diff");
      if (in) {
        command.append(l.endsWith("\\") ? l.substring(0, l.length() - 1) : l).append(' ');
        if (!l.endsWith("\\")) {
          break;
        }
      }
    }
    String shell = command.toString().replaceFirst("\\s*>.*$", "").strip();
    List<String> words = new ArrayList<>(Arrays.asList(shell.split("\\s+")));
    assertThat(words.remove(0)).isEqualTo("autogen");
    words.set(words.indexOf("--dev-url") + 1, TestDatabase.adminUrl());
    words.set(words.indexOf("--user") + 1, TestDatabase.user());
    return words;
  }

  private static Path project(Path dir, String migration) throws Exception {
    Path migrations = Files.createDirectories(dir.resolve("db/migration"));
    Files.writeString(migrations.resolve("V1__start.sql"), migration);
    Files.writeString(dir.resolve("autogen.properties"), String.join("\n",
        "classpath=" + Path.of(HibernateMajorKeysTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
        "packages=" + HibernateMajorKeysTest.ENTITIES, "migrations=" + migrations, ""));
    return dir;
  }
}
