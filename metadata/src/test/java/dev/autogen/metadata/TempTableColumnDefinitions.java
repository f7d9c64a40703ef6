package dev.autogen.metadata;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.ColumnDefinitionResolver;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.SchemaSourceException;
import dev.autogen.model.SchemaSourceException.Reason;
import dev.autogen.model.SqlType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A test-only {@link ColumnDefinitionResolver} that asks a real PostgreSQL: each definition becomes the
 * one column of a temporary table, read back from pg_catalog, in a transaction that is rolled back.
 */
final class TempTableColumnDefinitions implements ColumnDefinitionResolver {

  private static final String COLUMN = """
      select format_type(a.atttypid, a.atttypmod), a.attnotnull,
             case when a.attgenerated = '' then pg_get_expr(d.adbin, d.adrelid) end, a.attidentity,
             case when a.attgenerated = 's' then pg_get_expr(d.adbin, d.adrelid) end,
             case when a.attcollation <> t.typcollation then co.collname end
      from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
        join pg_type t on t.oid = a.atttypid left join pg_collation co on co.oid = a.attcollation
      where a.attrelid = 'autogen_definition'::regclass and a.attname = 'c'
      """;

  private final TestDatabase db;

  /** @param db where the definitions are tried; user types they name must exist there */
  TempTableColumnDefinitions(TestDatabase db) {
    this.db = db;
  }

  @Override
  public Map<String, ResolvedColumnDefinition> resolve(Collection<String> definitions) {
    Map<String, ResolvedColumnDefinition> resolved = new LinkedHashMap<>();
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      for (String definition : definitions) {
        resolved.put(definition, resolve(c, definition));
      }
    } catch (SQLException e) {
      throw new SchemaSourceException(Reason.UNREACHABLE, "cannot resolve column definitions: " + e.getMessage(), e);
    }
    return resolved;
  }

  private static ResolvedColumnDefinition resolve(Connection c, String definition) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("create temp table autogen_definition (c " + definition + ")");
      try (ResultSet rs = s.executeQuery(COLUMN)) {
        rs.next();
        String identity = rs.getString(4);
        return new ResolvedColumnDefinition(SqlType.parse(rs.getString(1)), rs.getBoolean(2),
            DefaultExpr.parse(rs.getString(3)),
            PgCatalogProbe.identity(identity),
            rs.getString(5), rs.getString(6));
      }
    } catch (SQLException e) {
      throw new SchemaSourceException(Reason.INPUT, "column definition \"" + definition + "\" is not valid: "
          + e.getMessage().replace('\n', ' '), e);
    } finally {
      c.rollback();
    }
  }
}
