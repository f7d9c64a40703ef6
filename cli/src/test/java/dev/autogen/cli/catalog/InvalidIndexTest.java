package dev.autogen.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.cli.Cli;
import dev.autogen.fixtures.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An INVALID index through the command line on a live database: a {@code CREATE UNIQUE INDEX
 * CONCURRENTLY} over duplicate rows fails and leaves the index behind, INVALID (PostgreSQL "CREATE
 * INDEX", Building Indexes Concurrently). It enforces nothing, so it is not the entities' unique index:
 * the plan drops it and builds the uniqueness again (Hibernate makes a unique {@code @Index} a unique
 * constraint), with an {@code INVALID_INDEX} hazard and the duplicate
 * rows counted. Once the duplicates are gone, the file the CLI writes applies with Flyway and the
 * database converges with a valid index.
 */
class InvalidIndexTest {

  private static final String START = """
      create table coupon (id bigint primary key, code varchar(20));
      insert into coupon values (1, 'SPRING'), (2, 'SPRING'), (3, 'SUMMER');
      """;
  private static final String VALIDITY = "select indexrelid::regclass::text || ' ' || indisvalid || ' ' || indisunique"
      + " from pg_index where indrelid = 'coupon'::regclass and not indisprimary";

  @Test
  void anInvalidIndexIsDroppedAndBuiltAgain(@TempDir Path dir) throws Exception {
    try (TestDatabase db = TestDatabase.create("invalidindex")) {
      LiveProject project = LiveProject.start(db, dir, "dev.autogen.cli.catalog.invalid", START);
      try {
        db.execute("create unique index concurrently ux_coupon_code on coupon (code)");
      } catch (IllegalStateException expected) {
        assertThat(expected).hasMessageContaining("could not create unique index");
      }
      assertThat(project.rows(VALIDITY)).containsExactly("ux_coupon_code false true");

      Cli.Result check = project.run("check");
      assertThat(check.code()).as("an INVALID index is drift: " + check.out() + check.err()).isEqualTo(1);
      Cli.Result json = project.run("diff", "--format", "json");
      assertThat(json.code()).as(json.err()).isZero();
      JsonNode report = new ObjectMapper().readTree(json.out());
      assertThat(kinds(report)).containsExactly("drop_index ux_coupon_code", "add_unique ux_coupon_code");
      assertThat(report.get("changes").get(0).get("hazards").toString()).contains("INVALID_INDEX");
      assertThat(report.get("changes").get(1).get("hazards").toString()).contains("DATA_DEPENDENT");
      assertThat(report.get("diagnostics").toString()).contains("is INVALID in the database");

      db.execute("delete from coupon where id = 2");
      project.generate("rebuild coupon code index");
      String upgrade = Files.readString(project.single("V2__"));
      assertThat(upgrade).contains("INVALID_INDEX").contains("drop index ux_coupon_code;")
          .contains("add constraint ux_coupon_code unique (code);");
      project.migrate();
      assertThat(project.rows(VALIDITY)).containsExactly("ux_coupon_code true true");
      Cli.Result after = project.run("check");
      assertThat(after.code()).as("converged: " + after.out() + after.err()).isZero();
    }
  }

  private static List<String> kinds(JsonNode report) {
    List<String> kinds = new ArrayList<>();
    report.get("changes").forEach(c -> kinds.add(c.get("kind").asText() + " " + c.get("name").asText()));
    return kinds;
  }
}
