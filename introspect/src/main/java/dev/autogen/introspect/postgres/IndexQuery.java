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
 *   <li>Keys, in index order, the first {@code indnkeyatts} entries of {@code indkey}, each in the
 *       canonical syntax of {@link Index#keys()}: a column key is the column name as stored; an
 *       expression key ({@code indkey} entry 0) is {@code (expression)} with the expression from
 *       {@code pg_get_indexdef(indexrelid, k, true)}. Then, only where they differ from the defaults,
 *       the same decisions {@code pg_get_indexdef} makes ({@code ruleutils.c},
 *       {@code pg_get_indexdef_worker}):
 *       <ul>
 *         <li>{@code collate "name"} when {@code indcollation} is set and differs from the key's own
 *             collation: the column's {@code attcollation}, or for an expression the default
 *             collation of its type (so an expression over a column with a collation of its own,
 *             {@code (lower(c))} on a {@code C} column, reads as {@code (lower(c)) collate "C"},
 *             which means the same);
 *         <li>the operator class ({@code indclass}, its name as {@code quote_ident} spells it,
 *             schema-qualified when not visible) unless it is the default one for the key's type
 *             ({@code GetDefaultOpClass} in {@code indexcmds.c}): a default class ({@code
 *             opcdefault}) of the index's method whose input type is the key's type (a domain's
 *             base type), or, when the method has no default class for exactly that type, any
 *             default class (one the type is binary coercible to, e.g. {@code text_ops} for {@code
 *             varchar}, {@code array_ops} for arrays);
 *         <li>for methods that can order ({@code pg_indexam_has_property(am, 'can_order')}, btree)
 *             the {@code indoption} bits: 1 is {@code desc}, 2 NULLS FIRST, written {@code nulls
 *             first} on an ascending key and {@code nulls last} (when the bit is off) on a
 *             descending one.
 *       </ul>
 *   <li>INCLUDE columns (PostgreSQL 11+): the entries of {@code indkey} after {@code indnkeyatts},
 *       column names as stored, in order.
 *   <li>Predicate: {@code pg_get_expr(indpred, indrelid)}, or null. Method: {@code pg_am.amname}.
 *   <li>Valid: {@code indisvalid}; false for an index a failed {@code CREATE INDEX CONCURRENTLY} left
 *       behind (PostgreSQL "CREATE INDEX", Building Indexes Concurrently), which is read like any other
 *       so that the comparison can replace it ({@link Index#valid()}).
 * </ul>
 */
final class IndexQuery {

  private static final String SQL = """
      select i.indrelid, ic.relname::text as index_name, i.indisunique, i.indisvalid, am.amname::text as method,
             pg_get_expr(i.indpred, i.indrelid) as predicate,
             array(select case when k.attnum = 0
                               then '(' || pg_get_indexdef(i.indexrelid, k.ord::int, true) || ')'
                               else a.attname::text end
                          || coalesce(' collate "' || replace(kc.collname, '"', '""') || '"', '')
                          || coalesce(' ' || case when pg_opclass_is_visible(oc.oid) then quote_ident(oc.opcname)
                                                  else quote_ident(ocn.nspname) || '.' || quote_ident(oc.opcname)
                                             end, '')
                          || case when not pg_indexam_has_property(am.oid, 'can_order') then ''
                                  when i.indoption[k.ord::int - 1] & 1 = 1
                                  then ' desc' || case when i.indoption[k.ord::int - 1] & 2 = 0 then ' nulls last' else '' end
                                  when i.indoption[k.ord::int - 1] & 2 = 2 then ' nulls first'
                                  else '' end
                   from unnest(i.indkey) with ordinality k(attnum, ord)
                   left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                   join pg_attribute ia on ia.attrelid = i.indexrelid and ia.attnum = k.ord
                   join pg_type kt on kt.oid = coalesce(a.atttypid, ia.atttypid)
                   left join pg_collation kc on kc.oid = i.indcollation[k.ord::int - 1]
                                            and kc.oid <> coalesce(a.attcollation, kt.typcollation)
                   left join pg_opclass oc on oc.oid = i.indclass[k.ord::int - 1]
                        and not (oc.opcdefault
                                 and (oc.opcintype = coalesce(nullif(kt.typbasetype, 0), kt.oid)
                                      or not exists (select 1 from pg_opclass d
                                                     where d.opcmethod = oc.opcmethod and d.opcdefault
                                                       and d.opcintype = coalesce(nullif(kt.typbasetype, 0), kt.oid))))
                   left join pg_namespace ocn on ocn.oid = oc.opcnamespace
                   where k.ord <= i.indnkeyatts
                   order by k.ord) as keys,
             array(select a.attname::text
                   from unnest(i.indkey) with ordinality k(attnum, ord)
                   join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                   where k.ord > i.indnkeyatts
                   order by k.ord) as include
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
            row.getString("method"),
            CatalogQuery.textArray(row, "include"),
            row.getBoolean("indisvalid")))));
    indexes.replaceAll((oid, list) -> list.stream().sorted(Comparator.comparing(Index::name)).toList());
    return indexes;
  }
}
