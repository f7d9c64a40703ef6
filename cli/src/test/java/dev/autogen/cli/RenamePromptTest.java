package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.cli.rename.Terminal;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The Django-style question of generate, answered by a scripted terminal: the decisions, the diff
 * run again with the confirmed renames, the migration written and the renames file, against a real
 * database in live mode.
 */
class RenamePromptTest {

  /** What one generate run asked, printed and wrote. */
  private record Run(int code, String asked, String out, String migration) {}

  private static Run generate(TestDatabase db, Path dir, String answers) throws Exception {
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    Path renames = dir.resolve("renames.properties");
    if (Files.notExists(renames)) {
      Files.createFile(renames); // a --renames-file that does not exist is an error (issue 9 #10)
    }
    AutogenCommand command = new AutogenCommand();
    new CommandLine(command).parseArgs(Cli.against(db, 2, "--migrations", migrations.toString(),
        "--renames-file", renames.toString(), "--no-cache"));
    StringWriter asked = new StringWriter();
    StringWriter out = new StringWriter();
    Terminal terminal = Terminal.of(new BufferedReader(new StringReader(answers)), new PrintWriter(asked));
    int code = GenerateCommand.generate(command.options, "bookstore v2", new PrintWriter(out, true), terminal);
    String migration;
    try (Stream<Path> files = Files.list(migrations)) {
      Path upgrade = files.filter(p -> p.getFileName().toString().startsWith("V")).findFirst().orElseThrow();
      migration = Files.readString(upgrade);
    }
    return new Run(code, asked.toString(), out.toString(), migration);
  }

  @Test
  void aConfirmedRenameIsAppliedAndRememberedInTheRenamesFile(@TempDir Path dir) throws Exception {
    try (TestDatabase db = TestDatabase.create("promptyes")) {
      db.execute(Bookstore.migrationSql(1));

      Run run = generate(db, dir, "y\n\n");

      assertThat(run.code()).as(run.out()).isZero();
      assertThat(run.asked()).startsWith(
          "Did you rename customer.full_name to customer.display_name (varchar(120))? [y/N] ")
          .contains("Add the confirmed renames to " + dir.resolve("renames.properties"));
      assertThat(run.migration()).contains("rename column full_name to display_name")
          .doesNotContain("drop column full_name");
      assertThat(Files.readAllLines(dir.resolve("renames.properties"))).contains("customer.full_name=display_name");
      assertThat(run.out()).contains("Added 1 rename to ");
    }
  }

  @Test
  void aDeclinedOrUnansweredRenameStaysADropAndAnAdd(@TempDir Path no, @TempDir Path ended) throws Exception {
    try (TestDatabase db = TestDatabase.create("promptno")) {
      db.execute(Bookstore.migrationSql(1));

      Run declined = generate(db, no, "n\n");
      Run unanswered = generate(db, ended, "");

      for (Run run : new Run[] {declined, unanswered}) {
        assertThat(run.code()).isZero();
        assertThat(run.asked()).contains("Did you rename customer.full_name to customer.display_name")
            .doesNotContain("Add the confirmed renames");
        assertThat(run.migration()).contains("drop column full_name").doesNotContain("rename column");
      }
      assertThat(no.resolve("renames.properties")).as("nothing confirmed, nothing added").isEmptyFile();
    }
  }

  @Test
  void aConfirmedTableRenameIsDiffedAgainAndAsksAboutTheColumnsInside(@TempDir Path dir) throws Exception {
    try (TestDatabase db = TestDatabase.create("prompttable")) {
      db.execute(Bookstore.migrationSql(1));
      db.execute("alter table customer rename to client");

      Run run = generate(db, dir, "y\ny\ny\n");

      assertThat(run.asked()).contains("Did you rename client to customer? [y/N] ",
          "Did you rename customer.full_name to customer.display_name (varchar(120))? [y/N] ");
      assertThat(run.asked().indexOf("client to customer"))
          .isLessThan(run.asked().indexOf("customer.full_name to"));
      assertThat(run.migration()).contains("rename to customer", "rename column full_name to display_name")
          .doesNotContain("drop table client", "drop column full_name");
      assertThat(Files.readAllLines(dir.resolve("renames.properties")))
          .contains("client=customer", "customer.full_name=display_name");
    }
  }
}
