package dev.autogen.metadata;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.Catalog;
import dev.autogen.model.CheckConstraint;
import dev.autogen.model.Column;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.EnumType;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.Identity;
import dev.autogen.model.Index;
import dev.autogen.model.PrimaryKey;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.ReferentialAction;
import dev.autogen.model.Schema;
import dev.autogen.model.Sequence;
import dev.autogen.model.SqlType;
import dev.autogen.model.Table;
import dev.autogen.model.UniqueConstraint;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads what a real PostgreSQL database holds into the model with plain pg_catalog queries, so that
 * tests can compare the reader's catalog with the schema Hibernate's own DDL created. Deliberately
 * independent of the introspect module. Check constraints keep PostgreSQL's deparsed text ({@code
 * pg_get_constraintdef}) without the {@code CHECK (...)} wrapper.
 */
final class PgCatalogProbe {

  private static final String TABLES = """
      select n.nspname, c.relname, c.oid, obj_description(c.oid, 'pg_class')
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
        and n.nspname not like 'pg_toast%'
      """;
  private static final String COLUMNS = """
      select a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
             case when a.attgenerated = '' then pg_get_expr(d.adbin, d.adrelid) end,
             a.attidentity, col_description(a.attrelid, a.attnum),
             case when a.attgenerated = 's' then pg_get_expr(d.adbin, d.adrelid) end,
             case when a.attcollation <> t.typcollation then co.collname end
      from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
        join pg_type t on t.oid = a.atttypid left join pg_collation co on co.oid = a.attcollation
      where a.attrelid = ? and a.attnum > 0 and not a.attisdropped order by a.attnum
      """;
  private static final String CONSTRAINTS = """
      select con.conname, con.contype,
        array(select a.attname from unnest(con.conkey) with ordinality k(n, i)
              join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.i),
        fn.nspname, fc.relname,
        array(select a.attname from unnest(con.confkey) with ordinality k(n, i)
              join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.i),
        con.confdeltype, con.confupdtype, pg_get_constraintdef(con.oid)
      from pg_constraint con left join pg_class fc on fc.oid = con.confrelid
        left join pg_namespace fn on fn.oid = fc.relnamespace
      where con.conrelid = ?
      """;
  private static final String INDEXES = """
      select i.relname, ix.indisunique, am.amname, pg_get_expr(ix.indpred, ix.indrelid),
        array(select case when k.n = 0 then '(' || pg_get_indexdef(ix.indexrelid, k.i::int, true) || ')'
                          else (select attname from pg_attribute where attrelid = ix.indrelid and attnum = k.n) end
                     || case when (ix.indoption[k.i - 1] & 1) = 1
                             then ' desc' || case when (ix.indoption[k.i - 1] & 2) = 0 then ' nulls last' else '' end
                             when (ix.indoption[k.i - 1] & 2) = 2 then ' nulls first' else '' end
              from unnest(ix.indkey::int2[]) with ordinality k(n, i) order by k.i)
      from pg_index ix join pg_class i on i.oid = ix.indexrelid join pg_am am on am.oid = i.relam
      where ix.indrelid = ? and not exists
        (select 1 from pg_constraint c where c.conindid = ix.indexrelid and c.contype in ('p', 'u', 'x'))
      """;
  private static final String SEQUENCES = """
      select s.schemaname, s.sequencename, s.start_value, s.increment_by from pg_sequences s
      where not exists (select 1 from pg_depend d join pg_class c on c.oid = d.objid
                        join pg_namespace n on n.oid = c.relnamespace
                        where c.relname = s.sequencename and n.nspname = s.schemaname
                          and (d.deptype = 'i' or d.deptype = 'a' and d.refobjsubid > 0))
      """;
  private static final String ENUMS = """
      select n.nspname, t.typname, array_agg(e.enumlabel order by e.enumsortorder)
      from pg_type t join pg_enum e on e.enumtypid = t.oid join pg_namespace n on n.oid = t.typnamespace
      group by n.nspname, t.typname
      """;

  private static final String SEARCH_ALL_SCHEMAS = """
      select set_config('search_path', string_agg(quote_ident(nspname), ', '), false) from pg_namespace
      where nspname not in ('pg_catalog', 'information_schema') and nspname not like 'pg\\_%'
      """;

  private PgCatalogProbe() {}

