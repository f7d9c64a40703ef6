package dev.autogen.codegen.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.codegen.EveryChangeScenario;
import dev.autogen.codegen.Statement;
import dev.autogen.diff.Change;
import dev.autogen.diff.Change.AlterColumn;
import dev.autogen.diff.Change.Aspect;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.Column;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.Dialect;
import dev.autogen.model.Identity;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.SqlType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every {@link Change} kind and every {@link Aspect} of an {@link AlterColumn} renders at least one
 * statement, and what it renders applies on the real PostgreSQL of the tests (15), as does its
 * reverse. The lists of kinds and aspects come from the code ({@link Class#getPermittedSubclasses()},
 * {@link Aspect#values()}), so a new kind or aspect without a case here, or one that renders nothing,
 * fails. A change of a generated column's expression once rendered no statement at all ({@code -- (nothing
 * to run)}, issue 9 #8).
 */
class EveryKindAndAspectAppliesTest {

  /** PostgreSQL 15.0 as {@code server_version_num}: the version the tests' server runs. */
  private static final int PG15 = 150000;

  private final PostgresRenderer renderer = new PostgresRenderer();

  @Test
  void everyChangeKindRendersStatementsThatApplyBothWays() throws SQLException {
    List<Change> changes = EveryChangeScenario.changes();
    assertThat(changes.stream().<Class<?>>map(Change::getClass).collect(Collectors.toSet()))
        .as("the scenario has a change of every kind").containsExactlyInAnyOrder(Change.class.getPermittedSubclasses());
    List<Statement> statements = renderer.render(new MigrationPlan(changes, List.of()).withServerVersion(PG15));
    try (TestDatabase db = TestDatabase.create("everykind"); Connection c = db.connect()) {
      db.execute(EveryChangeScenario.START);
      for (Statement s : statements) {
        assertThat(s.sql()).as("statements of %s", s.change()).isNotEmpty();
        assertThat(s.reverseSql()).as("reverse statements of %s", s.change()).isNotEmpty();
        // forward, back, and forward again: the next change starts from this one applied
        apply(c, s.sql(), s.transactional(), s.change());
        apply(c, s.reverseSql(), s.transactional(), s.change().reverse());
        apply(c, s.sql(), s.transactional(), s.change());
      }
    }
  }

  @Test
  void everyAlterColumnAspectRendersStatementsThatApplyAndRestore() throws SQLException {
    List<AspectCase> cases = aspectCases();
    assertThat(cases.stream().map(AspectCase::aspect).collect(Collectors.toSet()))
        .as("a case for every aspect").containsExactlyInAnyOrder(Aspect.values());
    try (TestDatabase db = TestDatabase.create("everyaspect"); Connection c = db.connect()) {
      for (AspectCase k : cases) {
        db.execute(k.setup());
        AlterColumn change = k.change();
        MigrationPlan plan = new MigrationPlan(List.of(change), List.of()).withServerVersion(PG15);
        Statement s = renderer.render(plan).get(0);
        assertThat(s.sql()).as("statements of %s", k.label()).isNotEmpty();
        assertThat(s.reverseSql()).as("reverse statements of %s", k.label()).isNotEmpty();
        List<String> start = snapshot(c);
        apply(c, s.sql(), s.transactional(), change);
        List<String> changed = snapshot(c);
        assertThat(changed).as("%s changes the catalog", k.label()).isNotEqualTo(start);
        assertThat(changed).as("%s ends as its target", k.label()).contains(describe(change.table(), change.to()));
        apply(c, s.reverseSql(), s.transactional(), change.reverse());
        assertThat(snapshot(c)).as("%s reversed", k.label()).containsExactlyElementsOf(start);
      }
    }
  }

  @Test
  void aGeneratedExpressionIsSetInPlaceFromPostgres17AndElseTheColumnIsAddedAgain() {
    AlterColumn change = generated("g", "(a + 1)", "(a + 2)");
    assertThat(renderer.sql(change, 170000))
        .containsExactly("alter table t_gen_expr alter column g set expression as ((a + 2))");
    String recreate = "alter table t_gen_expr drop column g, add column g integer generated always as ((a + 2))"
        + " stored";
    assertThat(renderer.sql(change, 160004)).containsExactly(recreate);
    assertThat(renderer.sql(change, Dialect.LATEST_SERVER_VERSION))
        .as("an unknown version gets what every supported version runs").containsExactly(recreate);
    assertThat(renderer.sql(generated("g", "(a + 1)", null), 130000))
        .containsExactly("alter table t_gen_expr alter column g drop expression");
  }

  /** One single-aspect column change on a table of its own. */
  private record AspectCase(Aspect aspect, String label, String setup, AlterColumn change) {}

  private static List<AspectCase> aspectCases() {
    List<AspectCase> cases = new ArrayList<>();
    cases.add(plainCase(Aspect.TYPE, "type", "integer", col("c", "integer"), col("c", "bigint")));
    cases.add(plainCase(Aspect.NULLABILITY, "nullability", "integer", col("c", "integer"),
        new Column("c", SqlType.parse("integer"), false, null, null, null)));
    cases.add(plainCase(Aspect.DEFAULT, "default", "integer default 1",
        new Column("c", SqlType.parse("integer"), true, DefaultExpr.parse("1"), null, null),
        new Column("c", SqlType.parse("integer"), true, DefaultExpr.parse("2"), null, null)));
    cases.add(plainCase(Aspect.IDENTITY, "identity", "integer not null",
        new Column("c", SqlType.parse("integer"), false, null, null, null),
        new Column("c", SqlType.parse("integer"), false, null, Identity.BY_DEFAULT, null)));
    cases.add(plainCase(Aspect.COMMENT, "comment", "integer", col("c", "integer"),
        new Column("c", SqlType.parse("integer"), true, null, null, "the c")));
    cases.add(plainCase(Aspect.COLLATION, "collation", "text", col("c", "text"),
        new Column("c", SqlType.parse("text"), true, null, null, null, null, "C")));
    cases.add(new AspectCase(Aspect.GENERATED, "generated expression changed",
        generatedTable("t_gen_expr", "integer generated always as (a + 1) stored"), generated("g", "(a + 1)", "(a + 2)")));
    cases.add(new AspectCase(Aspect.GENERATED, "generated column made plain",
        generatedTable("t_gen_plain", "integer generated always as (a + 1) stored"), generated("t_gen_plain", "g", "(a + 1)", null)));
    cases.add(new AspectCase(Aspect.GENERATED, "plain column made generated",
        generatedTable("t_plain_gen", "integer"), generated("t_plain_gen", "g", null, "(a + 1)")));
    return cases;
  }

  private static AspectCase plainCase(Aspect aspect, String label, String definition, Column from, Column to) {
    String name = "t_" + label;
    return new AspectCase(aspect, label, table(name, definition),
        new AlterColumn(new QualifiedName("public", name), from, to, Set.of(aspect)));
  }

  /** A table {@code (id, a, c)} with a row where {@code c} is 7, {@code c} last. */
  private static String table(String name, String definition) {
    return "create table public." + name + " (id integer primary key, a integer, c " + definition + ");"
        + " insert into public." + name + " (id, a, c) values (1, 41, '7')";
  }

  /**
   * A table {@code (id, a, g)} with a row, the column {@code g} last: dropped and added again, it stays
   * last.
   */
  private static String generatedTable(String name, String definition) {
    return "create table public." + name + " (id integer primary key, a integer, g " + definition + ");"
        + " insert into public." + name + " (id, a) values (1, 41)";
  }

  private static Column col(String name, String type) {
    return new Column(name, SqlType.parse(type), true, null, null, null);
  }

  private static AlterColumn generated(String column, String from, String to) {
    return generated("t_gen_expr", column, from, to);
  }

  private static AlterColumn generated(String table, String column, String from, String to) {
    return new AlterColumn(new QualifiedName("public", table),
        new Column(column, SqlType.parse("integer"), true, null, null, null, from, null),
        new Column(column, SqlType.parse("integer"), true, null, null, null, to, null), EnumSet.of(Aspect.GENERATED));
  }

  /** @return the snapshot line of a column as {@link #snapshot} writes it */
  private static String describe(QualifiedName table, Column column) {
    return "column " + table.name() + "." + column.name() + " generated=" + (column.generated() == null ? "" : "s")
        + " collation=" + (column.collation() == null ? "default" : column.collation());
  }

  /** {@link CatalogSnapshot} and each column's generation kind and collation, which it leaves out. */
  private static List<String> snapshot(Connection c) throws SQLException {
    List<String> lines = new ArrayList<>(CatalogSnapshot.take(c));
    try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "select 'column ' || a.attrelid::regclass::text || '.' || quote_ident(a.attname) || ' generated='"
            + " || a.attgenerated::text || ' collation=' || coalesce(co.collname, 'default')"
            + " from pg_attribute a join pg_class t on t.oid = a.attrelid"
            + " left join pg_collation co on co.oid = a.attcollation and a.attcollation <> 100"
            + " where t.relnamespace = 'public'::regnamespace and t.relkind = 'r' and a.attnum > 0"
            + " and not a.attisdropped order by 1")) {
      while (rs.next()) {
        lines.add(rs.getString(1));
      }
    }
    lines.sort(null);
    return lines;
  }

  /**
   * Runs statements as a migration would: together in one transaction, or each on its own when they
   * may not run in one ({@link Statement#transactional()}).
   */
  private static void apply(Connection c, List<String> sql, boolean transactional, Change change) throws SQLException {
    c.setAutoCommit(!transactional);
    try (java.sql.Statement s = c.createStatement()) {
      for (String statement : sql) {
        try {
          s.execute(statement);
        } catch (SQLException e) {
          if (transactional) {
            c.rollback();
          }
          throw new SQLException(change.kind() + " " + change.subject() + " does not apply: " + e.getMessage()
              + "\nin: " + statement, e);
        }
      }
      if (transactional) {
        c.commit();
      }
    } finally {
      c.setAutoCommit(true);
    }
  }
}
