package dev.autogen.cli.reliability;

import static dev.autogen.cli.reliability.HostileNames.literal;
import static dev.autogen.cli.reliability.HostileNames.named;
import static dev.autogen.cli.reliability.HostileNames.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.cli.Cli;
import dev.autogen.cli.reliability.entities.Ledger;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability: a live catalog full of hostile names in every object kind, compared with the entities
 * through the command line as a user runs it. The migration and its undo that the CLI writes are
 * applied by Flyway; the catalog must then hold exactly what was meant (no statement smuggled in
 * through a name ran: no table {@code p}, {@code customer} still there), the undo must give the hostile
 * catalog back name for name, and no output (text, JSON, Markdown) may pass a control character or
 * a forged line.
 */
@Tag("reliability")
class HostileNamesTest {

  private static final String LEGACY_MESSAGE = "drop legacy";

  @Test
  void migrationsFromAHostileCatalogApplyWithNothingExtraRunAndUndoRestoresIt(@TempDir Path dir) throws Exception {
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(migrations.resolve(Bookstore.migrationNames(1).get(0)), Bookstore.migrationSql(1));
    try (TestDatabase db = TestDatabase.create("hostile"); TestDatabase clean = TestDatabase.create("clean")) {
      migrate(db, migrations);
      migrate(clean, migrations);
      db.execute(hostileObjects());
      String hostileCatalog = catalog(db);

      Cli.Result text = Cli.run(Cli.command("diff", args(db, migrations)));
      Cli.Result json = Cli.run(Cli.command("diff", args(db, migrations, "--format", "json")));
      Cli.Result markdown = Cli.run(Cli.command("diff", args(db, migrations, "--format", "markdown")));
      Cli.Result check = Cli.run(Cli.command("check", args(db, migrations)));
      for (Cli.Result r : List.of(text, json, check)) {
        assertNoControlsOrForgedLines(r.out());
        assertNoControlsOrForgedLines(r.err());
      }
      // Markdown: the upgrade and downgrade SQL sit in fenced blocks as the files hold them (a quoted
      // name keeps its line break there); everything else is one line per value
      assertNoControlsOrForgedLines(outsideFences(markdown.out()));
      assertThat(markdown.out().chars().filter(c -> c == 0x1b || c == '\r')).isEmpty();
      assertThat(text.code()).as(text.err()).isZero();
      assertThat(check.code()).as(check.err()).isEqualTo(1);
      assertThat(new ObjectMapper().readTree(json.out()).get("changes").toString())
          .as("JSON keeps the exact names").contains("x\\ncreate table if not exists p();--");

      Cli.Result generate = Cli.run(Cli.command("generate", args(db, migrations, "-m", LEGACY_MESSAGE)));
      assertThat(generate.code()).as(generate.out() + generate.err()).isZero();
      assertNoControlsOrForgedLines(generate.out());
      Path upgrade = single(migrations, "V2__");
      Path undo = single(migrations, "U2__");
      for (Path file : List.of(upgrade, undo)) {
        assertThat(Files.readString(file)).as("the name is shown in the comments, on one line")
            .contains("x␊create table if not exists p();--");
      }

      migrate(db, migrations);
      assertThat(catalog(db)).as("upgrade: the bookstore v1 catalog, nothing more").isEqualTo(catalog(clean));
      assertThat(Cli.run(Cli.command("check", args(db, migrations))).code()).as("no drift after upgrade").isZero();

      applyUndo(db, migrations, undo, 3);
      assertThat(catalog(db)).as("undo: the hostile catalog, name for name").isEqualTo(hostileCatalog);
    }
  }

  @Test
  void aMultiLineCheckFromTheEntitiesStaysInItsCommentLine(@TempDir Path dir) throws Exception {
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(migrations.resolve("V1__ledger.sql"), "create table ledger (id bigint primary key, amount integer"
        + " not null, note varchar(255));");
    try (TestDatabase db = TestDatabase.create("multicheck")) {
      migrate(db, migrations);
      Cli.Result generate = Cli.run("-m", "ledger check", "--url", db.url(), "--user", TestDatabase.user(),
          "--dev-url", TestDatabase.adminUrl(), "--migrations", migrations.toString(), "--no-input",
          "--classpath", testClasses(), "--packages", "dev.autogen.cli.reliability.entities");
      assertThat(generate.code()).as(generate.out() + generate.err()).isZero();
      String upgrade = Files.readString(single(migrations, "V2__"));
      assertThat(upgrade).contains("\n-- add_check ledger_amount_check on public.ledger (amount >= 0␊and note <> ';--'␊"
          + "or note is null) (caution");
      migrate(db, migrations);
      db.execute("insert into ledger values (1, 5, 'ok')");
      assertThat(countOf(db, "select count(*) from pg_constraint where conname = 'ledger_amount_check'")).isEqualTo(1);
      assertThat(Cli.run("check", "--url", db.url(), "--user", TestDatabase.user(), "--dev-url",
          TestDatabase.adminUrl(), "--migrations", migrations.toString(), "--classpath", testClasses(),
          "--packages", "dev.autogen.cli.reliability.entities").code()).isZero();
    }
  }

