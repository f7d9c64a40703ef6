package dev.autogen.introspect.postgres;

import dev.autogen.model.QualifiedName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One ordinary or partitioned table of the chosen schemas as {@code pg_class} records it: the list of
 * tables a catalog read covers. Tables of the system schemas ({@code pg_catalog}, {@code
 * information_schema}, {@code pg_toast}, other sessions' {@code pg_temp_*}: every name matching {@code
 * ^pg_}, and {@code information_schema}) are never listed, even when chosen: the JDBC driver calls
 * them system or temporary tables, not {@code TABLE} or {@code PARTITIONED TABLE} (pgjdbc {@code
 * getTables}), and SchemaCrawler, which listed the tables through it, left them out. Listing them here
 * rather than through SchemaCrawler saves 0.5 s to 1.0 s at 10,000 tables, where SchemaCrawler's own
 * work (quoting every name, sorting its table list again and again, a table graph) took more CPU than
 * all other queries of a read together.
 *
 * @param oid the table's {@code pg_class.oid}, the key of every other per-table query
 * @param name the table's schema and name, exactly as stored
 * @param comment the table comment (its {@code pg_description} row, what {@code obj_description(oid,
 *     'pg_class')} reads, joined once rather than looked up per table), or null
 */
record TableRow(long oid, QualifiedName name, String comment) {

  private static final String SQL = """
      select c.oid, n.nspname::text as schema_name, c.relname::text as table_name,
             ds.description as comment
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_description ds on ds.objoid = c.oid and ds.classoid = 'pg_class'::regclass and ds.objsubid = 0
      where %s and n.nspname !~ '^pg_' and n.nspname <> 'information_schema'""".formatted(CatalogQuery.TABLES_OF_SCHEMAS);

  /**
   * @param connection an open connection
   * @param schemas the schema names
   * @return every table of those schemas, partitions and system schemas excluded, in no particular order
   * @throws SQLException when the query fails
   */
  static List<TableRow> load(Connection connection, List<String> schemas) throws SQLException {
    return CatalogQuery.run(connection, SQL, schemas, row -> new TableRow(
        row.getLong("oid"),
        new QualifiedName(row.getString("schema_name"), row.getString("table_name")),
        row.getString("comment")));
  }
}
