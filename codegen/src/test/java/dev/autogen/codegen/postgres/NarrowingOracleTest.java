package dev.autogen.codegen.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.diff.DiffOptions;
import dev.autogen.diff.Hazard;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.diff.SchemaDiff;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.Catalog;
import dev.autogen.model.Column;
import dev.autogen.model.PrimaryKey;
import dev.autogen.model.Schema;
import dev.autogen.model.SqlType;
import dev.autogen.model.Table;
import dev.autogen.model.postgres.PostgresDialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "No type narrowing is ever emitted without DATA_LOSS", with PostgreSQL as the oracle: for every
 * ordered pair of a broad set of column types, a table holding each type's extreme values is altered
 * with exactly the SQL autogen generates; when PostgreSQL rejects it, or a value no longer reads back
 * the same (cast back to the old type), the change must carry {@link Hazard#DATA_LOSS}.
 */
class NarrowingOracleTest {

  /** Each type with values at its edges, as SQL literals of that type. */
  private static final Map<String, List<String>> TYPES = new LinkedHashMap<>();

  static {
    TYPES.put("smallint", List.of("-32768", "32767", "0"));
    TYPES.put("integer", List.of("-2147483648", "2147483647"));
    TYPES.put("bigint", List.of("-9223372036854775808", "9223372036854775807"));
    TYPES.put("numeric(5,2)", List.of("-999.99", "999.99", "0.01"));
    TYPES.put("numeric(12,4)", List.of("-99999999.9999", "0.0001"));
    TYPES.put("numeric(12,2)", List.of("9999999999.99", "-0.01"));
    TYPES.put("numeric", List.of("123456789012345678901234567890.123456789"));
    TYPES.put("real", List.of("3.4e38", "1.5"));
    TYPES.put("double precision", List.of("1.7976931348623157e308", "0.1"));
    TYPES.put("varchar(5)", List.of("'abcde'", "''"));
    TYPES.put("varchar(20)", List.of("'abcdefghijklmnopqrst'"));
    TYPES.put("char(5)", List.of("'ab'", "'abcde'"));
    TYPES.put("text", List.of("repeat('x', 300)", "'tail space '"));
    TYPES.put("boolean", List.of("true", "false"));
    TYPES.put("date", List.of("'2024-02-29'", "'0001-01-01'"));
    TYPES.put("timestamp(0)", List.of("'2024-02-29 12:34:56'"));
    TYPES.put("timestamp(6)", List.of("'2024-02-29 12:34:56.123456'"));
    TYPES.put("timestamp(6) with time zone", List.of("'2024-02-29 12:34:56.123456+00'"));
    TYPES.put("time(6)", List.of("'23:59:59.999999'"));
    TYPES.put("interval", List.of("'1 year 2 mons 3 days 04:05:06.789'"));
    TYPES.put("uuid", List.of("'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'"));
    TYPES.put("jsonb", List.of("'{\"a\": [1, 2]}'"));
    TYPES.put("bytea", List.of("'\\xdeadbeef'"));
    TYPES.put("integer[]", List.of("'{1,2147483647}'"));
    TYPES.put("text[]", List.of("'{a,\"b c\"}'"));
  }

  private final PostgresRenderer renderer = new PostgresRenderer();

  @Test
  void everyLossyTypeChangeCarriesDataLoss() throws SQLException {
    List<String> missed = new ArrayList<>();
    int lossy = 0;
    try (TestDatabase db = TestDatabase.create("narrowing"); Connection c = db.connect()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("set time zone 'UTC'");
      }
      for (String from : TYPES.keySet()) {
        for (String to : TYPES.keySet()) {
          if (from.equals(to)) {
            continue;
          }
          MigrationPlan plan = plan(from, to);
          boolean flagged = plan.diagnostics().stream().anyMatch(d -> d.hazard() == Hazard.DATA_LOSS);
          if (losesData(c, from, to, plan)) {
            lossy++;
            if (!flagged) {
              missed.add(from + " -> " + to);
            }
          }
        }
      }
    }
    assertThat(lossy).as("pairs PostgreSQL showed lossy").isGreaterThan(100);
    assertThat(missed).as("lossy type changes without DATA_LOSS").isEmpty();
  }

  private MigrationPlan plan(String from, String to) {
    return new SchemaDiff(DiffOptions.of(PostgresDialect.INSTANCE)).diff(catalog(from), catalog(to));
  }

  private static Catalog catalog(String type) {
    Table t = new Table("t", List.of(new Column("id", SqlType.parse("integer"), false, null, null, null),
        new Column("c", SqlType.parse(type), true, null, null, null)),
        new PrimaryKey("t_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of(), null);
    return new Catalog(List.of(new Schema("public", List.of(t), List.of(), List.of())));
  }

  /** Runs the generated migration in a savepoint that is always rolled back. */
  private boolean losesData(Connection c, String from, String to, MigrationPlan plan) throws SQLException {
    Savepoint sp = c.setSavepoint();
    try (Statement s = c.createStatement()) {
      s.execute("create table t (id integer primary key, c " + from + ")");
      List<String> values = TYPES.get(from);
      for (int i = 0; i < values.size(); i++) {
        s.execute("insert into t values (" + i + ", " + values.get(i) + ")");
      }
      List<String> before = read(s, "c::text");
      for (dev.autogen.codegen.Statement statement : renderer.render(plan)) {
        for (String sql : statement.sql()) {
          s.execute(sql);
        }
      }
      return !before.equals(read(s, "(c::" + from + ")::text"));
    } catch (SQLException e) {
      return true;
    } finally {
      c.rollback(sp);
    }
  }

  private static List<String> read(Statement s, String expression) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("select " + expression + " from t order by id")) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }
}
