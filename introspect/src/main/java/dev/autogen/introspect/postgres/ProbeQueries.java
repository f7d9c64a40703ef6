package dev.autogen.introspect.postgres;

import dev.autogen.model.DataProbe;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.postgres.PostgresIdentifiers;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The SQL text of {@link DataProbe} questions for PostgreSQL: every identifier quoted by {@link
 * PostgresIdentifiers#quote}, every statement a {@code SELECT count(*)}. Each question but {@link
 * DataProbe.DuplicateGroups} is a filter over the rows of its table ({@link RowFilter}), which can be
 * counted exactly or over a {@code TABLESAMPLE} (PostgreSQL "SELECT", The FROM Clause).
 */
final class ProbeQueries {

  private ProbeQueries() {}

  /**
   * The rows of one table that a question counts.
   *
   * @param table the quoted, qualified table
   * @param alias the alias the condition names the table by, or null when it names it unqualified
   * @param condition a boolean SQL condition over that table's row
   */
  record RowFilter(String table, String alias, String condition) {

    /** @return {@code select count(*)} of the rows matching the condition */
    String exact() {
      return "select count(*) from " + from("") + " where " + condition;
    }

    /**
     * @param percent the share of the table's pages to read, above 0, at most 100
     * @return {@code select} of the matching rows and all rows of a {@code TABLESAMPLE SYSTEM} sample,
     *     {@code REPEATABLE (0)}: the same pages while the table is unchanged (PostgreSQL "SELECT",
     *     TABLESAMPLE), so that reruns on an unchanged table report the same estimate
     */
    String sampled(double percent) {
      return "select count(*) filter (where " + condition + "), count(*) from "
          + from(" tablesample system (" + BigDecimal.valueOf(percent).toPlainString() + ") repeatable (0)");
    }

    private String from(String sample) {
      return table + (alias == null ? "" : " as " + alias) + sample;
    }
  }

  /**
   * @param question any question but {@link DataProbe.DuplicateGroups}
   * @return the rows it counts
   * @throws IllegalArgumentException for {@link DataProbe.DuplicateGroups}, which counts groups
   */
  static RowFilter filter(DataProbe.Question question) {
    String table = table(question.table());
    if (question instanceof DataProbe.Rows) {
      return new RowFilter(table, null, "true");
    }
    if (question instanceof DataProbe.NonNullValues v) {
      return new RowFilter(table, null, quote(v.column()) + " is not null");
    }
    if (question instanceof DataProbe.Nulls n) {
      return new RowFilter(table, null, quote(n.column()) + " is null");
    }
    if (question instanceof DataProbe.LongerThan l) {
      return new RowFilter(table, null, "char_length(" + quote(l.column()) + "::text) > " + l.length());
    }
    if (question instanceof DataProbe.OutsideNumeric o) {
      return new RowFilter(table, null, outsideNumeric(o));
    }
    if (question instanceof DataProbe.CheckViolations c) {
      return new RowFilter(table, null, "not (" + c.expression() + ")");
    }
    if (question instanceof DataProbe.Orphans o) {
      return new RowFilter(table, "t", orphan(o));
    }
    throw new IllegalArgumentException("duplicates are counted by group: " + question);
  }

  /**
   * @param question the columns whose duplicate values to count
   * @return {@code select count(*)} of the groups of equal non-NULL values occurring more than once
   */
  static String duplicateGroups(DataProbe.DuplicateGroups question) {
    String columns = question.columns().stream().map(ProbeQueries::quote).collect(Collectors.joining(", "));
    return "select count(*) from (select 1 from " + table(question.table()) + " where "
        + allNotNull(question.columns(), ProbeQueries::quote) + " group by " + columns
        + " having count(*) > 1) as duplicates";
  }

  /** Whole-string patterns of the input syntax each type accepts before PostgreSQL 16 ("8.1. Numeric Types", "8.6. Boolean Type"). */
  private static final java.util.Map<String, String> INPUT_SYNTAX = java.util.Map.of(
      "integer", "^\\s*[+-]?[0-9]+\\s*$",
      "boolean", "^\\s*(t|tr|tru|true|f|fa|fal|fals|false|y|ye|yes|n|no|on|of|off|1|0)\\s*$",
      "numeric", "^\\s*([+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?(infinity|inf)|nan)\\s*$");

  /** The ranges of the integer types (and {@code oid}, whose input also takes negative 32-bit numbers). */
  private static final java.util.Map<String, String[]> INTEGER_RANGES = java.util.Map.of(
      "smallint", new String[] {"-32768", "32767"},
      "integer", new String[] {"-2147483648", "2147483647"},
      "bigint", new String[] {"-9223372036854775808", "9223372036854775807"},
      "oid", new String[] {"-2147483648", "4294967295"});

