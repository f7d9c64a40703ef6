package dev.autogen.model.postgres;

import dev.autogen.model.Column;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.Dialect;
import dev.autogen.model.GenerationChange;
import dev.autogen.model.SqlType;
import dev.autogen.model.TableRewrite;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * PostgreSQL knowledge: identifier folding, expression normalisation and column renaming inside
 * expressions ({@link PostgresExpressions}), and which {@code ALTER COLUMN ... TYPE} changes narrow,
 * rewrite or need {@code USING} (PostgreSQL "ALTER TABLE", Notes: a type change that is binary coercible, such as widening a
 * {@code varchar} or {@code varchar} to {@code text}, does not rewrite the table).
 */
public final class PostgresDialect implements Dialect {

  /** The one instance; the class holds no state. */
  public static final PostgresDialect INSTANCE = new PostgresDialect();

  private static final Map<String, Integer> INTEGER_RANK = Map.of("smallint", 1, "integer", 2, "bigint", 3);
  private static final List<Set<String>> FAMILIES = List.of(
      Set.of("varchar", "char", "text"),
      Set.of("smallint", "integer", "bigint", "numeric", "real", "double precision"),
      Set.of("timestamp", "timestamp with time zone", "date"),
      Set.of("time", "time with time zone"),
      Set.of("json", "jsonb"),
      Set.of("bit", "bit varying"));

  /** {@code server_version_num} of 9.2: widening type changes stopped rewriting. */
  static final int BINARY_COERCIBLE_WIDENING = 90200;
  /** {@code server_version_num} of 11: ADD COLUMN with a non-volatile default stopped rewriting. */
  static final int FAST_DEFAULT = 110000;
  /** {@code server_version_num} of 12: timestamp/timestamptz switch without rewrite in UTC. */
  static final int TIME_ZONE_SWITCH_WITHOUT_REWRITE = 120000;
  /** {@code server_version_num} of 12: SET NOT NULL proven by a validated check skips its scan. */
  static final int NOT_NULL_PROVEN_BY_CHECK = 120000;

  /** {@code server_version_num} of 13: {@code ALTER COLUMN ... DROP EXPRESSION}. */
  static final int DROP_EXPRESSION = 130000;
  /** {@code server_version_num} of 17: {@code ALTER COLUMN ... SET EXPRESSION AS (...)}. */
  static final int SET_EXPRESSION = 170000;

  private PostgresDialect() {}

  /**
   * {@inheritDoc}
   *
   * <p>PostgreSQL "ALTER TABLE": a generated column whose expression changes is altered in place with
   * {@code SET EXPRESSION} from PostgreSQL 17, known to be the server's version; with an unknown
   * version ({@link #LATEST_SERVER_VERSION}, replay mode) it is dropped and added again, which every
   * supported version runs (15 and 16 are still supported and have no {@code SET EXPRESSION}). A
   * generated column becoming plain drops its expression ({@code DROP EXPRESSION}, PostgreSQL 13+,
   * assumed when the version is unknown: 12 is out of support); a plain column becoming generated is
   * always dropped and added again (PostgreSQL cannot add an expression to an existing column).
   */
  @Override
  public GenerationChange generationChange(Column from, Column to, int serverVersion) {
    if (to.generated() == null) {
      return serverVersion >= DROP_EXPRESSION ? GenerationChange.DROP_EXPRESSION : GenerationChange.RECREATE;
    }
    boolean known = serverVersion != LATEST_SERVER_VERSION;
    return from.generated() != null && known && serverVersion >= SET_EXPRESSION
        ? GenerationChange.SET_EXPRESSION : GenerationChange.RECREATE;
  }

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public String defaultSchema() {
    return "public";
  }

  @Override
  public String foldIdentifier(String identifier) {
    return identifier.toLowerCase(Locale.ROOT);
  }

  @Override
  public String normalizeExpression(String expression) {
    return PostgresExpressions.normalize(expression);
  }

  @Override
  public String renameColumn(String expression, String from, String to) {
    return PostgresExpressions.renameColumn(expression, from, to);
  }

