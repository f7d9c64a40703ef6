package dev.autogen.codegen.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A textual picture of the user objects of a database, read with plain pg_catalog queries: tables,
 * columns (type, nullability, identity, default, comment), constraints, indexes, comments,
 * sequences not owned by identity columns, enum labels in order. Column order is not part of it.
 */
final class CatalogSnapshot {

  private static final String USER_SCHEMA = "n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'";

  private static final List<String> QUERIES = List.of(
      "select 'table ' || c.oid::regclass || ' comment=' || coalesce(obj_description(c.oid, 'pg_class'), '<none>')"
          + " from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind = 'r' and " + USER_SCHEMA,
      "select 'column ' || a.attrelid::regclass::text || '.' || quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)"
          + " || ' notnull=' || a.attnotnull || ' identity=' || a.attidentity::text"
          + " || ' default=' || coalesce(pg_get_expr(d.adbin, d.adrelid), '<none>')"
          + " || ' comment=' || coalesce(col_description(a.attrelid, a.attnum), '<none>')"
          + " from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace"
          + " left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum"
          + " where c.relkind = 'r' and a.attnum > 0 and not a.attisdropped and " + USER_SCHEMA,
      "select 'constraint ' || co.conrelid::regclass || ' ' || quote_ident(co.conname) || ' ' || pg_get_constraintdef(co.oid)"
          + " from pg_constraint co join pg_namespace n on n.oid = co.connamespace where co.conrelid <> 0 and " + USER_SCHEMA,
      "select 'index ' || pg_get_indexdef(i.indexrelid) from pg_index i join pg_class c on c.oid = i.indexrelid"
          + " join pg_namespace n on n.oid = c.relnamespace where " + USER_SCHEMA,
      "select 'sequence ' || s.seqrelid::regclass || ' start=' || s.seqstart || ' increment=' || s.seqincrement"
          + " from pg_sequence s where not exists (select 1 from pg_depend d where d.objid = s.seqrelid and d.deptype = 'i')",
      "select 'view ' || c.oid::regclass || ' ' || c.relkind::text || ' options=' || coalesce(c.reloptions::text, '')"
          + " || ' comment=' || coalesce(obj_description(c.oid, 'pg_class'), '<none>') || ' populated=' || c.relispopulated"
          + " || ' as ' || pg_get_viewdef(c.oid)"
          + " from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('v', 'm') and " + USER_SCHEMA,
      "select 'enum ' || t.oid::regtype || ' ' || string_agg(e.enumlabel, ',' order by e.enumsortorder)"
          + " from pg_type t join pg_enum e on e.enumtypid = t.oid group by t.oid");

  private CatalogSnapshot() {}

  /**
   * @param connection a connection to the database
   * @return one line per object, sorted
   */
  static List<String> take(Connection connection) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Statement s = connection.createStatement()) {
      for (String query : QUERIES) {
        try (ResultSet rs = s.executeQuery(query)) {
          ResultSetMetaData meta = rs.getMetaData();
          while (rs.next()) {
            lines.add(rs.getString(1) + (meta.getColumnCount() > 1 ? rs.getString(2) : ""));
          }
        }
      }
    }
    lines.sort(null);
    return lines;
  }
}