  /**
   * The rows whose value the cast to another type rejects. From PostgreSQL 16 ({@code
   * server_version_num} 160000) {@code pg_input_is_valid} ("System Information Functions") checks
   * any type; before, a read-only check of the input syntax exists only for the integer types and
   * {@code oid} (digits with an optional sign, within the type's range), unconstrained {@code
   * numeric} and {@code boolean} (case-insensitive; {@code ~*}).
   *
   * @param question the column and the type
   * @param serverVersion the server's {@code server_version_num}
   * @return the filter, or empty when there is no read-only check for that type on that server
   */
  static java.util.Optional<RowFilter> unconvertible(DataProbe.Unconvertible question, int serverVersion) {
    String value = quote(question.column()) + "::text";
    String table = table(question.table());
    String rejected;
    if (serverVersion >= 160000) {
      rejected = "not pg_input_is_valid(" + value + ", " + "'" + question.type().replace("'", "''") + "'" + ")";
    } else if (INTEGER_RANGES.containsKey(question.type())) {
      String[] range = INTEGER_RANGES.get(question.type());
      rejected = "not coalesce(case when " + value + " ~ '" + INPUT_SYNTAX.get("integer") + "' then " + value
          + "::numeric between " + range[0] + " and " + range[1] + " end, false)";
    } else if (question.type().equals("numeric") || question.type().equals("boolean")) {
      rejected = value + " !~* '" + INPUT_SYNTAX.get(question.type()) + "'";
    } else {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new RowFilter(table, null, quote(question.column()) + " is not null and " + rejected));
  }

  /** @return the table's name quoted and schema-qualified */
  static String table(QualifiedName table) {
    return quote(table.schema()) + "." + quote(table.name());
  }

  private static String quote(String identifier) {
    return PostgresIdentifiers.quote(identifier);
  }

  /**
   * Values that {@code numeric(p,s)} does not hold unchanged: rounded at scale s, or with p - s or more
   * digits before the point once rounded (PostgreSQL "8.1.2. Arbitrary Precision Numbers"). NaN fits
   * every numeric.
   */
  private static String outsideNumeric(DataProbe.OutsideNumeric o) {
    String value = quote(o.column()) + "::numeric";
    String rounded = "round(" + value + ", " + o.scale() + ")";
    String limit = BigDecimal.TEN.pow(o.precision() - o.scale()).toPlainString();
    return value + " <> 'NaN'::numeric and (" + rounded + " <> " + value + " or abs(" + rounded + ") >= " + limit + ")";
  }

  /** MATCH SIMPLE: a row with a NULL in any referencing column references nothing and is no orphan. */
  private static String orphan(DataProbe.Orphans o) {
    String match = IntStream.range(0, o.columns().size())
        .mapToObj(i -> "r." + quote(o.referencedColumns().get(i)) + " = t." + quote(o.columns().get(i)))
        .collect(Collectors.joining(" and "));
    return allNotNull(o.columns(), c -> "t." + quote(c)) + " and not exists (select 1 from "
        + table(o.referencedTable()) + " as r where " + match + ")";
  }

  private static String allNotNull(List<String> columns, Function<String, String> reference) {
    return columns.stream().map(c -> reference.apply(c) + " is not null").collect(Collectors.joining(" and "));
  }

  /** The column's type as PostgreSQL spells it ({@code format_type}, "System Information Functions"). */
  static final String COLUMN_TYPE = """
      select format_type(a.atttypid, a.atttypmod) from pg_attribute a
      join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ? and c.relname = ? and a.attname = ? and a.attnum > 0 and not a.attisdropped""";

  /**
   * @param question the sample to try
   * @return {@code select} of the sample's distinct values as text and how many rows of the sample
   *     hold each: the first {@code sampleSize} non-NULL values the table returns
   */
  static String sampleValues(DataProbe.UnconvertibleSample question) {
    String column = quote(question.column());
    return "select v, count(*) from (select " + column + "::text as v from " + table(question.table())
        + " where " + column + " is not null limit " + question.sampleSize() + ") as sample group by v";
  }

  /**
   * @param columnType the column's type as {@link #COLUMN_TYPE} spells it
   * @param type the type to convert to, as the database spells it
   * @return {@code select} of whether one value (both parameters: the column's text form, which
   *     reads back unchanged as the column's type for every built-in type) survives the explicit cast
   *     to {@code type} unchanged: cast back to the column's type it has the same text. An explicit
   *     cast truncates a too long string and rounds a number ("4.3. Value Expressions", Type Casts;
   *     "8.3. Character Types"), so a lossy value answers false; a rejected one fails with a data
   *     exception (SQLSTATE class 22)
   */
  static String conversion(String columnType, String type) {
    String stored = "cast(cast(? as text) as " + columnType + ")";
    return "select cast(cast(" + stored + " as " + type + ") as " + columnType + ")::text = " + stored + "::text";
  }
}
