package dev.autogen.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.cli.Cli;
import dev.autogen.fixtures.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time columns through the command line on a live database: a switch between {@code timestamp} and
 * {@code timestamptz} reinterprets the stored values in the session's TimeZone (PostgreSQL "8.5.1.3.
 * Time Stamps") and is never a relaxation, in either direction; and the undo file restores each column
 * with the spelling read from the catalog ({@code timestamp}, not {@code timestamp(6)}), so that
 * applying the migration and then its undo gives back the catalog exactly.
 */
class TimeTypesTest {

  private static final String START = """
      create table visit (id bigint primary key, starts_at timestamptz, ends_at timestamp);
      """;
  private static final String COLUMN_TYPES = "select attname || ' ' || format_type(atttypid, atttypmod)"
      + " from pg_attribute where attrelid = 'visit'::regclass and attnum > 0 and not attisdropped order by attnum";

  @Test
  void aTimeZoneSwitchIsNoRelaxationAndItsUndoRestoresTheCatalogSpelling(@TempDir Path dir) throws Exception {
    try (TestDatabase db = TestDatabase.create("timetypes")) {
      LiveProject project = LiveProject.start(db, dir, "dev.autogen.cli.catalog.time", START);
      List<String> before = project.rows(COLUMN_TYPES);
      assertThat(before).containsExactly("id bigint", "starts_at timestamp with time zone",
          "ends_at timestamp without time zone");

      Cli.Result json = project.run("diff", "--format", "json");
      assertThat(json.code()).as(json.err()).isZero();
      JsonNode changes = new ObjectMapper().readTree(json.out()).get("changes");
      assertThat(changes).hasSize(2);
      for (JsonNode change : changes) {
        assertThat(change.get("relaxation").asBoolean()).as("relaxation: %s", change).isFalse();
      }
      Cli.Result kept = project.run("diff", "--format", "json", "--keep-stricter-database");
      assertThat(new ObjectMapper().readTree(kept.out()).get("changes")).as("nothing to keep stricter").hasSize(2);

      project.generate("time zones");
      List<String> undo = Files.readAllLines(project.single("U2__")).stream()
          .filter(line -> !line.startsWith("--") && !line.isBlank()).toList();
      assertThat(undo).as("the undo's statements").containsExactly(
          "alter table visit alter column starts_at type timestamp with time zone;",
          "alter table visit alter column ends_at type timestamp;");
      assertThat(Files.readString(project.single("V2__"))).doesNotContain("Relaxations");

      project.migrate();
      assertThat(project.rows(COLUMN_TYPES)).containsExactly("id bigint",
          "starts_at timestamp(6) without time zone", "ends_at timestamp(6) with time zone");
      Cli.Result check = project.run("check");
      assertThat(check.code()).as("converged: " + check.out() + check.err()).isZero();

      project.applyUndo(project.single("U2__"), 3);
      assertThat(project.rows(COLUMN_TYPES)).as("the undo restores the catalog exactly").isEqualTo(before);
    }
  }
}
