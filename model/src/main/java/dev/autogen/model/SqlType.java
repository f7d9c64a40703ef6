package dev.autogen.model;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A canonical column type. Aliases collapse at construction ({@link #parse(String)}): {@code int4} =
 * {@code integer}, {@code bool} = {@code boolean}, {@code character varying} = {@code varchar},
 * {@code float8} = {@code float(53)} = {@code double precision}, {@code float(24)} = {@code real}, {@code decimal} = {@code numeric},
 * {@code timestamp} = {@code timestamp(6)}, {@code timestamptz} = {@code timestamp with time zone}.
 * The alias table follows PostgreSQL "8. Data Types", Table 8.1. The raw spelling is kept for
 * messages and is not part of equality.
 *
 * @param name canonical base name, e.g. {@code varchar}, {@code timestamp with time zone}; a type the
 *     table does not know (a user type) keeps its spelling
 * @param length the length of {@code varchar}, {@code char}, {@code bit}, {@code varbit}; else null
 * @param precision numeric precision, or fractional-second precision of time types; else null
 * @param scale numeric scale; else null
 * @param arrayDimensions 0 for a scalar, 1 for {@code integer[]}, ...
 * @param raw the spelling the source gave, for messages only; for a {@linkplain #domain() domain}
 *     the domain's name as the catalog spells it (e.g. {@code email}, {@code app.email})
 * @param domain true when the source declared a domain over this type (PostgreSQL "CREATE DOMAIN"):
 *     the other components are the domain's base type, {@link #raw()} names the domain. Not part of
 *     equality: a column of a domain over {@code varchar(200)} compares as {@code varchar(200)}, since
 *     it holds the same values (the domain's own checks, NOT NULL and default are the domain's and
 *     are not compared)
 */
public record SqlType(
    String name, Integer length, Integer precision, Integer scale, int arrayDimensions, String raw,
    boolean domain)
        implements java.io.Serializable {

  /** Fractional-second precision PostgreSQL uses when none is written ("8.5. Date/Time Types"). */
  public static final int DEFAULT_TIME_PRECISION = 6;

  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("integer", "integer"),
      Map.entry("int8", "bigint"), Map.entry("bigint", "bigint"),
      Map.entry("int2", "smallint"), Map.entry("smallint", "smallint"), Map.entry("tinyint", "smallint"),
      Map.entry("bool", "boolean"), Map.entry("boolean", "boolean"),
      Map.entry("varchar", "varchar"), Map.entry("character varying", "varchar"),
      Map.entry("char", "char"), Map.entry("character", "char"), Map.entry("bpchar", "char"),
      Map.entry("nchar", "char"), Map.entry("nvarchar", "varchar"),
      Map.entry("text", "text"),
      Map.entry("decimal", "numeric"), Map.entry("numeric", "numeric"),
      Map.entry("float4", "real"), Map.entry("real", "real"),
      Map.entry("float8", "double precision"), Map.entry("double precision", "double precision"),
      Map.entry("double", "double precision"), Map.entry("float", "float"),
      Map.entry("timestamp", "timestamp"), Map.entry("timestamp without time zone", "timestamp"),
      Map.entry("timestamptz", "timestamp with time zone"),
      Map.entry("timestamp with time zone", "timestamp with time zone"),
      Map.entry("time", "time"), Map.entry("time without time zone", "time"),
      Map.entry("timetz", "time with time zone"), Map.entry("time with time zone", "time with time zone"),
      Map.entry("date", "date"), Map.entry("interval", "interval"),
      Map.entry("uuid", "uuid"), Map.entry("bytea", "bytea"), Map.entry("json", "json"),
      Map.entry("jsonb", "jsonb"), Map.entry("xml", "xml"), Map.entry("inet", "inet"),
      Map.entry("cidr", "cidr"), Map.entry("macaddr", "macaddr"), Map.entry("money", "money"),
      Map.entry("oid", "oid"), Map.entry("tsvector", "tsvector"), Map.entry("tsquery", "tsquery"),
      Map.entry("bit", "bit"), Map.entry("varbit", "bit varying"), Map.entry("bit varying", "bit varying"));

  private static final Pattern SPELLING = Pattern.compile(
      "(?<base>[a-z_][a-z0-9_ ]*?)\\s*(?:\\((?<args>[^)]*)\\))?\\s*(?<tz>with(?:out)? time zone)?"
          + "\\s*(?<dims>(?:\\[\\d*\\]\\s*)*|\\s+array)");

  /** @throws NullPointerException when name is null */
  public SqlType {
    Objects.requireNonNull(name, "name");
    raw = raw == null ? name : raw;
  }

  /**
   * A type that is not a domain.
   *
   * @param name canonical base name, never null
   * @param length the length, or null
   * @param precision the precision, or null
   * @param scale the scale, or null
   * @param arrayDimensions array dimensions
   * @param raw the source's spelling, or null for {@code name}
   * @throws NullPointerException when name is null
   */
  public SqlType(String name, Integer length, Integer precision, Integer scale, int arrayDimensions, String raw) {
    this(name, length, precision, scale, arrayDimensions, raw, false);
  }

  /**
   * The type of a column declared with a domain: compared as the domain's base type, written (in DDL
   * that restores the column) as the domain.
   *
   * @param domain the domain's name as the catalog spells it ({@code format_type} of the column's
   *     type: schema-qualified when not visible, quoted where needed), never null
   * @param baseType the domain's base type (for a domain over a domain, the innermost), never null
   * @return the base type marked as the domain
   * @throws NullPointerException when an argument is null
   */
  public static SqlType ofDomain(String domain, SqlType baseType) {
    Objects.requireNonNull(domain, "domain");
    return new SqlType(baseType.name, baseType.length, baseType.precision, baseType.scale, baseType.arrayDimensions,
        domain, true);
  }

  /**
   * Parses a type spelling from a catalog or from DDL into its canonical form.
   *
   * @param spelling e.g. {@code character varying(255)}, {@code _int4}, {@code timestamp(3) with time
   *     zone}, {@code float(53)}, {@code varchar(64) array}; never null
   * @return the canonical type; an unknown spelling (a user-defined type) keeps its spelling as name
   * @throws NullPointerException when spelling is null
   */
  public static SqlType parse(String spelling) {
    String trimmed = spelling.trim();
    String lower = trimmed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    Matcher m = SPELLING.matcher(lower);
    if (!m.matches()) {
      return new SqlType(trimmed, null, null, null, 0, spelling);
    }
    String base = m.group("base").trim();
    int dims = countDimensions(m.group("dims"));
    if (base.startsWith("_") && ALIASES.containsKey(base.substring(1))) {
      base = base.substring(1);
      dims = Math.max(dims, 1);
    }
    String tz = m.group("tz");
    if (tz != null) {
      base = base + " " + tz;
    }
    String canonical = ALIASES.get(base);
    if (canonical == null) {
      return new SqlType(trimmed, null, null, null, 0, spelling);
    }
    Integer[] args = parseArgs(m.group("args"));
    return canonicalize(canonical, args, dims, spelling);
  }

  private static SqlType canonicalize(String name, Integer[] args, int dims, String raw) {
    Integer first = args.length > 0 ? args[0] : null;
    switch (name) {
      case "varchar", "bit varying":
        return new SqlType(name, first, null, null, dims, raw);
      case "char", "bit":
        return new SqlType(name, first == null ? Integer.valueOf(1) : first, null, null, dims, raw);
      case "numeric":
        if (first == null) {
          return new SqlType(name, null, null, null, dims, raw);
        }
        return new SqlType(name, null, first, args.length > 1 ? args[1] : 0, dims, raw);
      case "float":
        // float(p): p of 1 to 24 is real, else double precision ("8.1.3. Floating-Point Types")
        String resolved = first != null && first <= 24 ? "real" : "double precision";
        return new SqlType(resolved, null, null, null, dims, raw);
      case "timestamp", "timestamp with time zone", "time", "time with time zone":
        return new SqlType(name, null, first == null ? DEFAULT_TIME_PRECISION : first, null, dims, raw);
      default:
        return new SqlType(name, null, null, null, dims, raw);
    }
  }

  private static Integer[] parseArgs(String args) {
    if (args == null || args.isBlank()) {
      return new Integer[0];
    }
    String[] parts = args.split(",");
    Integer[] values = new Integer[parts.length];
    for (int i = 0; i < parts.length; i++) {
      values[i] = Integer.valueOf(parts[i].trim());
    }
    return values;
  }

  private static int countDimensions(String dims) {
    if (dims == null || dims.isBlank()) {
      return 0;
    }
    return dims.trim().equals("array") ? 1 : (int) dims.chars().filter(c -> c == '[').count();
  }

  /** @return whether this is a builtin type of the alias table (not a user type) */
  public boolean isBuiltin() {
    return ALIASES.containsValue(name);
  }

  /** @return whether values are character strings: {@code varchar}, {@code char}, {@code text} */
  public boolean isText() {
    return arrayDimensions == 0 && (name.equals("varchar") || name.equals("char") || name.equals("text"));
  }

  /**
   * @return the canonical SQL spelling, e.g. {@code varchar(255)}, {@code numeric(38,2)}, {@code
   *     timestamp(6) with time zone}, {@code integer[]}; a user type as the source spelled it
   */
  public String sql() {
    return sql(precision);
  }

  /**
   * The canonical spelling as the source wrote it: {@link #sql()}, except that a fractional-second
   * precision of a time type that the source did not write ({@link #raw()} has no parenthesis: {@code
   * timestamp without time zone}, not {@code timestamp(6)}) is left out again. The two mean the same
   * type, but PostgreSQL records them differently ({@code atttypmod} -1 against 6, which {@code
   * format_type} shows), so a statement that restores a column as the catalog had it (an undo) writes
   * this spelling.
   *
   * @return e.g. {@code timestamp} for a type read as {@code timestamp without time zone}, {@code
   *     timestamp(6)} for one read as {@code timestamp(6) without time zone}; {@link #sql()} for any
   *     other type
   */
  public String spelledSql() {
    boolean time = name.equals("timestamp") || name.equals("timestamp with time zone") || name.equals("time")
        || name.equals("time with time zone");
    boolean implicit = time && !domain && Objects.equals(precision, DEFAULT_TIME_PRECISION) && raw.indexOf('(') < 0;
    return sql(implicit ? null : precision);
  }

  private String sql(Integer precision) {
    StringBuilder sb = new StringBuilder();
    int tz = name.indexOf(" with time zone");
    String base = tz >= 0 ? name.substring(0, tz) : name;
    sb.append(base);
    if (length != null) {
      sb.append('(').append(length).append(')');
    } else if (precision != null && scale != null) {
      sb.append('(').append(precision).append(',').append(scale).append(')');
    } else if (precision != null) {
      sb.append('(').append(precision).append(')');
    }
    if (tz >= 0) {
      sb.append(" with time zone");
    }
    sb.append("[]".repeat(arrayDimensions));
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SqlType t
        && name.equals(t.name)
        && Objects.equals(length, t.length)
        && Objects.equals(precision, t.precision)
        && Objects.equals(scale, t.scale)
        && arrayDimensions == t.arrayDimensions;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, length, precision, scale, arrayDimensions);
  }

  /** @return {@link #sql()} */
  @Override
  public String toString() {
    return sql();
  }
}
