package dev.autogen.introspect;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.Catalog;
import dev.autogen.model.Schema;
import dev.autogen.model.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The {@code features.sql} schema (every feature the introspector reads) and ways to read it. */
final class FeatureDatabase {

  /** Both schemas of {@code features.sql}. */
  static final IntrospectOptions BOTH_SCHEMAS = new IntrospectOptions(List.of("app", "public"), List.of(), List.of());

  private FeatureDatabase() {}

  /**
   * @param label the database label
   * @return a new private database holding {@code features.sql}
   */
  static TestDatabase create(String label) {
    TestDatabase db = TestDatabase.create(label);
    try {
      db.execute(features());
      return db;
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /** @return a reader of the given database with the given options */
  static PostgresIntrospector introspector(TestDatabase db, IntrospectOptions options) {
    return new PostgresIntrospector(db.url(), TestDatabase.user(), TestDatabase.password(), options);
  }

  /** @return the table of that schema, failing when it is missing */
  static Table table(Catalog catalog, String schema, String table) {
    return catalog.schema(schema).flatMap(s -> s.table(table))
        .orElseThrow(() -> new AssertionError("no table " + schema + "." + table + " in " + catalog));
  }

  /** @return the schema, failing when it is missing */
  static Schema schema(Catalog catalog, String schema) {
    return catalog.schema(schema).orElseThrow(() -> new AssertionError("no schema " + schema));
  }

  private static String features() {
    try (InputStream in = FeatureDatabase.class.getResourceAsStream("features.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
