package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import dev.autogen.metadata.EntityModelOptions;
import dev.autogen.metadata.HibernateEntityReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Schemas that mean the same as the entities diff empty, however they are spelled. */
class EquivalentSchemaTest {

  @ParameterizedTest(name = "Hibernate's own DDL for v{0}")
  @ValueSource(ints = {1, 2, 3})
  void hibernatesOwnDdlDiffsEmpty(int version) throws Exception {
    List<String> ddl = new HibernateEntityReader(new EntityModelOptions(
        List.of(java.nio.file.Path.of(Cli.fixturesClasspath())), List.of(Bookstore.packageOf(version)),
        "hibernate", null)).hibernateCreateScript();
    try (TestDatabase db = TestDatabase.create("hibddl")) {
      db.execute(String.join(";\n", ddl));

      Cli.Result diff = Cli.run(Cli.command("diff", Cli.against(db, version, "--format", "json")));

      assertThat(diff.code()).as(diff.err()).isZero();
      JsonNode json = new ObjectMapper().readTree(diff.out());
      assertThat(json.get("formatVersion").asInt()).isEqualTo(1);
      assertThat(json.get("changes")).as(diff.out()).isEmpty();
    }
  }

  @ParameterizedTest(name = "migrations V1..V{0}")
  @ValueSource(ints = {1, 2, 3})
  void handWrittenMigrationsDiffEmpty(int version) {
    try (TestDatabase db = TestDatabase.create("migr")) {
      for (int v = 1; v <= version; v++) {
        db.execute(Bookstore.migrationSql(v));
      }
      Cli.Result check = Cli.run(Cli.command("check", Cli.against(db, version)));

      assertThat(check.code()).as(check.out() + check.err()).isZero();
    }
  }

  @Test
  void differentlySpelledSchemaDiffsEmpty() {
    try (TestDatabase db = TestDatabase.create("equiv")) {
      db.execute(Bookstore.equivalentSchemaSql());

      Cli.Result diff = Cli.run(Cli.command("diff", Cli.against(db, Bookstore.LATEST)));
      Cli.Result check = Cli.run(Cli.command("check", Cli.against(db, Bookstore.LATEST)));

      assertThat(diff.out()).contains("No changes");
      assertThat(check.code()).as(check.out() + check.err()).isZero();
    }
  }
}
