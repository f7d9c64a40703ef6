package dev.autogen.model.postgres;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The target type of a cast, in the canonical spelling of PostgreSQL's {@code format_type}
 * ({@code src/backend/utils/adt/format_type.c}): {@code integer}, {@code character varying(10)},
 * {@code numeric(10,2)}, {@code timestamp(3) with time zone}, {@code text[]}. Aliases collapse
 * following "8. Data Types", Table 8.1, and the grammar's type productions: {@code int4} =
 * {@code int} = {@code integer}, {@code varchar} = {@code character varying}, {@code char} =
 * {@code character(1)}, {@code float(24)} = {@code real}, {@code numeric(10)} = {@code numeric(10,0)}.
 *
 * @param name the canonical base name without modifiers; a user type as a (possibly qualified,
 *     quoted where needed) SQL name
 * @param modifiers the type modifiers, e.g. {@code ["10", "2"]}; empty when none
 * @param dimensions 0 for a scalar, 1 for {@code text[]}, ...
 */
record TypeName(String name, List<String> modifiers, int dimensions) {

  /** Spellings of builtin types accepted without quotes: the grammar's key words and pg_type names. */
  private static final Map<String, String> UNQUOTED = Map.ofEntries(
      Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("integer", "integer"),
      Map.entry("int2", "smallint"), Map.entry("smallint", "smallint"),
      Map.entry("int8", "bigint"), Map.entry("bigint", "bigint"),
      Map.entry("float4", "real"), Map.entry("real", "real"),
      Map.entry("float8", "double precision"), Map.entry("double precision", "double precision"),
      Map.entry("float", "float"), Map.entry("decimal", "numeric"), Map.entry("dec", "numeric"),
      Map.entry("numeric", "numeric"), Map.entry("bool", "boolean"), Map.entry("boolean", "boolean"),
      Map.entry("varchar", "character varying"), Map.entry("character varying", "character varying"),
      Map.entry("character", "character"), Map.entry("bpchar", "bpchar"), Map.entry("text", "text"),
      Map.entry("name", "name"), Map.entry("timestamp", "timestamp"), Map.entry("timestamptz", "timestamptz"),
      Map.entry("time", "time"), Map.entry("timetz", "timetz"), Map.entry("date", "date"),
      Map.entry("interval", "interval"), Map.entry("bit", "bit"), Map.entry("varbit", "bit varying"),
      Map.entry("bit varying", "bit varying"));

  /** pg_type names, the only builtin spellings a quoted type name may use. */
  private static final Set<String> PG_TYPE_NAMES = Set.of(
      "int4", "int2", "int8", "float4", "float8", "numeric", "bool", "varchar", "bpchar", "text",
      "name", "timestamp", "timestamptz", "time", "timetz", "date", "interval", "bit", "varbit");

  /** Character types: casting a value among them (without a length) never changes it. */
  static final Set<String> TEXT_TYPES = Set.of("text", "character varying");

  /** Types a literal may be cast to without a change of meaning in an implicit-cast context. */
  static final Set<String> LITERAL_TEXT_TYPES = Set.of("text", "character varying", "bpchar", "name");

  /** The numeric types of "8.1. Numeric Types". */
  static final Set<String> NUMERIC_TYPES =
      Set.of("smallint", "integer", "bigint", "numeric", "real", "double precision");

  /** Integer types: a cast to them rounds a fraction. */
  static final Set<String> INTEGER_TYPES = Set.of("smallint", "integer", "bigint");

  /** Numeric types every other numeric type converts to implicitly (pg_cast context 'i'), losslessly or nearly. */
  static final Set<String> WIDE_NUMERIC_TYPES = Set.of("numeric", "double precision");

  /**
   * @throws NullPointerException when name or modifiers is null
   */
  TypeName {
    Objects.requireNonNull(name, "name");
    modifiers = List.copyOf(modifiers);
  }

  /**
   * Canonicalises a parsed type spelling.
   *
   * @param parts the name parts as the parser read them (unquoted parts lower case; multi-word
   *     builtin names such as {@code double precision} as one part), never empty
   * @param quoted whether the (single) name part was written in double quotes
   * @param modifiers the modifiers as written
   * @param withTimeZone {@code TRUE}, {@code FALSE} or null when no {@code with[out] time zone} was written
   * @param dimensions array dimensions
   * @return the canonical type
   */
  static TypeName of(List<String> parts, boolean quoted, List<String> modifiers, Boolean withTimeZone, int dimensions) {
    String builtin = builtinName(parts, quoted);
    if (builtin == null) {
      String sql = String.join(".", parts.stream().map(PostgresIdentifiers::quote).toList());
      return new TypeName(sql, modifiers, dimensions);
    }
    boolean zone = withTimeZone != null ? withTimeZone : builtin.endsWith("tz");
    return switch (builtin) {
      case "timestamp", "timestamptz" -> new TypeName(zone ? "timestamp with time zone" : "timestamp without time zone", modifiers, dimensions);
      case "time", "timetz" -> new TypeName(zone ? "time with time zone" : "time without time zone", modifiers, dimensions);
      case "float" -> new TypeName(
          !modifiers.isEmpty() && isSmallFloat(modifiers.get(0)) ? "real" : "double precision", List.of(), dimensions);
      case "numeric" -> new TypeName(builtin, modifiers.size() == 1 ? List.of(modifiers.get(0), "0") : modifiers, dimensions);
      case "character", "bit" -> new TypeName(builtin, modifiers.isEmpty() && !quoted ? List.of("1") : modifiers, dimensions);
      default -> new TypeName(builtin, modifiers, dimensions);
    };
  }

  private static String builtinName(List<String> parts, boolean quoted) {
    if (parts.size() == 2 && parts.get(0).equals("pg_catalog") && PG_TYPE_NAMES.contains(parts.get(1))) {
      return UNQUOTED.get(parts.get(1));
    }
    if (parts.size() != 1) {
      return null;
    }
    String name = parts.get(0);
    if (quoted) {
      return PG_TYPE_NAMES.contains(name) ? UNQUOTED.get(name) : null;
    }
    return UNQUOTED.get(name);
  }

  private static boolean isSmallFloat(String precision) {
    try {
      return Integer.parseInt(precision) <= 24;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** @return whether the type has no modifiers (no length, precision or scale) */
  boolean unmodified() {
    return modifiers.isEmpty();
  }

  /** @return the SQL spelling, e.g. {@code timestamp(3) with time zone}, {@code numeric(10,2)[]} */
  String sql() {
    String mods = modifiers.isEmpty() ? "" : "(" + String.join(",", modifiers) + ")";
    int zone = name.startsWith("time") ? name.indexOf(" with") : -1;
    String base = zone > 0 ? name.substring(0, zone) + mods + name.substring(zone) : name + mods;
    return base + "[]".repeat(dimensions);
  }
}
