package dev.autogen.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.bench.GeneratedSchema;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.introspect.IntrospectOptions;
import dev.autogen.introspect.PostgresIntrospector;
import dev.autogen.model.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay scenario's history means the schema's DDL: the same statements, split into M files that
 * apply in order, to the same catalog; the one-script form is the files in order.
 */
class GeneratedHistoryTest {

  private final GeneratedSchema schema = new GeneratedSchema(35, GeneratedSchema.DEFAULT_PACKAGE);

  @Test
  void splitsTheSchemasStatementsIntoMFilesInVersionOrder() {
    GeneratedHistory history = new GeneratedHistory(schema, 4);
    Map<String, String> files = history.files();

    assertThat(files.keySet()).containsExactly(
        "V1__tables_00000.sql", "V2__tables_00008.sql", "V3__tables_00017.sql", "V4__tables_00026.sql");
    List<String> statements = files.values().stream()
        .flatMap(sql -> Arrays.stream(sql.split(";\n"))).toList();
    assertThat(statements).hasSize(history.statements()).containsExactlyInAnyOrderElementsOf(schema.ddl());
    assertThatThrownBy(() -> new GeneratedHistory(schema, 36)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void appliedInOrderGivesTheCatalogOfTheDdl(@TempDir Path work) throws Exception {
    GeneratedHistory history = new GeneratedHistory(schema, 4);
    history.write(work.resolve("migration"), work.resolve("all.sql"));

    try (TestDatabase fromHistory = TestDatabase.create("history");
        TestDatabase fromDdl = TestDatabase.create("ddl")) {
      fromHistory.execute(Files.readString(work.resolve("all.sql")));
      fromDdl.execute(String.join(";\n", schema.ddl()));

      assertThat(catalog(fromHistory)).isEqualTo(catalog(fromDdl));
    }
    try (var files = Files.list(work.resolve("migration"))) {
      assertThat(files.count()).isEqualTo(4);
    }
  }

  private static Catalog catalog(TestDatabase db) {
    return new PostgresIntrospector(db.url(), TestDatabase.user(), TestDatabase.password(),
        IntrospectOptions.defaults()).read();
  }
}
