package dev.autogen.cli.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.cli.Cli;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Views and materialized views over a column the plan changes (issue 9, #5): bookstore v1 to v2
 * narrows {@code product.sku} and drops {@code review.body}. PostgreSQL refuses both while a view
 * reads the column ({@code cannot alter type of a column used by a view or rule}); autogen reads the
 * dependencies from {@code pg_depend}, reports {@code DEPENDENT_OBJECT}, and with {@code
 * --recreate-dependent-views} drops the views before the change and creates them again after it,
 * in the V and the U file, which Flyway applies.
 */
class DependentViewsTest {

  private static final String RENAME = "customer.full_name=display_name";

  /** A view with options and a comment, a view over it, a materialized view with an index and a comment. */
  private static final String VIEWS = """
      insert into product (id, sku, title, stock) values (1, 'A-1', 'One', 3), (2, 'B-2', 'Two', 0), (3, 'A-1x', 'Three', 1);
      create view product_skus with (security_barrier = true) as select id, sku, title from product where stock > 0;
      comment on view product_skus is 'skus in stock';
      create view product_skus_upper as select id, upper(sku) as sku from product_skus;
      create materialized view sku_counts as select sku, count(*) as n from product group by sku;
      create unique index sku_counts_sku on sku_counts (sku);
      comment on materialized view sku_counts is 'how many products per sku';""";

  @Test
  void viewsOverAChangedOrDroppedColumnAreADependentObjectHazard(@TempDir Path dir) throws Exception {
    Path migrations = migrationsWithV1(dir);
    try (TestDatabase db = TestDatabase.create("depviews_hazard")) {
      migrate(db, migrations);
      db.execute(VIEWS + "\ncreate view review_bodies as select id, body from review;");

      Cli.Result json = Cli.run(Cli.command("diff", Cli.against(db, 2, "--migrations", migrations.toString(),
          "--rename", RENAME, "--format", "json")));

      assertThat(json.code()).as(json.err()).isZero();
      JsonNode changes = new ObjectMapper().readTree(json.out()).get("changes");
      assertThat(hazardsOf(changes, "alter_column", "sku")).contains("DEPENDENT_OBJECT");
      assertThat(riskOf(changes, "alter_column", "sku")).isEqualTo("dangerous");
      assertThat(hazardsOf(changes, "drop_column", "body")).contains("DEPENDENT_OBJECT");
      assertThat(kinds(changes)).doesNotContain("drop_view", "create_view");

      Cli.Result text = Cli.run(Cli.command("diff", Cli.against(db, 2, "--migrations", migrations.toString(),
          "--rename", RENAME)));
      assertThat(text.out()).contains("view public.product_skus, view public.product_skus_upper, "
          + "materialized view public.sku_counts read it").contains("--recreate-dependent-views")
          .contains("view public.review_bodies reads it");

      Cli.Result online = Cli.run(Cli.command("generate", Cli.against(db, 2, "--migrations", migrations.toString(),
          "--rename", RENAME, "--no-input", "-m", "v2", "--online", "--recreate-dependent-views")));
      assertThat(online.code()).as(online.err()).isEqualTo(2);
      assertThat(online.err().strip()).doesNotContain("\n").contains("--recreate-dependent-views cannot be combined");
      try (Stream<Path> files = Files.list(migrations)) {
        assertThat(files).hasSize(1);
      }
    }
  }

  @Test
  void withTheOptionTheViewsAreDroppedAndCreatedAgainInTheUpgradeAndTheUndo(@TempDir Path dir) throws Exception {
    Path migrations = migrationsWithV1(dir);
    try (TestDatabase db = TestDatabase.create("depviews_recreate")) {
      migrate(db, migrations);
      db.execute(VIEWS);
      Map<String, String> before = views(db);

      Cli.Result json = Cli.run(Cli.command("diff", Cli.against(db, 2, "--migrations", migrations.toString(),
          "--rename", RENAME, "--format", "json", "--recreate-dependent-views")));
      JsonNode changes = new ObjectMapper().readTree(json.out()).get("changes");
      assertThat(kinds(changes)).startsWith("rename_column", "drop_view", "drop_view", "drop_view")
          .endsWith("create_view", "create_view", "create_view");
      assertThat(hazardsOf(changes, "alter_column", "sku")).doesNotContain("DEPENDENT_OBJECT");

      Cli.Result generated = Cli.run(Cli.command("generate", Cli.against(db, 2, "--migrations", migrations.toString(),
          "--rename", RENAME, "--no-input", "-m", "bookstore v2", "--recreate-dependent-views")));
      assertThat(generated.code()).as(generated.out() + generated.err()).isZero();
      String upgrade = Files.readString(migrations.resolve("V2__bookstore_v2.sql"));
      assertThat(upgrade).contains("drop view product_skus_upper;")
          .contains("create materialized view sku_counts as")
          .contains("CREATE UNIQUE INDEX sku_counts_sku ON public.sku_counts USING btree (sku)");

      migrate(db, migrations);
      assertThat(views(db)).as("the views after the upgrade: definition, options, comment, indexes").isEqualTo(before);
      assertThat(single(db, "select count(*) from public.sku_counts")).isEqualTo("3");
      assertThat(single(db, "select format_type(atttypid, atttypmod) from pg_attribute "
          + "where attrelid = 'public.product'::regclass and attname = 'sku'")).isEqualTo("character varying(32)");
      Cli.Result check = Cli.run(Cli.command("check", Cli.against(db, 2, "--migrations", migrations.toString(),
          "--rename", RENAME)));
      assertThat(check.code()).as("converged: " + check.out() + check.err()).isZero();

      applyUndo(db, migrations, migrations.resolve("U2__bookstore_v2.sql"), 3);
      assertThat(views(db)).as("the views after the undo").isEqualTo(before);
      assertThat(single(db, "select format_type(atttypid, atttypmod) from pg_attribute "
          + "where attrelid = 'public.product'::regclass and attname = 'sku'")).isEqualTo("character varying(64)");
    }
  }

  private static Path migrationsWithV1(Path dir) throws Exception {
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(migrations.resolve("V1__create_bookstore.sql"), Bookstore.migrationSql(1));
    return migrations;
  }

  private static List<String> kinds(JsonNode changes) {
    List<String> kinds = new ArrayList<>();
    changes.forEach(c -> kinds.add(c.get("kind").asText()));
    return kinds;
  }

  private static JsonNode change(JsonNode changes, String kind, String column) {
    for (JsonNode c : changes) {
      if (c.get("kind").asText().equals(kind) && column.equals(c.path("column").asText())) {
        return c;
      }
    }
    throw new AssertionError("no " + kind + " of " + column + " in " + changes);
  }

  private static List<String> hazardsOf(JsonNode changes, String kind, String column) {
    List<String> codes = new ArrayList<>();
    change(changes, kind, column).get("hazards").forEach(h -> codes.add(h.isTextual() ? h.asText() : h.get("code").asText()));
    return codes;
  }

  private static String riskOf(JsonNode changes, String kind, String column) {
    return change(changes, kind, column).get("risk").asText();
  }

  /** Each view of the schema: kind, definition, options, comment and index definitions, by name. */
  private static Map<String, String> views(TestDatabase db) throws SQLException {
    Map<String, String> views = new TreeMap<>();
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
        select c.relname, c.relkind::text || ' ' || pg_get_viewdef(c.oid) || ' ' || coalesce(c.reloptions::text, '')
               || ' ' || coalesce(obj_description(c.oid, 'pg_class'), '') || ' '
               || coalesce((select string_agg(pg_get_indexdef(i.indexrelid), '; ') from pg_index i
                            where i.indrelid = c.oid), '')
        from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('v', 'm')""")) {
      while (rs.next()) {
        views.put(rs.getString(1), rs.getString(2));
      }
    }
    assertThat(views).isNotEmpty();
    return views;
  }

  private static String single(TestDatabase db, String query) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void migrate(TestDatabase db, Path migrations) {
    Flyway.configure().dataSource(db.url(), TestDatabase.user(), TestDatabase.password())
        .locations("filesystem:" + migrations).load().migrate();
  }

  /** The undo file as the next versioned migration of a copy of the directory (Flyway Community has no undo). */
  private static void applyUndo(TestDatabase db, Path migrations, Path undo, int version) throws Exception {
    Path copy = Files.createDirectories(migrations.resolveSibling("with-undo"));
    try (Stream<Path> files = Files.list(migrations)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("V")).toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    Files.copy(undo, copy.resolve("V" + version + "__undo.sql"));
    migrate(db, copy);
  }
}