  /** One table per hostile name with every kind of object on it, a column on customer, types and sequences. */
  private static String hostileObjects() {
    List<String> sql = new ArrayList<>();
    sql.add("alter table customer add column " + quote(HostileNames.ALL.get(0)) + " int");
    int i = 0;
    for (String name : HostileNames.ALL) {
      String table = quote(named("t" + i, name));
      String column = quote(named("c", name));
      String type = quote(named("e" + i, name));
      sql.add("create type " + type + " as enum (" + literal(name) + ", 'plain')");
      sql.add("create sequence " + quote(named("s" + i, name)));
      sql.add("create table " + table + " (id bigint primary key, " + column + " varchar(40) default " + literal(name)
          + " constraint " + quote(named("k" + i, name)) + " check (" + column + " <> " + literal(name + "!") + "),"
          + " mood " + type + ", customer_id bigint constraint " + quote(named("f" + i, name))
          + " references customer (id) on delete cascade,"
          + " constraint " + quote(named("u" + i, name)) + " unique (" + column + "))");
      sql.add("create index " + quote(named("i" + i, name)) + " on " + table + " (customer_id, " + column + ")");
      sql.add("comment on table " + table + " is " + literal(name));
      sql.add("comment on column " + table + "." + column + " is " + literal(name));
      i++;
    }
    return String.join(";\n", sql);
  }

  private static String[] args(TestDatabase db, Path migrations, String... more) {
    List<String> all = new ArrayList<>(List.of(Cli.against(db, 1, "--migrations", migrations.toString(), "--no-input")));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  /** Every line of output: no control character but tab, no line that a name forged. */
  private static void assertNoControlsOrForgedLines(String output) {
    for (String line : output.split("\n", -1)) {
      assertThat(line.chars().filter(c -> c != '\t' && (c < 0x20 || (c >= 0x7f && c <= 0x9f))))
          .as("control characters in output line: %s", line).isEmpty();
      assertThat(line).as("a forged line").doesNotStartWith("create table if not exists p()")
          .doesNotStartWith("No drift\u001b").isNotEqualTo("No drift");
    }
  }

  /** @return the Markdown text without its fenced code blocks */
  private static String outsideFences(String markdown) {
    StringBuilder out = new StringBuilder();
    String fence = null;
    for (String line : markdown.split("\n", -1)) {
      String trimmed = line.trim();
      if (fence == null && trimmed.startsWith("```")) {
        fence = trimmed.replaceAll("[^`].*", "");
      } else if (fence != null && trimmed.equals(fence)) {
        fence = null;
      } else if (fence == null) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  private static Path single(Path dir, String prefix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found = files.filter(p -> p.getFileName().toString().startsWith(prefix)
          && p.getFileName().toString().endsWith(".sql")).toList();
      assertThat(found).as("files %s* in %s", prefix, dir).hasSize(1);
      return found.get(0);
    }
  }

  private static void migrate(TestDatabase db, Path migrations) {
    Flyway.configure().dataSource(db.url(), TestDatabase.user(), TestDatabase.password())
        .locations("filesystem:" + migrations).load().migrate();
  }

  /**
   * Applies the undo file the way Flyway would run it (Flyway Community has no {@code undo}): its text,
   * and its script configuration, as the next versioned migration of a copy of the directory.
   */
  private static void applyUndo(TestDatabase db, Path migrations, Path undo, int version) throws IOException {
    Path copy = Files.createDirectories(migrations.resolveSibling("with-undo"));
    try (Stream<Path> files = Files.list(migrations)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("V")).toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    String name = "V" + version + "__undo.sql";
    Files.copy(undo, copy.resolve(name));
    Path conf = undo.resolveSibling(undo.getFileName() + ".conf");
    if (Files.exists(conf)) {
      Files.copy(conf, copy.resolve(name + ".conf"));
    }
    migrate(db, copy);
  }

  private static String testClasses() {
    try {
      return Path.of(Ledger.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long countOf(TestDatabase db, String query) throws SQLException {
    try (Connection c = DriverManager.getConnection(db.url(), TestDatabase.user(), TestDatabase.password());
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** What the public schema holds, by name: relations, columns, constraints, enum types, comments. */
  private static String catalog(TestDatabase db) throws SQLException {
    String query = """
        select coalesce(string_agg(x, E'\\n' order by x), '') from (
          select 'rel ' || c.relkind::text || ' ' || quote_ident(c.relname) as x from pg_class c
            where c.relnamespace = 'public'::regnamespace and c.relname not like 'flyway_schema_history%'
          union all
          select 'col ' || quote_ident(c.relname) || '.' || quote_ident(a.attname) || ' '
              || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull || ' '
              || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
            from pg_attribute a join pg_class c on c.oid = a.attrelid and c.relkind = 'r'
            left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
            where c.relnamespace = 'public'::regnamespace and c.relname <> 'flyway_schema_history'
              and a.attnum > 0 and not a.attisdropped
          union all
          select 'con ' || k.conrelid::regclass::text || ' ' || quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid)
            from pg_constraint k where k.connamespace = 'public'::regnamespace
              and k.conrelid <> coalesce(to_regclass('public.flyway_schema_history'), 0)
          union all
          select 'type ' || quote_ident(t.typname) || ' '
              || (select string_agg(quote_literal(e.enumlabel), ',' order by e.enumsortorder) from pg_enum e
                  where e.enumtypid = t.oid)
            from pg_type t where t.typnamespace = 'public'::regnamespace and t.typtype = 'e'
          union all
          select 'comment ' || d.objoid::regclass::text || ' ' || d.objsubid || ' ' || quote_literal(d.description)
            from pg_description d join pg_class c on c.oid = d.objoid and d.classoid = 'pg_class'::regclass
            where c.relnamespace = 'public'::regnamespace
        ) s""";
    try (Connection c = DriverManager.getConnection(db.url(), TestDatabase.user(), TestDatabase.password());
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
