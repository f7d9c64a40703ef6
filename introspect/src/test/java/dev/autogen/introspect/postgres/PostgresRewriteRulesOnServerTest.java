package dev.autogen.introspect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.Column;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.Identity;
import dev.autogen.model.SqlType;
import dev.autogen.model.TableRewrite;
import dev.autogen.model.postgres.PostgresDialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@link PostgresDialect} says rewrites a table, checked on the real server: a rewrite gives the
 * table a new file ({@code pg_relation_filenode}, PostgreSQL "9.27. System Administration Functions").
 */
class PostgresRewriteRulesOnServerTest {

  private static TestDatabase db;
  private static int serverVersion;
  private static int table;

  @BeforeAll
  static void create() throws SQLException {
    db = TestDatabase.create("rewrite");
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select current_setting('server_version_num')::int")) {
      rs.next();
      serverVersion = rs.getInt(1);
    }
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  /** Runs ALTER TABLE on a fresh one-row table and says whether the table got a new file. */
  private static boolean rewrites(String columnType, String alter, String timeZone) throws SQLException {
    String name = "t" + table++;
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("set timezone = '" + timeZone + "'");
      s.execute("create table " + name + " (c " + columnType + ")");
      s.execute("insert into " + name + " values (null)");
      long before = filenode(s, name);
      s.execute("alter table " + name + " " + alter);
      return filenode(s, name) != before;
    }
  }

  private static long filenode(Statement s, String table) throws SQLException {
    try (ResultSet rs = s.executeQuery("select pg_relation_filenode('" + table + "')")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void typeChange(String from, String to) throws SQLException {
    TableRewrite verdict = PostgresDialect.INSTANCE.typeChangeRewrite(SqlType.parse(from), SqlType.parse(to), serverVersion);
    boolean inUtc = rewrites(from, "alter column c type " + to, "UTC");
    boolean elsewhere = rewrites(from, "alter column c type " + to, "Europe/Paris");
    switch (verdict.kind()) {
      case NONE -> assertThat(inUtc || elsewhere).as("%s -> %s rewrites", from, to).isFalse();
      case CERTAIN -> assertThat(inUtc && elsewhere).as("%s -> %s rewrites", from, to).isTrue();
      case POSSIBLE -> assertThat(!inUtc && elsewhere).as("%s -> %s rewrites only outside UTC", from, to).isTrue();
    }
  }

  /** A column of a domain over {@code base} changed to {@code to}: the dialect's verdict against the server's. */
  private static void domainTypeChange(String base, String to) throws SQLException {
    String domain = "d" + table;
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("create domain " + domain + " as " + base + " check (value is not null or value is null)");
    }
    TableRewrite verdict = PostgresDialect.INSTANCE.typeChangeRewrite(
        SqlType.ofDomain(domain, SqlType.parse(base)), SqlType.parse(to), serverVersion);
    assertThat(rewrites(domain, "alter column c type " + to, "UTC")).as("%s over %s -> %s rewrites", domain, base, to)
        .isEqualTo(verdict.mayRewrite());
  }

  private static void addColumn(Column column, String definition) throws SQLException {
    TableRewrite verdict = PostgresDialect.INSTANCE.addColumnRewrite(column, serverVersion);
    assertThat(verdict.kind()).as(definition).isNotEqualTo(TableRewrite.Kind.POSSIBLE);
    assertThat(rewrites("integer", "add column added " + definition, "UTC")).as(definition)
        .isEqualTo(verdict.mayRewrite());
  }

  @Test
  void typeChangesRewriteAsTheDialectSays() throws SQLException {
    typeChange("varchar(10)", "varchar(20)");
    typeChange("varchar(10)", "text");
    typeChange("varchar(10)", "varchar");
    typeChange("varchar(20)", "varchar(10)");
    typeChange("numeric(10,2)", "numeric(12,2)");
    typeChange("numeric(10,2)", "numeric");
    typeChange("numeric(10,2)", "numeric(12,4)");
    typeChange("integer", "bigint");
    typeChange("timestamp", "timestamp with time zone");
    typeChange("timestamp with time zone", "timestamp");
    typeChange("timestamp(3)", "timestamp(6)");
  }

  @Test
  void domainColumnTypeChangesRewriteAsTheDialectSays() throws SQLException {
    domainTypeChange("varchar(200)", "varchar(300)");
    domainTypeChange("varchar(200)", "text");
    domainTypeChange("varchar(200)", "varchar");
    domainTypeChange("integer", "integer");
    domainTypeChange("integer", "bigint");
    domainTypeChange("numeric(10,2)", "numeric(12,2)");
  }

  @Test
  void addedColumnsRewriteAsTheDialectSays() throws SQLException {
    addColumn(column("integer", "0", null), "integer default 0 not null");
    addColumn(column("timestamp with time zone", "now()", null), "timestamptz default now()");
    addColumn(column("double precision", "random()", null), "double precision default random()");
    addColumn(column("timestamp with time zone", "clock_timestamp()", null), "timestamptz default clock_timestamp()");
    addColumn(column("uuid", "gen_random_uuid()", null), "uuid default gen_random_uuid()");
    addColumn(column("bigint", null, Identity.BY_DEFAULT), "bigint generated by default as identity");
    addColumn(column("text", null, null), "text");
  }

  private static Column column(String type, String defaultValue, Identity identity) {
    return new Column("added", SqlType.parse(type), true, DefaultExpr.parse(defaultValue), identity, null);
  }
}