  @Override
  public boolean isNarrowing(SqlType from, SqlType to) {
    if (from.equals(to)) {
      return false;
    }
    if (from.arrayDimensions() != to.arrayDimensions()) {
      return true;
    }
    if (from.isText() && to.isText()) {
      return to.name().equals("char") && !from.name().equals("char") || lengthOf(to) < lengthOf(from);
    }
    Integer fromRank = INTEGER_RANK.get(from.name());
    Integer toRank = INTEGER_RANK.get(to.name());
    if (fromRank != null && toRank != null) {
      return toRank < fromRank;
    }
    if (fromRank != null && to.name().equals("numeric")) {
      return to.precision() != null && to.precision() - to.scale() < integerDigits(from);
    }
    if (from.name().equals("numeric") && to.name().equals("numeric")) {
      if (to.precision() == null) {
        return false;
      }
      if (from.precision() == null) {
        return true;
      }
      return to.scale() < from.scale() || to.precision() - to.scale() < from.precision() - from.scale();
    }
    if (from.name().equals("real") && to.name().equals("double precision")) {
      return false;
    }
    if (from.name().equals(to.name()) && from.precision() != null && to.precision() != null) {
      return to.precision() < from.precision();
    }
    if (from.name().equals(to.name()) && from.length() != null) {
      return to.length() != null && to.length() < from.length();
    }
    if (from.name().equals("timestamp") && to.name().equals("timestamp with time zone")
        || from.name().equals("time") && to.name().equals("time with time zone")
        || from.name().equals("json") && to.name().equals("jsonb")) {
      return false;
    }
    return !to.name().equals("text");
  }

  /** Answers {@link #typeChangeRewrite} for the newest version: true also for a possible rewrite. */
  @Override
  public boolean rewritesTable(SqlType from, SqlType to) {
    return typeChangeRewrite(from, to, LATEST_SERVER_VERSION).mayRewrite();
  }

  /**
   * PostgreSQL "ALTER TABLE", Notes: changing a column's type rewrites the table and its indexes,
   * except when the old type is binary coercible to the new one and no {@code USING} changes the
   * values. Binary coercible since 9.2 (release notes E.x "9.2", ALTER TABLE: widening {@code
   * varchar(n)}, {@code varchar} to {@code text}, raising {@code numeric} precision at equal scale or
   * dropping its constraint, widening {@code time}/{@code timestamp} precision, widening {@code
   * varbit}). Since 12 (release notes "12", "Allow ALTER TABLE ... SET DATA TYPE changing between
   * timestamp and timestamptz to avoid a table rewrite when the session time zone is UTC") {@code
   * timestamp} to {@code timestamptz} and back is a possible rewrite: none when the session's {@code
   * TimeZone} is UTC. {@code integer} to {@code bigint} and any other change rewrite. A column of a
   * domain ({@link SqlType#domain()}) is converted from the domain's base type, but its own {@code
   * atttypmod} is -1, so a target with a length or precision always rewrites: the length coercion's
   * support function ({@code varchar_support}, {@code numeric_support}, {@code timestamp_support})
   * proves a widening only from a known old modifier.
   */
  @Override
  public TableRewrite typeChangeRewrite(SqlType from, SqlType to, int serverVersion) {
    if (from.equals(to)) {
      return TableRewrite.none();
    }
    if (from.arrayDimensions() != to.arrayDimensions()) {
      return TableRewrite.certain("the values are converted between " + from.sql() + " and " + to.sql());
    }
    if (from.domain() && (to.length() != null || to.precision() != null)) {
      return TableRewrite.certain("a column of domain " + from.raw() + " has no length or precision of its own,"
          + " so each value is converted to " + to.sql());
    }
    if (isBinaryCoercible(from, to)) {
      return serverVersion >= BINARY_COERCIBLE_WIDENING ? TableRewrite.none()
          : TableRewrite.certain("before PostgreSQL 9.2 even a widening type change rewrites the table");
    }
    if (isTimeZoneSwitch(from, to) && serverVersion >= TIME_ZONE_SWITCH_WITHOUT_REWRITE) {
      return TableRewrite.possible("unless the session TimeZone is UTC, " + from.sql() + " values are converted to "
          + to.sql());
    }
    return TableRewrite.certain(from.sql() + " is not binary coercible to " + to.sql());
  }

  /**
   * PostgreSQL "ALTER TABLE", Notes: "When a column is added with ADD COLUMN and a non-volatile
   * DEFAULT is specified, the default is evaluated at the time of the statement and the result stored
   * in the table's metadata" (since 11; before, any non-null default rewrote the table). A volatile
   * default ({@code random()}, {@code clock_timestamp()}, {@code gen_random_uuid()}, {@code nextval},
   * so {@code serial} and identity columns too) and a stored generated column are computed for each
   * row and rewrite the table; {@code now()} is stable and does not. A default calling a function of
   * unknown volatility is a possible rewrite.
   */
  @Override
  public TableRewrite addColumnRewrite(Column added, int serverVersion) {
    if (added.generated() != null) {
      return TableRewrite.certain("a stored generated column is computed for every row");
    }
    if (added.identity() != null) {
      return TableRewrite.certain("an identity column takes a sequence value for every row");
    }
    DefaultExpr value = added.defaultValue();
    if (value == null || value instanceof DefaultExpr.Literal l && l.sql().equals("null")) {
      return TableRewrite.none();
    }
    PostgresVolatility.Verdict volatility = value instanceof DefaultExpr.NextValue
        ? PostgresVolatility.Verdict.VOLATILE : PostgresVolatility.of(value.sql());
    if (volatility == PostgresVolatility.Verdict.VOLATILE) {
      return TableRewrite.certain("the default " + value.sql() + " is volatile and is evaluated for every row");
    }
    if (serverVersion < FAST_DEFAULT) {
      return TableRewrite.certain("before PostgreSQL 11 a non-null default is written into every row");
    }
    if (volatility == PostgresVolatility.Verdict.UNKNOWN) {
      return TableRewrite.possible("if the default " + value.sql() + " calls a volatile function,"
          + " it is evaluated for every row");
    }
    return TableRewrite.none();
  }

