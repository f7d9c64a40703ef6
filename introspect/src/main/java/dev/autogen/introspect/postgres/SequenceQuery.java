package dev.autogen.introspect.postgres;

import dev.autogen.model.Sequence;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The sequences of the chosen schemas that stand on their own, in one query over {@code pg_sequence}
 * (PostgreSQL catalog "pg_sequence"): name, {@code seqstart} and {@code seqincrement}.
 *
 * <p>A sequence that a column owns is part of that column and is left out: an identity column's
 * sequence (a {@code pg_depend} entry of deptype {@code i}, "internal", catalog "pg_depend") and the
 * sequence of a {@code serial}/{@code bigserial} column or of any {@code ALTER SEQUENCE ... OWNED BY
 * table.column} (deptype {@code a}, "auto"). PostgreSQL drops such a sequence together with its
 * column or table ("8.1.4. Serial Types", "ALTER SEQUENCE": OWNED BY), so a migration must neither
 * create nor drop it on its own; the column keeps its {@code nextval} default, which names it.
 */
final class SequenceQuery {

  private static final String SQL = """
      select n.nspname::text as schema_name, c.relname::text as sequence_name, s.seqstart, s.seqincrement
      from pg_sequence s
      join pg_class c on c.oid = s.seqrelid
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname::text = any(?)
        and not exists (select 1 from pg_depend d
                        where d.classid = 'pg_class'::regclass and d.objid = s.seqrelid
                          and d.refclassid = 'pg_class'::regclass and d.refobjsubid > 0
                          and d.deptype in ('a', 'i'))""";

  private SequenceQuery() {}

  /**
   * @param connection an open connection
   * @param schemas the schema names
   * @return the sequences no column owns, of each schema that has any, by schema name, in no
   *     particular order
   * @throws SQLException when the query fails
   */
  static Map<String, List<Sequence>> load(Connection connection, List<String> schemas) throws SQLException {
    return Keyed.group(CatalogQuery.run(connection, SQL, schemas, row -> new Keyed<>(
        row.getString("schema_name"),
        new Sequence(row.getString("sequence_name"), row.getLong("seqstart"), row.getLong("seqincrement")))));
  }
}
