package dev.autogen.codegen.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.codegen.EveryChangeScenario;
import dev.autogen.codegen.Statement;
import dev.autogen.diff.Change;
import dev.autogen.diff.Change.Aspect;
import dev.autogen.model.Column;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.Identity;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.SqlType;
import dev.autogen.fixtures.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Executes the rendering of every change kind on a real PostgreSQL, then the reverse statements, and
 * checks through pg_catalog that the database is back where it started.
 */
class PostgresRoundTripTest {

  private final PostgresRenderer renderer = new PostgresRenderer();

  @Test
  void everyChangeAppliesAndItsReverseRestoresTheCatalog() throws SQLException {
    List<Statement> statements = renderer.render(EveryChangeScenario.plan());
    Set<Class<?>> kinds = new HashSet<>();
    statements.forEach(s -> kinds.add(s.change().getClass()));
    assertThat(kinds).as("every kind of change").containsExactlyInAnyOrder(Change.class.getPermittedSubclasses());

    try (TestDatabase db = TestDatabase.create("roundtrip")) {
      db.execute(EveryChangeScenario.START);
      try (Connection c = db.connect()) {
        List<String> start = CatalogSnapshot.take(c);

        run(c, upgrade(statements));
        List<String> upgraded = CatalogSnapshot.take(c);
        assertThat(upgraded).isNotEqualTo(start).contains(
            "constraint \"Mixed\".\"Order\" \"Order_pkey\" PRIMARY KEY (id)",
            "constraint \"Mixed\".\"Order\" \"Order_user_key\" UNIQUE (\"user\")",
            "constraint \"Mixed\".\"Order\" \"Order_select_check\" CHECK ((\"select\" >= 0))",
            "constraint \"Mixed\".\"Order\" \"Order_customer_id_fkey\" FOREIGN KEY (customer_id)"
                + " REFERENCES app.customer(id) ON UPDATE SET NULL ON DELETE CASCADE",
            "index CREATE UNIQUE INDEX \"Order_lower_idx\" ON \"Mixed\".\"Order\" USING btree (lower((\"user\")::text))",
            "index CREATE INDEX \"Order_created_id_idx\" ON \"Mixed\".\"Order\" USING btree (created DESC, id)"
                + " WHERE (status IS NOT NULL)",
            "index CREATE INDEX customer_lower_age_idx ON app.customer USING btree (lower((full_name)::text), age DESC)",
            "column \"Mixed\".\"Order\".\"we\"\"ird\" text notnull=false identity= default=<none> comment=it's \"weird\"",
            "column app.customer.num integer notnull=true identity=a default=<none> comment=<none>",
            "column app.customer.code integer notnull=false identity= default=7 comment=<none>",
            "enum app.mood ecstatic,happy,neutral,sad",
            "enum app.level low,high",
            "sequence app.old_seq start=5 increment=10",
            "table \"Mixed\".\"Order\" comment=the 'order' table",
            "table app.customer comment=it's new");

        run(c, downgrade(statements));
        assertThat(CatalogSnapshot.take(c)).containsExactlyElementsOf(start);

        run(c, upgrade(statements));
        assertThat(CatalogSnapshot.take(c)).as("the upgrade applies again after the downgrade")
            .containsExactlyElementsOf(upgraded);
      }
    }
  }

  @Test
  void alterColumnWithEveryAspectExecutesBothWays() throws SQLException {
    QualifiedName table = new QualifiedName("public", "account");
    Column from = new Column("total", SqlType.parse("varchar(12)"), true, DefaultExpr.parse("'0'"), null, "old");
    Column to = new Column("total", SqlType.parse("bigint"), false, null, Identity.ALWAYS, "new");
    Change change = new Change.AlterColumn(table, from, to, EnumSet.allOf(Aspect.class));
    try (TestDatabase db = TestDatabase.create("alter")) {
      db.execute("create table account (id integer, total varchar(12) default '0');"
          + " comment on column account.total is 'old'; insert into account values (1, '42')");
      try (Connection c = db.connect()) {
        List<String> start = CatalogSnapshot.take(c);
        run(c, renderer.sql(change));
        assertThat(CatalogSnapshot.take(c))
            .contains("column account.total bigint notnull=true identity=a default=<none> comment=new");
        run(c, renderer.sql(change.reverse()));
        assertThat(CatalogSnapshot.take(c)).containsExactlyElementsOf(start);
      }
    }
  }

  @Test
  void reverseSqlIsTheSqlOfTheReverseChange() {
    for (Statement s : renderer.render(EveryChangeScenario.plan())) {
      Change reverse = s.change().reverse();
      assertThat(s.reverseSql()).isEqualTo(renderer.sql(reverse));
      // the scenario's enum alterations add labels one way or the other: ALTER TYPE ... ADD VALUE
      assertThat(s.transactional()).as(s.change().toString()).isEqualTo(!(s.change() instanceof Change.AlterEnum));
    }
  }

  static List<String> upgrade(List<Statement> statements) {
    return statements.stream().flatMap(s -> s.sql().stream()).toList();
  }

  static List<String> downgrade(List<Statement> statements) {
    List<String> sql = new ArrayList<>();
    for (int i = statements.size() - 1; i >= 0; i--) {
      sql.addAll(statements.get(i).reverseSql());
    }
    return sql;
  }

  /** Runs statements in one transaction, as a transactional Flyway migration does. */
  static void run(Connection c, List<String> sql) throws SQLException {
    c.setAutoCommit(false);
    try (java.sql.Statement s = c.createStatement()) {
      for (String statement : sql) {
        try {
          s.execute(statement);
        } catch (SQLException e) {
          c.rollback();
          throw new SQLException(e.getMessage() + "\nin: " + statement, e);
        }
      }
      c.commit();
    } finally {
      c.setAutoCommit(true);
    }
  }
}
