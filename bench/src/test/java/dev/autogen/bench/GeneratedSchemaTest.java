package dev.autogen.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.diff.Change;
import dev.autogen.diff.DiffOptions;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.diff.SchemaDiff;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.introspect.IntrospectOptions;
import dev.autogen.introspect.PostgresIntrospector;
import dev.autogen.metadata.EntityModelOptions;
import dev.autogen.metadata.HibernateEntityReader;
import dev.autogen.model.Catalog;
import dev.autogen.model.postgres.PostgresDialect;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator is only useful if the diff of its two forms is exactly the injected drift: checked
 * in-process on a real PostgreSQL with a small N.
 */
class GeneratedSchemaTest {

  @Test
  void diffOfEntitiesAndDdlIsExactlyTheInjectedDrift(@TempDir Path work) throws Exception {
    GeneratedSchema schema = new GeneratedSchema(35, GeneratedSchema.DEFAULT_PACKAGE);
    EntityCompiler.compile(schema.entitySources(), work.resolve("src"), work.resolve("classes"));
    try (TestDatabase db = TestDatabase.create("bench")) {
      db.execute(String.join(";\n", schema.ddl()));

      Catalog target = new HibernateEntityReader(new EntityModelOptions(
          List.of(work.resolve("classes")), List.of(schema.packageName()), "hibernate", null)).read();
      Catalog current = new PostgresIntrospector(db.url(), TestDatabase.user(), TestDatabase.password(),
          IntrospectOptions.defaults()).read();
      MigrationPlan plan = new SchemaDiff(DiffOptions.of(PostgresDialect.INSTANCE)).diff(current, target);

      Map<String, String> found = new LinkedHashMap<>();
      for (Change c : plan.changes()) {
        found.put(c.subject().name(), c.kind());
      }
      assertThat(plan.changes()).hasSize(4);
      assertThat(found).isEqualTo(schema.expectedDrift());
      assertThat(schema.expectedDrift()).containsExactly(
          Map.entry("t00000", "add_column"), Map.entry("t00010", "alter_column"),
          Map.entry("t00020", "create_index"), Map.entry("t00030", "add_column"));
    }
  }
}
