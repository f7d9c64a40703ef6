package dev.autogen.introspect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.DataProbe;
import dev.autogen.model.DataProbe.Count;
import dev.autogen.model.QualifiedName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * {@link DataProbe.Unconvertible} on a real server (issue 9, #17): the values a {@code USING} cast
 * rejects are counted read-only, each checked against the value PostgreSQL itself accepts; a type
 * without a read-only check on this server is unknown.
 */
class UnconvertibleValuesProbeTest {

  private static final QualifiedName T = new QualifiedName("public", "t");

  @Test
  void countsTheValuesTheCastRejectsAsPostgresDoes() throws Exception {
    try (TestDatabase db = TestDatabase.create("unconvertible")) {
      db.execute("""
          create table t (v text);
          insert into t values ('12'), (' -7 '), ('+3'), ('x1'), ('1.5'), (''), ('99999999999'), ('4294967295'),
            ('-2147483648'), ('true'), ('Yes'), ('of'), ('o'), ('1e3'), ('.5'), ('NaN'), ('-Infinity'), (null);""");
      int version;
      try (Connection c = db.connect(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("show server_version_num")) {
        rs.next();
        version = rs.getInt(1);
      }
      try (PostgresDataProbe probe = PostgresDataProbe.open(db.url(), TestDatabase.user(), TestDatabase.password())) {
        for (String type : new String[] {"smallint", "integer", "bigint", "oid", "numeric", "boolean"}) {
          assertThat(probe.count(new DataProbe.Unconvertible(T, "v", type))).as(type)
              .contains(new Count(rejected(db, type), false));
        }
        if (version < 160000) {
          assertThat(probe.count(new DataProbe.Unconvertible(T, "v", "date"))).as("no read-only check").isEmpty();
        } else {
          assertThat(probe.count(new DataProbe.Unconvertible(T, "v", "date"))).isPresent();
        }
      }
    }
  }

  /** How many values PostgreSQL's own cast rejects, one value per statement (written to no table). */
  private static long rejected(TestDatabase db, String type) throws Exception {
    long rejected = 0;
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      java.util.List<String> values = new java.util.ArrayList<>();
      try (ResultSet rs = s.executeQuery("select v from t where v is not null")) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
      for (String value : values) {
        try (ResultSet rs = s.executeQuery("select cast('" + value.replace("'", "''") + "'::text as " + type + ")")) {
          rs.next();
        } catch (java.sql.SQLException e) {
          rejected++;
        }
      }
    }
    return rejected;
  }
}
