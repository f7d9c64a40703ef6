package dev.autogen.model.postgres;

import dev.autogen.model.Dialect;
import dev.autogen.model.SqlType;
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

  private PostgresDialect() {}

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

  @Override
  public boolean rewritesTable(SqlType from, SqlType to) {
    if (from.equals(to)) {
      return false;
    }
    if (from.arrayDimensions() == to.arrayDimensions() && isBinaryCoercible(from, to)) {
      return false;
    }
    return true;
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
