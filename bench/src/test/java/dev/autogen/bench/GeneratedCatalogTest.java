package dev.autogen.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.diff.Change;
import dev.autogen.diff.DiffOptions;
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
 * The in-memory catalogs stand for the real thing only if autogen sees no difference between them and
 * what it reads from the DDL in a real PostgreSQL and from the compiled entities.
 */
class GeneratedCatalogTest {

  private final SchemaDiff diff = new SchemaDiff(DiffOptions.of(PostgresDialect.INSTANCE));

  @Test
  void inMemoryCatalogsMeanWhatTheDdlAndTheEntitiesMean(@TempDir Path work) throws Exception {
    GeneratedSchema schema = new GeneratedSchema(35, GeneratedSchema.DEFAULT_PACKAGE);
    EntityCompiler.compile(schema.entitySources(), work.resolve("src"), work.resolve("classes"));
    try (TestDatabase db = TestDatabase.create("bench_catalog")) {
      db.execute(String.join(";\n", schema.ddl()));
      Catalog introspected = new PostgresIntrospector(db.url(), TestDatabase.user(), TestDatabase.password(),
          IntrospectOptions.defaults()).read();
      Catalog entities = new HibernateEntityReader(new EntityModelOptions(
          List.of(work.resolve("classes")), List.of(schema.packageName()), "hibernate", null)).read();

      assertThat(diff.diff(introspected, GeneratedCatalog.current(schema)).changes()).isEmpty();
      assertThat(diff.diff(GeneratedCatalog.current(schema), introspected).changes()).isEmpty();
      assertThat(diff.diff(entities, GeneratedCatalog.target(schema)).changes()).isEmpty();
      assertThat(diff.diff(GeneratedCatalog.target(schema), entities).changes()).isEmpty();
    }
  }

  @Test
  void inMemoryCatalogsDifferByExactlyTheInjectedDrift() {
    GeneratedSchema schema = new GeneratedSchema(1000, GeneratedSchema.DEFAULT_PACKAGE);
    Map<String, String> found = new LinkedHashMap<>();
    List<Change> changes = diff.diff(GeneratedCatalog.current(schema), GeneratedCatalog.target(schema)).changes();
    changes.forEach(c -> found.put(c.subject().name(), c.kind()));

    assertThat(changes).hasSize(100);
    assertThat(found).isEqualTo(schema.expectedDrift());
  }
}
