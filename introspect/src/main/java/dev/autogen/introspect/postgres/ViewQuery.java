package dev.autogen.introspect.postgres;

import dev.autogen.model.QualifiedName;
import dev.autogen.model.View;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The views ({@code relkind = 'v'}) and materialized views ({@code 'm'}) of the chosen schemas, in
 * one query over {@code pg_class} (PostgreSQL catalog "pg_class"), each with its defining query as
 * {@code pg_get_viewdef(oid)} prints it (the text {@code psql \d+} shows, ending in {@code ;}).
 */
final class ViewQuery {

  private static final String SQL = """
      select n.nspname::text as schema_name, c.relname::text as view_name,
             c.relkind = 'm' as materialized, pg_get_viewdef(c.oid) as definition
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('v', 'm') and n.nspname::text = any(?)""";

  /**
   * A view and where it lives.
   *
   * @param name its schema and name, exactly as stored
   * @param view the view
   */
  record Row(QualifiedName name, View view) {}

  private ViewQuery() {}

  /**
   * @param connection an open connection
   * @param schemas the schema names
   * @return the views and materialized views of those schemas, in no particular order
   * @throws SQLException when the query fails
   */
  static List<Row> load(Connection connection, List<String> schemas) throws SQLException {
    return CatalogQuery.run(connection, SQL, schemas, row -> new Row(
        new QualifiedName(row.getString("schema_name"), row.getString("view_name")),
        new View(row.getString("view_name"), row.getBoolean("materialized"), row.getString("definition"))));
  }
}