  /**
   * @param db the database to read
   * @return its user schemas that hold at least one table, sequence or enum
   */
  static Catalog read(TestDatabase db) throws SQLException {
    Map<String, List<Table>> tables = new TreeMap<>();
    Map<String, List<Sequence>> sequences = new TreeMap<>();
    Map<String, List<EnumType>> enums = new TreeMap<>();
    try (Connection c = db.connect()) {
      // format_type qualifies user types outside the search path; list every user schema so it does not
      c.createStatement().execute(SEARCH_ALL_SCHEMAS);
      try (ResultSet rs = c.createStatement().executeQuery(TABLES)) {
        while (rs.next()) {
          tables.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(table(c, rs.getString(2), rs.getLong(3), rs.getString(4)));
        }
      }
      try (ResultSet rs = c.createStatement().executeQuery(SEQUENCES)) {
        while (rs.next()) {
          sequences.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new Sequence(rs.getString(2), rs.getLong(3), rs.getLong(4)));
        }
      }
      try (ResultSet rs = c.createStatement().executeQuery(ENUMS)) {
        while (rs.next()) {
          enums.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new EnumType(rs.getString(2), strings(rs.getArray(3))));
        }
      }
    }
    TreeMap<String, Schema> schemas = new TreeMap<>();
    for (String name : union(tables, sequences, enums)) {
      schemas.put(name, new Schema(name, tables.getOrDefault(name, List.of()),
          sequences.getOrDefault(name, List.of()), enums.getOrDefault(name, List.of())));
    }
    return new Catalog(List.copyOf(schemas.values()));
  }

  private static List<String> union(Map<String, ?>... maps) {
    TreeMap<String, Boolean> names = new TreeMap<>();
    for (Map<String, ?> m : maps) {
      m.keySet().forEach(k -> names.put(k, true));
    }
    return List.copyOf(names.keySet());
  }

  private static Table table(Connection c, String name, long oid, String comment) throws SQLException {
    List<Column> columns = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String identity = rs.getString(5);
          columns.add(new Column(rs.getString(1), SqlType.parse(rs.getString(2)), !rs.getBoolean(3),
              DefaultExpr.parse(rs.getString(4)),
              identity(identity),
              rs.getString(6), rs.getString(7), rs.getString(8)));
        }
      }
    }
    PrimaryKey pk = null;
    List<ForeignKey> fks = new ArrayList<>();
    List<UniqueConstraint> uniques = new ArrayList<>();
    List<CheckConstraint> checks = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(CONSTRAINTS)) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String conName = rs.getString(1);
          List<String> cols = strings(rs.getArray(3));
          switch (rs.getString(2)) {
            case "p" -> pk = new PrimaryKey(conName, cols);
            case "u" -> uniques.add(new UniqueConstraint(conName, cols));
            case "f" -> fks.add(new ForeignKey(conName, cols, new QualifiedName(rs.getString(4), rs.getString(5)),
                strings(rs.getArray(6)), action(rs.getString(7)), action(rs.getString(8))));
            case "c" -> checks.add(new CheckConstraint(conName, unwrapCheck(rs.getString(9))));
            default -> throw new IllegalStateException("unexpected constraint type " + rs.getString(2));
          }
        }
      }
    }
    List<Index> indexes = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(INDEXES)) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          indexes.add(new Index(rs.getString(1), strings(rs.getArray(5)), rs.getBoolean(2), rs.getString(4),
              rs.getString(3)));
        }
      }
    }
    return new Table(name, columns, pk, fks, uniques, checks, indexes, comment);
  }

  /**
   * @param attidentity {@code pg_attribute.attidentity}
   * @return the identity generation it stands for, or null
   */
  static Identity identity(String attidentity) {
    return "d".equals(attidentity) ? Identity.BY_DEFAULT : "a".equals(attidentity) ? Identity.ALWAYS : null;
  }

  private static String unwrapCheck(String definition) {
    String prefix = "CHECK (";
    if (!definition.startsWith(prefix) || !definition.endsWith(")")) {
      throw new IllegalStateException("unexpected check definition " + definition);
    }
    return definition.substring(prefix.length(), definition.length() - 1);
  }

  private static ReferentialAction action(String code) {
    return switch (code) {
      case "a" -> ReferentialAction.NO_ACTION;
      case "r" -> ReferentialAction.RESTRICT;
      case "c" -> ReferentialAction.CASCADE;
      case "n" -> ReferentialAction.SET_NULL;
      case "d" -> ReferentialAction.SET_DEFAULT;
      default -> throw new IllegalStateException("unexpected referential action " + code);
    };
  }

  private static List<String> strings(Array array) throws SQLException {
    return List.of((String[]) array.getArray());
  }
}
