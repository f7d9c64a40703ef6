package dev.autogen.introspect.postgres;

import dev.autogen.model.Index;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The indexes of all tables of the chosen schemas that do not back a constraint, in one query over
 * {@code pg_index} (PostgreSQL catalog "pg_index").
 *
 * <ul>
 *   <li>Skipped: the primary key's index ({@code indisprimary}) and every index a primary key, unique
 *       or exclusion constraint of the same table owns ({@code pg_constraint.conindid}); those are
 *       modelled as the constraints themselves. (A foreign key's {@code conindid} names the
 *       <em>referenced</em> table's index, which is why only {@code p}, {@code u} and {@code x} count.)
 *   <li>Keys, in index order, only key columns ({@code indnkeyatts}, not INCLUDE columns): a column
 *       key is the column name as stored; an expression key ({@code indkey} entry 0) is {@code
 *       (expression)} with the expression from {@code pg_get_indexdef(indexrelid, k, true)}; a key
 *       with the DESC bit of {@code indoption} set ends in {@code " desc"}.
 *   <li>Predicate: {@code pg_get_expr(indpred, indrelid)}, or null. Method: {@code pg_am.amname}.
 * </ul>
 */
final class IndexQuery {

  private static final String SQL = """
      select i.indrelid, ic.relname::text as index_name, i.indisunique, am.amname::text as method,
             pg_get_expr(i.indpred, i.indrelid) as predicate,
             array(select case when k.attnum = 0
                               then '(' || pg_get_indexdef(i.indexrelid, k.ord::int, true) || ')'
                               else a.attname::text end
                          || case when i.indoption[k.ord::int - 1] & 1 = 1 then ' desc' else '' end
                   from unnest(i.indkey) with ordinality k(attnum, ord)
                   left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                   where k.ord <= i.indnkeyatts
                   order by k.ord) as keys
      from pg_index i
      join pg_class ic on ic.oid = i.indexrelid
      join pg_am am on am.oid = ic.relam
      join pg_class c on c.oid = i.indrelid
      join pg_namespace n on n.oid = c.relnamespace
      where not i.indisprimary
        and not exists (select 1 from pg_constraint con
                        where con.conindid = i.indexrelid and con.conrelid = i.indrelid
                          and con.contype in ('p', 'u', 'x'))
        and %s""".formatted(CatalogQuery.TABLES_OF_SCHEMAS);

  private IndexQuery() {}

  /**
   * @param connection an open connection
   * @param schemas the schema names
   * @return the indexes of each table that has any, by table oid, sorted by index name
   * @throws SQLException when the query fails
   */
  static Map<Long, List<Index>> load(Connection connection, List<String> schemas) throws SQLException {
    Map<Long, List<Index>> indexes = Keyed.group(CatalogQuery.run(connection, SQL, schemas,
        row -> new Keyed<>(row.getLong("indrelid"), new Index(
            row.getString("index_name"),
            CatalogQuery.textArray(row, "keys"),
            row.getBoolean("indisunique"),
            row.getString("predicate"),
            row.getString("method")))));
    indexes.replaceAll((oid, list) -> list.stream().sorted(Comparator.comparing(Index::name)).toList());
    return indexes;
  }
}