  /**
   * PostgreSQL "ALTER TABLE", SET NOT NULL (since 12, release notes "12": "Allow ALTER TABLE ... SET
   * NOT NULL to avoid unnecessary table scans"): "if a valid CHECK constraint is found which proves no
   * NULL can exist, then the table scan is skipped".
   */
  @Override
  public boolean notNullProvenByCheck(int serverVersion) {
    return serverVersion >= NOT_NULL_PROVEN_BY_CHECK;
  }

  private static boolean isTimeZoneSwitch(SqlType from, SqlType to) {
    boolean switches = from.name().equals("timestamp") && to.name().equals("timestamp with time zone")
        || from.name().equals("timestamp with time zone") && to.name().equals("timestamp");
    return switches && to.precision() >= from.precision();
  }

  private static boolean isBinaryCoercible(SqlType from, SqlType to) {
    String f = from.name();
    String t = to.name();
    if ((f.equals("varchar") || f.equals("text")) && t.equals("text")) {
      return true;
    }
    if (f.equals("varchar") && t.equals("varchar")) {
      return to.length() == null || from.length() != null && to.length() >= from.length();
    }
    if (f.equals("text") && t.equals("varchar")) {
      return to.length() == null;
    }
    if (f.equals("numeric") && t.equals("numeric")) {
      // raising precision at equal scale, or dropping the constraint, does not rewrite
      return to.precision() == null
          || from.precision() != null && Objects.equals(from.scale(), to.scale())
              && to.precision() >= from.precision();
    }
    if (f.equals("bit varying") && t.equals("bit varying")) {
      return to.length() == null || from.length() != null && to.length() >= from.length();
    }
    // timestamp precision changes are metadata-only when widening (PostgreSQL 12+ notes)
    return f.equals(t) && (f.startsWith("timestamp") || f.startsWith("time"))
        && to.precision() >= from.precision();
  }

  /**
   * {@inheritDoc}
   *
   * <p>A switch between {@code timestamp} and {@code timestamp with time zone} (or {@code time} and
   * {@code time with time zone}) is never a widening, in either direction: the conversion reads every
   * stored value in the session's {@code TimeZone} and stores another instant or wall-clock time
   * (PostgreSQL "8.5.1.3. Time Stamps": a {@code timestamp without time zone} value converted to
   * {@code timestamp with time zone} "is assumed to be in the time zone specified by the TimeZone
   * configuration parameter"), so the same rows mean different times depending on where it runs.
   */
  @Override
  public boolean widens(SqlType from, SqlType to) {
    return !switchesTimeZone(from, to) && Dialect.super.widens(from, to);
  }

  /** Whether the two types are the same time type with and without time zone. */
  private static boolean switchesTimeZone(SqlType from, SqlType to) {
    String f = from.name().replace(" with time zone", "");
    String t = to.name().replace(" with time zone", "");
    return f.equals(t) && (f.equals("timestamp") || f.equals("time")) && !from.name().equals(to.name());
  }

  @Override
  public boolean needsUsingClause(SqlType from, SqlType to) {
    if (from.equals(to) || to.name().equals("text") || to.isText() && from.isText()) {
      return false;
    }
    return !sameFamily(from, to) || from.isText() != to.isText();
  }

  @Override
  public boolean sameFamily(SqlType a, SqlType b) {
    if (a.arrayDimensions() != b.arrayDimensions()) {
      return false;
    }
    if (a.name().equals(b.name())) {
      return true;
    }
    return FAMILIES.stream().anyMatch(f -> f.contains(a.name()) && f.contains(b.name()));
  }

  private static int lengthOf(SqlType t) {
    return t.length() == null ? Integer.MAX_VALUE : t.length();
  }

  private static int integerDigits(SqlType integerType) {
    return switch (integerType.name()) {
      case "smallint" -> 5;
      case "integer" -> 10;
      default -> 19;
    };
  }
}
