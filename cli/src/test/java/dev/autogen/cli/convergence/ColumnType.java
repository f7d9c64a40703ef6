package dev.autogen.cli.convergence;

import static dev.autogen.model.postgres.PostgresIdentifiers.quote;

import dev.autogen.model.DefaultExpr;
import dev.autogen.model.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The column types the generators use, what PostgreSQL accepts for each (defaults, checks, index
 * methods) and the type changes a real migration makes within a family (PostgreSQL "ALTER TABLE ...
 * ALTER COLUMN ... TYPE": an assignment cast, or a {@code USING} conversion that works on any value).
 * Every answer holds for every type of the family, so a check, an expression index or a default stays
 * valid when its column changes type within the family.
 */
enum ColumnType {
  SMALLINT(Family.INTEGER), INTEGER(Family.INTEGER), BIGINT(Family.INTEGER),
  NUMERIC(Family.DECIMAL), REAL(Family.DECIMAL), DOUBLE(Family.DECIMAL),
  VARCHAR(Family.TEXT), CHAR(Family.TEXT), TEXT(Family.TEXT),
  DATE(Family.TIMESTAMP), TIMESTAMP(Family.TIMESTAMP), TIMESTAMPTZ(Family.TIMESTAMP),
  TIME(Family.TIME), TIMETZ(Family.TIME),
  BOOLEAN(Family.OTHER), INTERVAL(Family.OTHER), UUID(Family.OTHER), JSONB(Family.OTHER), BYTEA(Family.OTHER),
  INTEGER_ARRAY(Family.ARRAY), TEXT_ARRAY(Family.ARRAY),
  /** A column of one of the schema's enum types; {@code TEXT} when the schema has none. */
  ENUM(Family.ENUM);

  /** Groups of types between which a column's type may change. */
  enum Family { INTEGER, DECIMAL, TEXT, TIMESTAMP, TIME, OTHER, ARRAY, ENUM }

  final Family family;

  ColumnType(Family family) {
    this.family = family;
  }

  /**
   * @param a first generated parameter: length of varchar/char ({@code 0}: none for varchar),
   *     precision of numeric ({@code 0}: unconstrained) and of time types ({@code 0}: none written)
   * @param b second generated parameter: numeric scale, leaving at least two integer digits
   * @return the type's SQL spelling; for {@link #ENUM} see {@link #enumSpelling}
   */
  String spelling(int a, int b) {
    int precision = 2 + a % 17;
    return switch (this) {
      case SMALLINT -> "smallint";
      case INTEGER -> "integer";
      case BIGINT -> "bigint";
      // at least two integer digits: every default of the family (42, -1) fits
      case NUMERIC -> a == 0 ? "numeric" : "numeric(" + precision + "," + b % (precision - 1) + ")";
      case REAL -> "real";
      case DOUBLE -> "double precision";
      case VARCHAR -> a == 0 ? "varchar" : "varchar(" + (3 + a) + ")";
      case CHAR -> "char(" + (4 + a) + ")";
      case TEXT, ENUM -> "text";
      case DATE -> "date";
      case TIMESTAMP -> a == 0 ? "timestamp" : "timestamp(" + a % 7 + ")";
      case TIMESTAMPTZ -> a == 0 ? "timestamp with time zone" : "timestamp(" + a % 7 + ") with time zone";
      case TIME -> a == 0 ? "time" : "time(" + a % 7 + ")";
      case TIMETZ -> a == 0 ? "time with time zone" : "time(" + a % 7 + ") with time zone";
      case BOOLEAN -> "boolean";
      case INTERVAL -> "interval";
      case UUID -> "uuid";
      case JSONB -> "jsonb";
      case BYTEA -> "bytea";
      case INTEGER_ARRAY -> "integer[]";
      case TEXT_ARRAY -> "text[]";
    };
  }

  /**
   * @param enumName an enum type's name as stored
   * @param array whether the column is an array of it
   * @return the type as {@code format_type} spells it and the introspector reads it
   */
  static SqlType enumType(String enumName, boolean array) {
    return SqlType.parse(quote(enumName) + (array ? "[]" : ""));
  }

  /**
   * @param type a column's type
   * @return the generator type it is, or empty for a user type (an enum or an array of one)
   */
  static Optional<ColumnType> of(SqlType type) {
    if (!type.isBuiltin()) {
      return Optional.empty();
    }
    if (type.arrayDimensions() > 0) {
      return Optional.of(type.name().equals("integer") ? INTEGER_ARRAY : TEXT_ARRAY);
    }
    return Optional.of(switch (type.name()) {
      case "smallint" -> SMALLINT;
      case "integer" -> INTEGER;
      case "bigint" -> BIGINT;
      case "numeric" -> NUMERIC;
      case "real" -> REAL;
      case "double precision" -> DOUBLE;
      case "varchar" -> VARCHAR;
      case "char" -> CHAR;
      case "date" -> DATE;
      case "timestamp" -> TIMESTAMP;
      case "timestamp with time zone" -> TIMESTAMPTZ;
      case "time" -> TIME;
      case "time with time zone" -> TIMETZ;
      case "boolean" -> BOOLEAN;
      case "interval" -> INTERVAL;
      case "uuid" -> UUID;
      case "jsonb" -> JSONB;
      case "bytea" -> BYTEA;
      default -> TEXT;
    });
  }

  /** @return whether identity ({@code GENERATED ... AS IDENTITY}) and {@code serial} sequences fit */
  boolean integral() {
    return family == Family.INTEGER;
  }

  /**
   * The constant and expression defaults PostgreSQL accepts for every type of the family, each
   * parsed as the model parses a catalog's default. Text defaults are at most 3 characters, which
   * every generated {@code varchar(n)} and {@code char(n)} holds.
   *
   * @return the defaults, never empty
   */
  List<DefaultExpr> defaults() {
    List<String> sql = switch (family) {
      case INTEGER -> List.of("0", "42", "-1");
      case DECIMAL -> List.of("0", "42", "-1", "(1 + 2)");
      case TEXT -> List.of("''", "'a'", "'it''s'", "'x y'", "lower('AB')");
      case TIMESTAMP -> List.of("'2020-01-01'", "CURRENT_DATE", "now()");
      case TIME -> List.of("'12:30:00'", "LOCALTIME");
      case ARRAY -> List.of("'{}'");
      case ENUM -> List.of();
      case OTHER -> switch (this) {
        case BOOLEAN -> List.of("true", "false");
        case INTERVAL -> List.of("'1 day'", "'01:00:00'");
        case UUID -> List.of("gen_random_uuid()", "'00000000-0000-0000-0000-000000000000'");
        case JSONB -> List.of("'{}'", "'[1, 2]'");
        default -> List.of("'\\x00ff'");
      };
    };
    List<DefaultExpr> parsed = new ArrayList<>();
    sql.forEach(s -> parsed.add(DefaultExpr.parse(s)));
    return parsed;
  }

  /**
   * @param from the column's type
   * @param integralOnly whether the column is an identity or {@code serial} column, which must stay
   *     {@code smallint}, {@code integer} or {@code bigint}
   * @param choice a generated number
   * @return another type the column may change to, a migration's everyday type change (widening,
   *     narrowing that empty tables accept, a precision change, with and without time zone); from
   *     itself for a type with no relative
   */
  static SqlType related(SqlType from, boolean integralOnly, int choice) {
    List<String> relatives = switch (of(from).map(t -> t.family).orElse(Family.ENUM)) {
      case INTEGER -> integralOnly ? List.of("smallint", "integer", "bigint")
          : List.of("smallint", "integer", "bigint", "numeric(12,0)", "numeric(14,2)");
      case DECIMAL -> List.of("numeric", "numeric(10,2)", "numeric(18,4)", "numeric(6,1)", "real", "double precision");
      case TEXT -> List.of("text", "varchar", "varchar(10)", "varchar(200)", "char(5)", "char(12)");
      case TIMESTAMP -> List.of("date", "timestamp(0)", "timestamp", "timestamp(3) with time zone",
          "timestamp with time zone");
      case TIME -> List.of("time(0)", "time", "time(3) with time zone", "time with time zone");
      case OTHER, ARRAY -> List.of(from.sql());
      case ENUM -> List.of(from.arrayDimensions() > 0 || from.name().endsWith("[]") ? "text[]" : "text");
    };
    List<SqlType> others = relatives.stream().map(SqlType::parse).filter(t -> !t.equals(from)).toList();
    return others.isEmpty() ? from : others.get(Math.floorMod(choice, others.size()));
  }

  /**
   * @param quotedColumn the column, as written in SQL
   * @return check expressions valid on every type of the family; empty when the family gets none
   */
  List<String> checks(String quotedColumn) {
    return switch (family) {
      case INTEGER, DECIMAL -> List.of(quotedColumn + " > 0", quotedColumn + " >= -1");
      case TEXT -> List.of("char_length(" + quotedColumn + ") <= 100", quotedColumn + " <> ''");
      case TIMESTAMP -> List.of(quotedColumn + " > '2000-01-01'");
      default -> List.of();
    };
  }

  /** @return whether a hash index fits */
  boolean hashable() {
    return family == Family.INTEGER || family == Family.TEXT || this == UUID || this == DATE;
  }

  /** @return whether a GIN index fits ({@code jsonb_ops}, {@code array_ops}) */
  boolean ginnable() {
    return this == JSONB || family == Family.ARRAY;
  }

  /** @return whether a BRIN minmax index fits */
  boolean brinnable() {
    return family == Family.INTEGER || family == Family.TIMESTAMP;
  }
}
