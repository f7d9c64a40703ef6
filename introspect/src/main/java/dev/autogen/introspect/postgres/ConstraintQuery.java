package dev.autogen.introspect.postgres;

import dev.autogen.model.CheckConstraint;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.PrimaryKey;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.ReferentialAction;
import dev.autogen.model.UniqueConstraint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The primary keys, foreign keys, unique and check constraints of all tables of the chosen schemas,
 * in one query over {@code pg_constraint} (PostgreSQL catalog "pg_constraint").
 *
 * <ul>
 *   <li>Columns (and referenced columns) come in key order: the order of {@code conkey} ({@code
 *       confkey}).
 *   <li>The referential actions map {@code confdeltype}/{@code confupdtype} codes {@code a r c n d}
 *       to NO ACTION, RESTRICT, CASCADE, SET NULL, SET DEFAULT.
 *   <li>A check's expression is {@code pg_get_expr(conbin, conrelid)}: the very text {@code
 *       pg_get_constraintdef} prints inside {@code CHECK (...)} (both deparse {@code conbin} the same
 *       way, ruleutils.c), without {@code NOT VALID} or {@code NO INHERIT}.
 *   <li>Constraints a partitioned referenced table adds per partition ({@code conparentid <> 0}) are
 *       internal clones of one foreign key and are skipped. PostgreSQL 15 keeps NOT NULL in {@code
 *       pg_attribute}, not here; exclusion constraints ({@code x}) are not modelled.
 * </ul>
 */
final class ConstraintQuery {

  private static final String SQL = """
      select con.conrelid, con.conname::text as constraint_name, con.contype::text as constraint_type,
             array(select a.attname::text
                   from unnest(con.conkey) with ordinality k(attnum, ord)
                   join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
                   order by k.ord) as columns,
             rn.nspname::text as referenced_schema, rc.relname::text as referenced_table,
             array(select a.attname::text
                   from unnest(con.confkey) with ordinality k(attnum, ord)
                   join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum
                   order by k.ord) as referenced_columns,
             con.confdeltype::text as on_delete, con.confupdtype::text as on_update,
             case when con.contype = 'c' then pg_get_expr(con.conbin, con.conrelid) end as check_expression
      from pg_constraint con
      join pg_class c on c.oid = con.conrelid
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_class rc on rc.oid = con.confrelid
      left join pg_namespace rn on rn.oid = rc.relnamespace
      where con.contype in ('p', 'f', 'u', 'c') and con.conparentid = 0 and %s""".formatted(CatalogQuery.TABLES_OF_SCHEMAS);

  private static final Comparator<Named> BY_NAME = Comparator.comparing(Named::name);

  private ConstraintQuery() {}

  /**
   * @param connection an open connection
   * @param schemas the schema names
   * @return the constraints of each table that has any, by table oid
   * @throws SQLException when the query fails
   */
  static Map<Long, TableConstraints> load(Connection connection, List<String> schemas) throws SQLException {
    Map<Long, TableConstraints> constraints = new HashMap<>();
    Keyed.group(CatalogQuery.run(connection, SQL, schemas,
            row -> new Keyed<>(row.getLong("conrelid"), named(row))))
        .forEach((oid, rows) -> constraints.put(oid, collect(rows)));
    return constraints;
  }

  /** One constraint row, kept as its model object together with its name for sorting. */
  private record Named(String name, Object constraint) {}

  private static Named named(ResultSet row) throws SQLException {
    String name = row.getString("constraint_name");
    List<String> columns = CatalogQuery.textArray(row, "columns");
    Object constraint = switch (row.getString("constraint_type")) {
      case "p" -> new PrimaryKey(name, columns);
      case "u" -> new UniqueConstraint(name, columns);
      case "c" -> new CheckConstraint(name, row.getString("check_expression"));
      case "f" -> new ForeignKey(name, columns,
          new QualifiedName(row.getString("referenced_schema"), row.getString("referenced_table")),
          CatalogQuery.textArray(row, "referenced_columns"),
          action(row.getString("on_delete")), action(row.getString("on_update")));
      default -> throw new IllegalStateException("unexpected contype " + row.getString("constraint_type"));
    };
    return new Named(name, constraint);
  }

  private static TableConstraints collect(List<Named> rows) {
    List<Named> sorted = rows.stream().sorted(BY_NAME).toList();
    return new TableConstraints(
        sorted.stream().map(Named::constraint).filter(PrimaryKey.class::isInstance)
            .map(PrimaryKey.class::cast).findFirst().orElse(null),
        only(sorted, ForeignKey.class),
        only(sorted, UniqueConstraint.class),
        only(sorted, CheckConstraint.class));
  }

  private static <T> List<T> only(List<Named> rows, Class<T> kind) {
    return rows.stream().map(Named::constraint).filter(kind::isInstance).map(kind::cast).toList();
  }

  /** {@code pg_constraint.confdeltype}/{@code confupdtype} code to action. */
  private static ReferentialAction action(String code) {
    return switch (code) {
      case "r" -> ReferentialAction.RESTRICT;
      case "c" -> ReferentialAction.CASCADE;
      case "n" -> ReferentialAction.SET_NULL;
      case "d" -> ReferentialAction.SET_DEFAULT;
      default -> ReferentialAction.NO_ACTION;
    };
  }
}
