package dev.autogen.introspect.postgres;

import dev.autogen.model.QualifiedName;
import dev.autogen.model.View;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The views ({@code relkind = 'v'}) and materialized views ({@code 'm'}) of the chosen schemas, in
 * three queries over the catalog: each view from {@code pg_class} (PostgreSQL catalog "pg_class")
 * with its defining query as {@code pg_get_viewdef(oid)} prints it (the text {@code psql \d+} shows,
 * ending in {@code ;}), its comment ({@code obj_description}), {@code reloptions} and {@code
 * relispopulated}; the relations and columns it reads from {@code pg_depend} entries of its {@code
 * _RETURN} rule in {@code pg_rewrite} (PostgreSQL "pg_depend": a view's rule depends on each column
 * it uses, {@code refobjsubid} the column number, 0 for the relation as a whole); and the indexes of
 * materialized views ({@code pg_get_indexdef}, "System Information Functions").
 *
 * <p>{@code pg_get_viewdef} and {@code pg_get_indexdef} qualify a name with its schema only when the
 * schema is not on the {@code search_path}: the queries run with the search path emptied for the
 * session ({@code set_config}, which writes nothing) and restored after, so every relation in the
 * definitions is schema-qualified and the definitions can be run again from any search path.
 */
final class ViewQuery {

  private static final String SQL = """
      select n.nspname::text as schema_name, c.relname::text as view_name,
             c.relkind = 'm' as materialized, pg_get_viewdef(c.oid) as definition,
             obj_description(c.oid, 'pg_class') as comment, c.reloptions::text[] as options,
             c.relispopulated as populated
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('v', 'm') and n.nspname::text = any(?)""";

  private static final String DEPENDENCIES = """
      select distinct n.nspname::text as schema_name, c.relname::text as view_name,
             rn.nspname::text as relation_schema, r.relname::text as relation_name, a.attname::text as column_name
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_rewrite w on w.ev_class = c.oid
      join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = w.oid
        and d.refclassid = 'pg_class'::regclass and d.refobjid <> c.oid
      join pg_class r on r.oid = d.refobjid
      join pg_namespace rn on rn.oid = r.relnamespace
      left join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid and d.refobjsubid > 0
      where c.relkind in ('v', 'm') and n.nspname::text = any(?)
      order by 1, 2, 3, 4, 5""";

  private static final String INDEXES = """
      select n.nspname::text as schema_name, c.relname::text as view_name, pg_get_indexdef(i.indexrelid) as definition
      from pg_index i
      join pg_class c on c.oid = i.indrelid
      join pg_namespace n on n.oid = c.relnamespace
      join pg_class ic on ic.oid = i.indexrelid
      where c.relkind = 'm' and n.nspname::text = any(?)
      order by 1, 2, ic.relname""";

  /**
   * A view and where it lives.
   *
   * @param name its schema and name, exactly as stored
   * @param view the view
   */
  record Row(QualifiedName name, View view) {}

  private ViewQuery() {}

  /**
   * @param connection an open connection; its {@code search_path} is emptied while the queries run
   *     and then set back
   * @param schemas the schema names
   * @return the views and materialized views of those schemas, in no particular order
   * @throws SQLException when a query fails
   */
  static List<Row> load(Connection connection, List<String> schemas) throws SQLException {
    String searchPath = setting(connection, "select current_setting('search_path')");
    setting(connection, "select set_config('search_path', '', false)");
    try {
      Map<QualifiedName, List<View.Dependency>> dependencies = new HashMap<>();
      CatalogQuery.run(connection, DEPENDENCIES, schemas, row -> dependencies
          .computeIfAbsent(name(row), k -> new ArrayList<>())
          .add(new View.Dependency(new QualifiedName(row.getString("relation_schema"), row.getString("relation_name")),
              row.getString("column_name"))));
      Map<QualifiedName, List<String>> indexes = new HashMap<>();
      CatalogQuery.run(connection, INDEXES, schemas, row -> indexes
          .computeIfAbsent(name(row), k -> new ArrayList<>()).add(row.getString("definition")));
      return CatalogQuery.run(connection, SQL, schemas, row -> {
        QualifiedName name = name(row);
        return new Row(name, new View(name.name(), row.getBoolean("materialized"), row.getString("definition"),
            row.getString("comment"), CatalogQuery.textArray(row, "options"), indexes.getOrDefault(name, List.of()),
            row.getBoolean("populated"), dependencies.getOrDefault(name, List.of())));
      });
    } finally {
      try (PreparedStatement s = connection.prepareStatement("select set_config('search_path', ?, false)")) {
        s.setString(1, searchPath);
        s.executeQuery().close();
      }
    }
  }

  private static QualifiedName name(ResultSet row) throws SQLException {
    return new QualifiedName(row.getString("schema_name"), row.getString("view_name"));
  }

  private static String setting(Connection connection, String sql) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }
}
