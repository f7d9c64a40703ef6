package dev.autogen.introspect.postgres;

import dev.autogen.model.CheckConstraint;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.Domain;
import dev.autogen.model.SqlType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The domains of the chosen schemas, in one query over {@code pg_type} ({@code typtype = 'd'},
 * PostgreSQL catalog "pg_type") and their check constraints in {@code pg_constraint} ({@code
 * contypid}).
 *
 * <ul>
 *   <li>Base type: {@link SqlType#parse(String)} of {@code format_type(typbasetype, typtypmod)}, the
 *       spelling {@code psql \dD} shows (a domain over another domain names that domain).
 *   <li>Nullable: {@code not typnotnull} (PostgreSQL 15 keeps a domain's NOT NULL there, not in
 *       {@code pg_constraint}).
 *   <li>Default: {@link DefaultExpr#parse(String)} of {@code typdefault}, the text form PostgreSQL
 *       stores beside {@code typdefaultbin}; null when there is none.
 *   <li>Checks: {@code contype = 'c'}, sorted by name, each expression {@code pg_get_expr(conbin, 0)}
 *       (the text {@code pg_get_constraintdef} prints inside {@code CHECK (...)}), the value written
 *       {@code VALUE} ("CREATE DOMAIN").
 * </ul>
 *
 * <p>A domain's own collation ({@code COLLATE} in CREATE DOMAIN) is not part of {@link Domain}.
 */
final class DomainQuery {

  private static final String SQL = """
      select n.nspname::text as schema_name, t.typname::text as domain_name,
             format_type(t.typbasetype, t.typtypmod) as base_type, t.typnotnull, t.typdefault,
             array(select con.conname::text from pg_constraint con
                   where con.contypid = t.oid and con.contype = 'c' order by con.oid) as check_names,
             array(select pg_get_expr(con.conbin, 0) from pg_constraint con
                   where con.contypid = t.oid and con.contype = 'c' order by con.oid) as check_expressions
      from pg_type t
      join pg_namespace n on n.oid = t.typnamespace
      where t.typtype = 'd' and n.nspname::text = any(?)""";

  private DomainQuery() {}

  /**
   * @param connection an open connection
   * @param schemas the schema names
   * @return the domains of each schema that has any, by schema name, in no particular order
   * @throws SQLException when the query fails
   */
  static Map<String, List<Domain>> load(Connection connection, List<String> schemas) throws SQLException {
    return Keyed.group(CatalogQuery.run(connection, SQL, schemas,
        row -> new Keyed<>(row.getString("schema_name"), domain(row))));
  }

  private static Domain domain(ResultSet row) throws SQLException {
    List<String> names = CatalogQuery.textArray(row, "check_names");
    List<String> expressions = CatalogQuery.textArray(row, "check_expressions");
    List<CheckConstraint> checks = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      checks.add(new CheckConstraint(names.get(i), expressions.get(i)));
    }
    checks.sort(Comparator.comparing(CheckConstraint::name));
    return new Domain(row.getString("domain_name"), SqlType.parse(row.getString("base_type")),
        !row.getBoolean("typnotnull"), DefaultExpr.parse(row.getString("typdefault")), checks);
  }
}
