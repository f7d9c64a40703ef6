package dev.autogen.metadata;

import static java.util.stream.Collectors.toMap;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.Catalog;
import dev.autogen.model.CheckConstraint;
import dev.autogen.model.Column;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.Index;
import dev.autogen.model.Schema;
import dev.autogen.model.Table;
import dev.autogen.model.UniqueConstraint;
import dev.autogen.model.postgres.PostgresDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;

/**
 * Asserts that a catalog read from entities means the same as what a real database holds after
 * Hibernate's own DDL ran in it, object by object and in both directions (equal counts). Names are
 * compared wherever the catalog has one (the database names what Hibernate leaves unnamed). Check
 * expressions are compared by meaning: each expected expression is added to its table as a probe
 * constraint and PostgreSQL's deparsed text of it must equal the deparsed text of a real check.
 */
final class CatalogCrossCheck {

  private static final String PROBE = "autogen_probe_check";

  private final TestDatabase db;
  private final SoftAssertions softly = new SoftAssertions();

  private CatalogCrossCheck(TestDatabase db) {
    this.db = db;
  }

  /**
   * @param expected the catalog the reader produced
   * @param db the database Hibernate's script was executed in
   */
  static void assertSameMeaning(Catalog expected, TestDatabase db) throws SQLException {
    CatalogCrossCheck check = new CatalogCrossCheck(db);
    check.compare(expected, PgCatalogProbe.read(db));
    check.softly.assertAll();
  }

  private void compare(Catalog expected, Catalog actual) throws SQLException {
    softly.assertThat(names(actual.schemas(), Schema::name)).as("schemas")
        .containsExactlyElementsOf(names(expected.schemas(), Schema::name));
    for (Schema schema : expected.schemas()) {
      Schema real = actual.schema(schema.name()).orElse(null);
      if (real == null) {
        continue;
      }
      softly.assertThat(real.sequences()).as("sequences of %s", schema.name())
          .containsExactlyInAnyOrderElementsOf(schema.sequences());
      softly.assertThat(real.enums()).as("enum types of %s", schema.name())
          .containsExactlyInAnyOrderElementsOf(schema.enums());
      softly.assertThat(names(real.tables(), Table::name)).as("tables of %s", schema.name())
          .containsExactlyInAnyOrderElementsOf(names(schema.tables(), Table::name));
      for (Table table : schema.tables()) {
        Table realTable = real.table(table.name()).orElse(null);
        if (realTable != null) {
          compare(schema.name(), table, realTable);
        }
      }
    }
  }

  private void compare(String schema, Table table, Table real) throws SQLException {
    String where = schema + "." + table.name();
    softly.assertThat(real.comment()).as("comment of %s", where).isEqualTo(table.comment());
    compareColumns(where, table, real);
    softly.assertThat(real.primaryKey() == null).as("%s has a primary key", where).isEqualTo(table.primaryKey() == null);
    if (table.primaryKey() != null && real.primaryKey() != null) {
      softly.assertThat(real.primaryKey().columns()).as("primary key of %s", where)
          .containsExactlyElementsOf(table.primaryKey().columns());
      if (table.primaryKey().name() != null) {
        softly.assertThat(real.primaryKey().name()).as("primary key name of %s", where).isEqualTo(table.primaryKey().name());
      }
    }
    softly.assertThat(real.foreignKeys()).as("foreign keys of %s", where)
        .containsExactlyInAnyOrderElementsOf(table.foreignKeys());
    compareUniques(where, table, real);
    compareChecks(schema, table, real);
    softly.assertThat(real.indexes()).as("indexes of %s", where).containsExactlyInAnyOrderElementsOf(table.indexes());
  }

  private void compareColumns(String where, Table table, Table real) {
    softly.assertThat(names(real.columns(), Column::name)).as("columns of %s", where)
        .containsExactlyInAnyOrderElementsOf(names(table.columns(), Column::name));
    Map<String, Column> realColumns = real.columns().stream().collect(toMap(Column::name, Function.identity()));
    for (Column column : table.columns()) {
      Column realColumn = realColumns.get(column.name());
      if (realColumn == null) {
        continue;
      }
      String at = where + "." + column.name();
      softly.assertThat(realColumn.type()).as("type of %s (Hibernate wrote %s, database says %s)", at,
          column.type().raw(), realColumn.type().raw()).isEqualTo(column.type());
      softly.assertThat(realColumn.nullable()).as("nullability of %s", at).isEqualTo(column.nullable());
      softly.assertThat(realColumn.identity()).as("identity of %s", at).isEqualTo(column.identity());
      softly.assertThat(normalized(realColumn.defaultValue())).as("default of %s", at)
          .isEqualTo(normalized(column.defaultValue()));
      softly.assertThat(realColumn.comment()).as("comment of %s", at).isEqualTo(column.comment());
      softly.assertThat(normalized(realColumn.generated())).as("generation expression of %s", at)
          .isEqualTo(normalized(column.generated()));
      softly.assertThat(realColumn.collation()).as("collation of %s", at).isEqualTo(column.collation());
    }
  }

  /** Expression defaults compare by the dialect's canonical text, as the diff compares them. */
  private static Object normalized(DefaultExpr value) {
    return value instanceof DefaultExpr.Expression e ? normalized(e.sql()) : value;
  }

  private static String normalized(String expression) {
    return expression == null ? null : PostgresDialect.INSTANCE.normalizeExpression(expression);
  }

  private void compareUniques(String where, Table table, Table real) {
    softly.assertThat(names(real.uniques(), UniqueConstraint::columns)).as("unique constraints of %s", where)
        .containsExactlyInAnyOrderElementsOf(names(table.uniques(), UniqueConstraint::columns));
    for (UniqueConstraint unique : table.uniques()) {
      if (unique.name() != null) {
        softly.assertThat(real.uniques()).as("named unique constraint of %s", where).contains(unique);
      }
    }
  }

  private void compareChecks(String schema, Table table, Table real) throws SQLException {
    String where = schema + "." + table.name();
    List<CheckConstraint> deparsed = new ArrayList<>();
    for (CheckConstraint check : table.checks()) {
      deparsed.add(new CheckConstraint(check.name(), deparse(schema, table.name(), check.expression())));
    }
    softly.assertThat(names(real.checks(), CheckConstraint::expression)).as("check constraints of %s", where)
        .containsExactlyInAnyOrderElementsOf(names(deparsed, CheckConstraint::expression));
    for (CheckConstraint check : deparsed) {
      if (check.name() != null) {
        softly.assertThat(real.checks()).as("named check constraint of %s", where).contains(check);
      }
    }
  }

  /** PostgreSQL's own text for an expression, got by adding it to the table as a probe constraint. */
  private String deparse(String schema, String table, String expression) throws SQLException {
    String qualified = quote(schema) + "." + quote(table);
    db.execute("alter table " + qualified + " add constraint " + PROBE + " check (" + expression + ")");
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement(
            "select pg_get_constraintdef(oid) from pg_constraint where conname = ? and conrelid = ?::regclass")) {
      ps.setString(1, PROBE);
      ps.setString(2, qualified);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        String definition = rs.getString(1);
        return definition.substring("CHECK (".length(), definition.length() - 1);
      }
    } finally {
      db.execute("alter table " + qualified + " drop constraint " + PROBE);
    }
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static <T, K> List<K> names(List<T> items, Function<T, K> key) {
    return items.stream().map(key).filter(Objects::nonNull).toList();
  }
}
