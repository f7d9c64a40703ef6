package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.fixtures.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Which Hibernate read the entities, as a user sees it: on the {@code --timings} line, with {@code
 * --verbose}, and in the JSON report. Without {@code hibernate-core} on the application's class path
 * it is autogen's bundled one.
 */
class HibernateVersionReportTest {

  private static final String BUNDLED = org.hibernate.Version.getVersionString();

  @Test
  void everyReportSaysWhichHibernateReadTheEntities() throws Exception {
    try (TestDatabase db = TestDatabase.create("hibernate_version")) {
      Cli.Result json = Cli.run(Cli.command("diff", Cli.against(db, 1, "--format", "json")));
      assertThat(json.code()).as(json.err()).isZero();
      JsonNode report = new ObjectMapper().readTree(json.out());
      assertThat(report.get("formatVersion").asInt()).isEqualTo(1);
      assertThat(report.get("hibernate").get("version").asText()).isEqualTo(BUNDLED).startsWith("7.");
      assertThat(report.get("hibernate").get("source").asText()).isEqualTo("bundled");

      Cli.Result timed = Cli.run(Cli.command("check", Cli.against(db, 1, "--timings")));
      assertThat(timed.err()).containsPattern("entities \\d+ ms \\([a-z ]+, Hibernate " + BUNDLED.replace(".", "\\.")
          + " \\[bundled\\]\\), current schema");

      Cli.Result verbose = Cli.run(Cli.command("check", Cli.against(db, 1, "--verbose")));
      assertThat(verbose.err()).contains("entities: read by Hibernate " + BUNDLED + " (bundled)");
      Cli.Result quiet = Cli.run(Cli.command("check", Cli.against(db, 1)));
      assertThat(quiet.err()).doesNotContain("Hibernate");
    }
  }
}
