package dev.autogen.codegen.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.codegen.EveryChangeScenario;
import dev.autogen.codegen.Statement;
import dev.autogen.codegen.postgres.PostgresRenderer;
import dev.autogen.diff.Change;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.Hazard;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.diff.Risk;
import dev.autogen.model.CheckConstraint;
import dev.autogen.model.HibernateUsed;
import dev.autogen.model.Index;
import dev.autogen.model.PrimaryKey;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class JsonReportTest {

  private final MigrationPlan plan = EveryChangeScenario.plan();
  private final List<Statement> statements = new PostgresRenderer().render(plan);

  private JsonNode parsed() throws Exception {
    return new ObjectMapper().readTree(new JsonReport().render(plan, statements));
  }

  private JsonNode change(JsonNode root, String kind, int nth) {
    return StreamSupport.stream(root.get("changes").spliterator(), false)
        .filter(c -> c.get("kind").asText().equals(kind)).skip(nth).findFirst().orElseThrow();
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void topLevelShape() throws Exception {
    JsonNode root = parsed();
    assertThat(keys(root)).containsExactly("formatVersion", "changes", "diagnostics", "keptStricter", "unmanaged", "summary");
    assertThat(root.get("formatVersion").asInt()).isEqualTo(1);
    assertThat(root.get("changes")).hasSize(plan.changes().size());
    assertThat(root.get("summary").toString()).isEqualTo("{\"safe\":33,\"caution\":1,\"dangerous\":2}");
  }

  /** Additive within format version 1: the fields of before keep their order, {@code hibernate} comes second. */
  @Test
  void saysWhichHibernateReadTheEntities() throws Exception {
    JsonNode root = new ObjectMapper().readTree(new JsonReport().tree(plan, statements,
        new HibernateUsed("7.4.6.Final", HibernateUsed.Source.BUNDLED)).toString());
    assertThat(keys(root)).containsExactly(
        "formatVersion", "hibernate", "changes", "diagnostics", "keptStricter", "unmanaged", "summary");
    assertThat(root.get("formatVersion").asInt()).isEqualTo(1);
    assertThat(root.get("hibernate").toString()).isEqualTo("{\"version\":\"7.4.6.Final\",\"source\":\"bundled\"}");
    JsonNode application = new ObjectMapper().readTree(new JsonReport().tree(plan, statements,
        new HibernateUsed("6.6.13.Final", HibernateUsed.Source.APPLICATION)).toString());
    assertThat(application.get("hibernate").get("source").asText()).isEqualTo("application class path");
  }

  @Test
  void columnChangeHasColumnRiskHazardsAndBothSqlSides() throws Exception {
    JsonNode drop = change(parsed(), "drop_column", 0);
    assertThat(keys(drop)).containsExactly("kind", "schema", "table", "column", "risk", "hazards", "relaxation", "sql", "reverseSql");
    assertThat(drop.get("schema").asText()).isEqualTo("app");
    assertThat(drop.get("table").asText()).isEqualTo("customer");
    assertThat(drop.get("column").asText()).isEqualTo("legacy");
    assertThat(drop.get("risk").asText()).isEqualTo("dangerous");
    assertThat(drop.get("hazards").toString()).isEqualTo("[\"DATA_LOSS\"]");
    assertThat(drop.get("sql").get(0).asText()).isEqualTo("alter table app.customer drop column legacy");
    assertThat(drop.get("reverseSql").get(0).asText()).isEqualTo("alter table app.customer add column legacy text");
  }

  @Test
  void alterColumnHasFromAndToFragments() throws Exception {
    JsonNode root = parsed();
    JsonNode narrowing = change(root, "alter_column", 0);
    assertThat(narrowing.get("column").asText()).isEqualTo("full_name");
    assertThat(narrowing.get("from").asText()).isEqualTo("varchar(64) not null");
    assertThat(narrowing.get("to").asText()).isEqualTo("varchar(32) null");
    JsonNode typeOnly = change(root, "alter_column", 2);
    assertThat(typeOnly.get("from").asText()).isEqualTo("integer");
    assertThat(typeOnly.get("to").asText()).isEqualTo("bigint");
    JsonNode withDefault = change(root, "alter_column", 1);
    assertThat(withDefault.get("to").asText()).isEqualTo("text default 'active'");
  }

  @Test
  void constraintsAndIndexesHaveColumnsAndName() throws Exception {
    JsonNode root = parsed();
    JsonNode unique = change(root, "add_unique", 0);
    assertThat(keys(unique))
        .containsExactly("kind", "schema", "table", "name", "columns", "risk", "hazards", "relaxation", "sql", "reverseSql");
    assertThat(unique.get("name").asText()).isEqualTo("customer_age_status_key");
    assertThat(unique.get("columns").toString()).isEqualTo("[\"age\",\"status\"]");
    assertThat(unique.get("risk").asText()).isEqualTo("caution");
    JsonNode pk = change(root, "add_primary_key", 0);
    assertThat(pk.get("name").asText()).isEqualTo("user_pk");
    JsonNode index = change(root, "drop_index", 0);
    assertThat(index.get("name").asText()).isEqualTo("customer_legacy_idx");
    assertThat(index.get("columns").toString()).isEqualTo("[\"legacy\"]");
  }

  @Test
  void unnamedKeysConstraintsAndIndexesCarryTheNameTheSqlUses() throws Exception {
    QualifiedName order = new QualifiedName("Mixed", "Order");
    Change check = new Change.AddCheck(order, new CheckConstraint(null, "\"select\" >= 0"));
    List<Change> changes = List.of(
        new Change.AddPrimaryKey(order, new PrimaryKey(null, List.of("id"))),
        new Change.AddUnique(order, new UniqueConstraint(null, List.of("user"))),
        check,
        new Change.CreateIndex(order, new Index(null, List.of("created desc", "id"), false, null, null)));
    MigrationPlan unnamed = new MigrationPlan(changes, List.of(
        new Diagnostic(Hazard.DATA_DEPENDENT, Risk.CAUTION, check, "rows may violate it", "check first")));
    JsonNode root = new ObjectMapper().readTree(new JsonReport().render(unnamed, new PostgresRenderer().render(unnamed)));

    List<String> names = new ArrayList<>();
    for (JsonNode change : root.get("changes")) {
      String name = change.get("name").asText();
      names.add(name);
      assertThat(change.get("sql").get(0).asText()).contains(" \"" + name + "\" ");
      assertThat(change.get("reverseSql").get(0).asText()).contains("\"" + name + "\"");
    }
    assertThat(names).containsExactly("Order_pkey", "Order_user_key", "Order_select_check", "Order_created_id_idx");
    JsonNode diagnostic = root.get("diagnostics").get(0);
    assertThat(keys(diagnostic)).containsExactly("code", "risk", "kind", "schema", "table", "name", "message", "remedy");
    assertThat(diagnostic.get("name").asText()).isEqualTo("Order_select_check");
  }

  @Test
  void diagnosticsMustBeOnChangesOfThePlan() {
    Change outside = new Change.AddUnique(new QualifiedName("public", "t"), new UniqueConstraint(null, List.of("a")));
    MigrationPlan odd = new MigrationPlan(List.of(), List.of(
        new Diagnostic(Hazard.DATA_DEPENDENT, Risk.CAUTION, outside, "m", "r")));
    assertThatThrownBy(() -> new JsonReport().render(odd, List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("add_unique public.t");
  }

  @Test
  void sequencesAndEnumsHaveANameAndNoTable() throws Exception {
    JsonNode root = parsed();
    JsonNode sequence = change(root, "alter_sequence", 0);
    assertThat(keys(sequence)).containsExactly("kind", "schema", "name", "from", "to", "risk", "hazards", "relaxation", "sql", "reverseSql");
    assertThat(sequence.get("from").asText()).isEqualTo("start with 1 increment by 1");
    assertThat(sequence.get("to").asText()).isEqualTo("start with 5 increment by 10");
    JsonNode enumType = change(root, "alter_enum", 0);
    assertThat(enumType.get("name").asText()).isEqualTo("mood");
    assertThat(enumType.has("table")).isFalse();
    assertThat(enumType.get("to").asText()).isEqualTo("('ecstatic', 'happy', 'neutral', 'sad')");
  }

  @Test
  void diagnosticsLocateTheirChange() throws Exception {
    JsonNode diagnostics = parsed().get("diagnostics");
    assertThat(diagnostics).hasSize(3);
    JsonNode first = diagnostics.get(0);
    assertThat(keys(first)).containsExactly("code", "risk", "kind", "schema", "table", "column", "message", "remedy");
    assertThat(first.get("code").asText()).isEqualTo("DATA_LOSS");
    assertThat(first.get("risk").asText()).isEqualTo("dangerous");
    assertThat(first.get("kind").asText()).isEqualTo("drop_column");
    assertThat(first.get("column").asText()).isEqualTo("legacy");
    assertThat(first.get("remedy").asText()).isEqualTo("copy them first");
    assertThat(diagnostics.get(1).has("column")).isFalse();
    assertThat(diagnostics.get(2).get("name").asText()).isEqualTo("customer_age_status_key");
  }

  @Test
  void noNullsAnywhere() throws Exception {
    List<JsonNode> nulls = new ArrayList<>();
    collectNulls(parsed(), nulls);
    assertThat(nulls).isEmpty();
  }

  private static void collectNulls(JsonNode node, List<JsonNode> nulls) {
    if (node.isNull()) {
      nulls.add(node);
    }
    node.elements().forEachRemaining(child -> collectNulls(child, nulls));
  }

  @Test
  void emptyPlan() throws Exception {
    JsonNode root = new ObjectMapper().readTree(new JsonReport().render(new MigrationPlan(List.of(), List.of()), List.of()));
    assertThat(root.get("changes")).isEmpty();
    assertThat(root.get("summary").toString()).isEqualTo("{\"safe\":0,\"caution\":0,\"dangerous\":0}");
  }

  @Test
  void statementsMustBeThePlanRendered() {
    List<Statement> other = new PostgresRenderer().render(new MigrationPlan(List.of(plan.changes().get(0)), List.of()));
    assertThatThrownBy(() -> new JsonReport().render(plan, other)).isInstanceOf(IllegalArgumentException.class);
    assertThat(plan.changes().get(0)).isInstanceOf(Change.CreateEnum.class);
  }
}
