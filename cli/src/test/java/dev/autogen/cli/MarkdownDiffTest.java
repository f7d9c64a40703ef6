package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import org.junit.jupiter.api.Test;

/** {@code autogen diff --format markdown} end to end: a database at bookstore v1 against the v2 entities. */
class MarkdownDiffTest {

  @Test
  void reviewHasVerdictTablesDiagramAndFoldedSql() {
    try (TestDatabase db = TestDatabase.create("markdown")) {
      db.execute(Bookstore.migrationSql(1));

      Cli.Result diff = Cli.run(Cli.command("diff", Cli.against(db, 2, "--format", "markdown",
          "--rename", "customer.full_name=display_name")));

      assertThat(diff.code()).as(diff.err()).isZero();
      assertThat(diff.out()).startsWith("## autogen: schema changes")
          .contains("| Risk | Changes | Hazards |", "DATA_LOSS", "```mermaid\nerDiagram",
              "\"wishlist_item (new)\"", "<details><summary>Upgrade SQL");
    }
  }

  @Test
  void explainIsTextOnly() {
    try (TestDatabase db = TestDatabase.create("markdown")) {
      Cli.Result diff = Cli.run(Cli.command("diff", Cli.against(db, 1, "--format", "markdown", "--explain", "book")));

      assertThat(diff.code()).isEqualTo(ExitCode.USAGE);
      assertThat(diff.err()).contains("--explain prints text; leave out --format markdown");
    }
  }
}
