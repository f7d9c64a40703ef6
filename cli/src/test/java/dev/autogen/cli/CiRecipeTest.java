package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.cli.catalog.HibernateMajorKeysTest;
import dev.autogen.fixtures.TestDatabase;
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
 * failed job.
 */
class CiRecipeTest {

  private static final String WORKFLOW = "docs/ci/github-actions-autogen.yml";

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

  /** @return the arguments after {@code autogen} of the workflow's diff step, for the test server */
  private static List<String> diffCommand() throws Exception {
    Path file = Path.of("").toAbsolutePath();
    while (!Files.exists(file.resolve(WORKFLOW))) {
      file = file.getParent();
    }
    List<String> lines = Files.readAllLines(file.resolve(WORKFLOW));
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
