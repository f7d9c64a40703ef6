package dev.autogen.introspect.postgres;

import dev.autogen.model.Column;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.Identity;
import dev.autogen.model.SqlType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The columns of all tables of the chosen schemas, in one query over {@code pg_attribute} and {@code
 * pg_attrdef} (PostgreSQL catalog "pg_attribute", catalog "pg_attrdef").
 *
 * <ul>
 *   <li>Order: {@code attnum}; dropped columns ({@code attisdropped}) and system columns ({@code
 *       attnum <= 0}) are skipped.
 *   <li>Type: {@link SqlType#parse(String)} of {@code format_type(atttypid, atttypmod)}, the
 *       spelling {@code psql \d} shows; a user type outside the connection's {@code search_path} comes
 *       schema-qualified ({@code app.status}). A column of a domain ({@code pg_type.typtype = 'd'}) is
 *       {@link SqlType#ofDomain} of that spelling and the domain's base type: {@code
 *       format_type(typbasetype, typtypmod)}, followed through domains over domains to the first
 *       base that is not one ("CREATE DOMAIN"; {@code getBaseTypeAndTypmod} in {@code lsyscache.c}
 *       does the same), so that it compares by the values it holds. An array of a domain stays a
 *       user type.
 *   <li>Nullable: {@code not attnotnull}.
 *   <li>Default: {@link DefaultExpr#parse(String)} of {@code pg_get_expr(adbin, adrelid)}. A {@link
 *       DefaultExpr.NextValue} is marked {@linkplain DefaultExpr.NextValue#owned() owned} when the
 *       sequence it calls is owned by this very column ("8.1.4. Serial Types"; "ALTER SEQUENCE":
 *       OWNED BY): the default depends on the sequence (a {@code pg_depend} row from the {@code
 *       pg_attrdef} entry to the sequence's {@code pg_class} row, which the {@code regclass}
 *       constant records) and the sequence depends on the column with deptype {@code a}, "auto"
 *       ({@code refobjid} the table, {@code refobjsubid} the {@code attnum}; catalog "pg_depend").
 *       A default that names its sequence only as text ({@code nextval('s'::text)}) records no
 *       dependency and so is never owned.
 *   <li>Identity: {@code attidentity} {@code a} is {@link Identity#ALWAYS}, {@code d} {@link
 *       Identity#BY_DEFAULT}; an identity column has no default.
 *   <li>Generated: a stored generated column ({@code attgenerated = 's'}, "5.3. Generated Columns" of PostgreSQL 15)
 *       has its generation expression, {@code pg_get_expr(adbin, adrelid)} as the catalog deparses
 *       it (e.g. {@code (price * 2)}), as {@link Column#generated()} and no default: the expression
 *       lives in {@code pg_attrdef} like a default but is not one.
 *   <li>Collation: the name ({@code pg_collation.collname}, exactly as stored, never quoted or
 *       schema-qualified, e.g. {@code C}, {@code POSIX}, {@code en-US-x-icu}) of {@code attcollation}
 *       when it differs from the default collation of the column's type ({@code pg_type.typcollation};
 *       "24.2. Collation Support": a column without COLLATE gets its type's), else null. A column of
 *       a domain with a collation of its own therefore has none: the collation is the domain's.
 *   <li>Comment: the column's {@code pg_description} row, what {@code col_description} reads.
 * </ul>
 *
 * <p>The domain bases and the comments are joined once, not looked up per column by a subquery or by
 * {@code col_description}: at 10,000 tables (90,000 columns) the per-row lookups took over half of the
 * query's 0.7 s on the server.
 */
final class ColumnQuery {

  private static final String SQL = """
      with recursive domain_base(domain_oid, base_oid, base_typmod, depth) as (
        select t.oid, t.typbasetype, t.typtypmod, 1 from pg_type t where t.typtype = 'd'
        union all
        select d.domain_oid, b.typbasetype, b.typtypmod, d.depth + 1
        from domain_base d join pg_type b on b.oid = d.base_oid and b.typtype = 'd'),
      domain_root(domain_oid, base_type) as (
        select distinct on (domain_oid) domain_oid, format_type(base_oid, base_typmod)
        from domain_base order by domain_oid, depth desc)
      select a.attrelid, a.attname::text as column_name,
             format_type(a.atttypid, a.atttypmod) as column_type,
             dr.base_type as domain_base_type,
             a.attnotnull,
             pg_get_expr(d.adbin, d.adrelid) as default_expression,
             exists (select 1
                     from pg_depend uses
                     join pg_class s on s.oid = uses.refobjid and s.relkind = 'S'
                     join pg_depend owner on owner.classid = 'pg_class'::regclass and owner.objid = s.oid
                     where uses.classid = 'pg_attrdef'::regclass and uses.objid = d.oid
                       and uses.refclassid = 'pg_class'::regclass
                       and owner.refclassid = 'pg_class'::regclass and owner.refobjid = a.attrelid
                       and owner.refobjsubid = a.attnum and owner.deptype = 'a') as owns_sequence,
             case a.attidentity when 'a' then 'ALWAYS' when 'd' then 'BY_DEFAULT' end as identity,
             a.attgenerated = 's' as generated,
             co.collname::text as collation,
             ds.description as comment
      from pg_attribute a
      join pg_class c on c.oid = a.attrelid
      join pg_namespace n on n.oid = c.relnamespace
      join pg_type t on t.oid = a.atttypid
      left join pg_collation co on co.oid = a.attcollation and a.attcollation <> t.typcollation
      left join domain_root dr on dr.domain_oid = a.atttypid
      left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
      left join pg_description ds on ds.objoid = a.attrelid and ds.classoid = 'pg_class'::regclass
                                 and ds.objsubid = a.attnum
      where a.attnum > 0 and not a.attisdropped and %s
      order by a.attrelid, a.attnum""".formatted(CatalogQuery.TABLES_OF_SCHEMAS);

  private ColumnQuery() {}

  /**
   * @param connection an open connection
   * @param schemas the schema names
   * @return the columns of each table by table oid, in {@code attnum} order
   * @throws SQLException when the query fails
   */
  static Map<Long, List<Column>> load(Connection connection, List<String> schemas) throws SQLException {
    TypeSpellings types = new TypeSpellings();
    return Keyed.group(CatalogQuery.run(connection, SQL, schemas,
        row -> new Keyed<>(row.getLong("attrelid"), column(row, types))));
  }

  private static Column column(ResultSet row, TypeSpellings types) throws SQLException {
    String identityCode = row.getString("identity");
    Identity identity = identityCode == null ? null : Identity.valueOf(identityCode);
    String expression = row.getString("default_expression");
    boolean generated = row.getBoolean("generated");
    DefaultExpr defaultValue = identity != null || generated || expression == null ? null
        : withOwnership(DefaultExpr.parse(expression), row.getBoolean("owns_sequence"));
    String domainBase = row.getString("domain_base_type");
    SqlType type = domainBase == null ? types.parse(row.getString("column_type"))
        : SqlType.ofDomain(row.getString("column_type"), types.parse(domainBase));
    return new Column(
        row.getString("column_name"),
        type,
        !row.getBoolean("attnotnull"),
        defaultValue,
        identity,
        row.getString("comment"),
        generated ? expression : null,
        row.getString("collation"));
  }

  /**
   * @param parsed a parsed default, never null
   * @param ownsSequence whether the column owns the sequence its default calls
   * @return a {@link DefaultExpr.NextValue} marked owned or not; any other default as it is
   */
  private static DefaultExpr withOwnership(DefaultExpr parsed, boolean ownsSequence) {
    return parsed instanceof DefaultExpr.NextValue n ? n.withOwned(ownsSequence) : parsed;
  }
}
