package dev.autogen.introspect.postgres;

import dev.autogen.model.EnumType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The enumerated types of the chosen schemas, in one query over {@code pg_type} ({@code typtype =
 * 'e'}) and {@code pg_enum} (PostgreSQL catalog "pg_enum"), labels in {@code enumsortorder}.
 */
final class EnumQuery {

  private static final String SQL = """
      select n.nspname::text as schema_name, t.typname::text as type_name,
             coalesce(array_agg(e.enumlabel::text order by e.enumsortorder)
                      filter (where e.enumlabel is not null), '{}') as labels
      from pg_type t
      join pg_namespace n on n.oid = t.typnamespace
      left join pg_enum e on e.enumtypid = t.oid
      where t.typtype = 'e' and n.nspname::text = any(?)
      group by n.nspname, t.typname""";

  private EnumQuery() {}

  /**
   * @param connection an open connection
   * @param schemas the schema names
   * @return the enum types of each schema that has any, by schema name, in no particular order
   * @throws SQLException when the query fails
   */
  static Map<String, List<EnumType>> load(Connection connection, List<String> schemas) throws SQLException {
    return Keyed.group(CatalogQuery.run(connection, SQL, schemas, row -> new Keyed<>(
        row.getString("schema_name"),
        new EnumType(row.getString("type_name"), CatalogQuery.textArray(row, "labels")))));
  }
}
