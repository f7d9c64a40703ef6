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
 * Columns of domain types through the command line on a live database. A column of {@code create domain
 * email as varchar(200) check (...)} holds the same values as the entity's {@code varchar(200)}: it is
 * compared by the domain's base type, with no invented DATA_LOSS or TABLE_REWRITE, and a check on a
 * column of a domain over {@code integer} (which the catalog stores as {@code (quantity)::integer > 0})
 * is the entity's check, not dropped and added again. When the entities do change such a column, the
 * undo restores the domain, and applying the migration and its undo with Flyway gives the catalog back.
 */
class DomainColumnTest {

  private static final String START = """
      create domain email as varchar(200) check (value like '%@%');
      create domain backup_email as email;
      create domain qty as integer check (value >= 0);
      create table subscriber (id bigint primary key, email email not null, backup backup_email, quantity qty,
        constraint subscriber_email_check check (email <> ''),
        constraint subscriber_quantity_check check (quantity > 0));
      """;
  private static final String CATALOG = "select attname || ' ' || format_type(atttypid, atttypmod) || ' ' || attnotnull"
      + " from pg_attribute where attrelid = 'subscriber'::regclass and attnum > 0 and not attisdropped"
      + " union all select conname || ' ' || pg_get_constraintdef(oid) from pg_constraint"
      + " where conrelid = 'subscriber'::regclass order by 1";

  @Test
  void aDomainColumnIsComparedByItsBaseTypeAndItsChecksMatch(@TempDir Path dir) throws Exception {
    try (TestDatabase db = TestDatabase.create("domain")) {
      LiveProject project = LiveProject.start(db, dir, "dev.autogen.cli.catalog.domain", START);

      Cli.Result json = project.run("diff", "--format", "json");
      assertThat(json.code()).as(json.err()).isZero();
      JsonNode report = new ObjectMapper().readTree(json.out());
      assertThat(report.get("changes")).as("no change: %s", report.get("changes")).isEmpty();
      assertThat(report.get("diagnostics")).isEmpty();
      Cli.Result check = project.run("check");
      assertThat(check.code()).as(check.out() + check.err()).isZero();
    }
  }

  @Test
  void aChangedDomainColumnIsUndoneToItsDomain(@TempDir Path dir) throws Exception {
    try (TestDatabase db = TestDatabase.create("domainundo")) {
      LiveProject project = LiveProject.start(db, dir, "dev.autogen.cli.catalog.domain", START)
          .withEntities("dev.autogen.cli.catalog.domainwide");
      List<String> before = project.rows(CATALOG);

      JsonNode report = new ObjectMapper().readTree(project.run("diff", "--format", "json").out());
      assertThat(report.get("changes")).singleElement().satisfies(change -> {
        assertThat(change.get("kind").asText()).isEqualTo("alter_column");
        assertThat(change.get("column").asText()).isEqualTo("email");
        assertThat(change.get("hazards").toString()).as("widening: no data is lost").doesNotContain("DATA_LOSS")
            .as("the domain column has no length of its own: PostgreSQL converts every value")
            .contains("TABLE_REWRITE");
      });

      project.generate("wider email");
      assertThat(Files.readString(project.single("V2__"))).contains("alter column email type varchar(300);");
      assertThat(Files.readString(project.single("U2__"))).contains("alter column email type email;");
      project.migrate();
      Cli.Result check = project.run("check");
      assertThat(check.code()).as("converged: " + check.out() + check.err()).isZero();

      project.applyUndo(project.single("U2__"), 3);
      assertThat(project.rows(CATALOG)).as("the undo restores the domain").isEqualTo(before);
    }
  }
}
