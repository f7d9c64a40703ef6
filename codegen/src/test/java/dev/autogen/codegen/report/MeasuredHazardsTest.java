package dev.autogen.codegen.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.codegen.Statement;
import dev.autogen.codegen.flyway.FlywayLayout;
import dev.autogen.codegen.flyway.FlywayMigration;
import dev.autogen.codegen.postgres.PostgresRenderer;
import dev.autogen.diff.DiffOptions;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.diff.SchemaDiff;
import dev.autogen.model.Catalog;
import dev.autogen.model.Column;
import dev.autogen.model.DataProbe;
import dev.autogen.model.Schema;
import dev.autogen.model.SqlType;
import dev.autogen.model.Table;
import dev.autogen.model.postgres.PostgresDialect;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The figures a data probe gives reach every report: text, JSON and the Flyway header. */
class MeasuredHazardsTest {

  /** Answers every question with the same count: the reports only show what the analyzers measured. */
  private record FixedProbe(long rows) implements DataProbe {
    @Override
    public Optional<Count> count(Question question) {
      return Optional.of(new Count(rows, true));
    }
  }

  private static Table owner() {
    return new Table("owner", List.of(new Column("id", SqlType.parse("bigint"), false, null, null, null)),
        null, List.of(), List.of(), List.of(), List.of(), null);
  }

  private static Catalog catalog(Table... tables) {
    return new Catalog(List.of(new Schema("public", List.of(tables), List.of(), List.of())));
  }

  private final MigrationPlan plan = new SchemaDiff(DiffOptions.of(PostgresDialect.INSTANCE)
      .withProbe(new FixedProbe(1204))).diff(catalog(owner()), catalog());
  private final List<Statement> statements = new PostgresRenderer().render(plan);

  @Test
  void textReportSaysTheCount() {
    assertThat(new TextReport().render(plan, statements))
        .contains("DATA_LOSS: drops table public.owner and its 1,204 rows (estimate)");
  }

  @Test
  void jsonDiagnosticCarriesTheFigures() throws Exception {
    JsonNode root = new ObjectMapper().readTree(new JsonReport().render(plan, statements));
    JsonNode loss = root.get("diagnostics").get(0);
    assertThat(loss.get("code").asText()).isEqualTo("DATA_LOSS");
    assertThat(loss.get("figures").toString()).isEqualTo("{\"rows\":1204,\"estimate\":true}");
    assertThat(loss.get("message").asText()).endsWith("its 1,204 rows (estimate)");
  }

  @Test
  void flywayHeaderSaysTheCount() {
    FlywayMigration migration = new FlywayMigration("drop owner", "3", Instant.parse("2025-01-02T03:04:05Z"),
        "0.1.0-test", plan, statements);
    assertThat(new FlywayLayout().upgrade(migration))
        .contains("-- [DANGEROUS] DATA_LOSS drop table public.owner: drops table public.owner and its 1,204 rows"
            + " (estimate)");
  }

  @Test
  void withoutAProbeNothingIsMeasured() throws Exception {
    MigrationPlan replayed = new SchemaDiff(DiffOptions.of(PostgresDialect.INSTANCE)).diff(catalog(owner()), catalog());
    JsonNode root = new ObjectMapper().readTree(new JsonReport().render(replayed, new PostgresRenderer().render(replayed)));
    assertThat(root.get("diagnostics").get(0).has("figures")).isFalse();
    assertThat(root.get("diagnostics").get(0).get("message").asText()).endsWith("and every row in it");
  }
}
