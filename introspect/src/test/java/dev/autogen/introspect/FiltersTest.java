package dev.autogen.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.Catalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Include and exclude patterns and schema choice against a real database. */
class FiltersTest {

  private static final String SQL = """
      create schema app;
      create table app.order_a (id int);
      create table app.order_b (id int);
      create table app.customer (id int);
      create table public.order_x (id int);
      create table public.audit_log (id int);
      create table public."Order_Mixed" (id int);
      create table public."we""ird.name" (id int);
      create schema "Odd""Sch.ema";
      create table "Odd""Sch.ema"."T""x" (id int);
      """;

  private static List<String> tables(List<String> schemas, List<String> include, List<String> exclude) {
    try (TestDatabase db = TestDatabase.create("filters")) {
      db.execute(SQL);
      Catalog catalog = FeatureDatabase.introspector(db, new IntrospectOptions(schemas, include, exclude)).read();
      return catalog.schemas().stream()
          .flatMap(s -> s.tables().stream().map(t -> s.name() + "." + t.name()))
          .toList();
    }
  }

  @Test
  void schemaQualifiedInclude() {
    assertThat(tables(List.of("app", "public"), List.of("app.order_*"), List.of()))
        .containsExactly("app.order_a", "app.order_b");
  }

  @Test
  void unqualifiedIncludeMatchesEverySchemaCaseSensitively() {
    assertThat(tables(List.of("app", "public"), List.of("order_?"), List.of()))
        .containsExactly("app.order_a", "app.order_b", "public.order_x");
    assertThat(tables(List.of("public"), List.of("Order_*"), List.of()))
        .containsExactly("public.Order_Mixed");
  }

  @Test
  void excludeWinsOverInclude() {
    assertThat(tables(List.of("app", "public"), List.of("*order_*"), List.of("app.order_b", "*_x")))
        .containsExactly("app.order_a");
  }

  @Test
  void noSchemaMeansPublicWithEveryTableSortedByName() {
    assertThat(tables(List.of(), List.of(), List.of("audit_*")))
        .containsExactly("public.Order_Mixed", "public.order_x", "public.we\"ird.name");
  }

  @Test
  void namesWithQuotesAndDotsSurviveSchemaCrawler() {
    assertThat(tables(List.of("Odd\"Sch.ema"), List.of(), List.of()))
        .containsExactly("Odd\"Sch.ema.T\"x");
  }
}
