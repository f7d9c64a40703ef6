package dev.autogen.model.postgres;

import dev.autogen.model.postgres.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether a default expression is volatile: PostgreSQL "38.7. Function Volatility Categories". A
 * volatile default is evaluated once per row, so {@code ADD COLUMN ... DEFAULT} with it rewrites the
 * table ("ALTER TABLE", Notes); a stable or immutable one is evaluated once and kept in the catalog
 * (PostgreSQL 11+).
 *
 * <p>The verdict reads the function calls of the expression: a call of a function that {@code
 * pg_proc.provolatile} marks {@code v} in PostgreSQL 15 or in a common extension ({@link #VOLATILE})
 * is volatile; a call of a built-in known to be stable or immutable ({@link #NOT_VOLATILE}) is not;
 * any other call (a user function) is unknown. Type names after {@code ::} and {@code AS} are not
 * calls.
 */
final class PostgresVolatility {

  /** The answer for one expression. */
  enum Verdict {
    /** No volatile call: evaluated once. */
    NOT_VOLATILE,
    /** Calls a function whose volatility is not known here. */
    UNKNOWN,
    /** Calls a volatile function. */
    VOLATILE
  }

  /**
   * {@code provolatile = 'v'}: {@code random}, {@code clock_timestamp}, {@code timeofday}, {@code
   * gen_random_uuid} (core since 13, pgcrypto before), sequence functions; {@code uuid-ossp}'s
   * generators, pgcrypto's {@code gen_random_bytes}, PostgreSQL 18's {@code uuidv4}/{@code uuidv7}.
   */
  static final Set<String> VOLATILE = Set.of(
      "random", "random_normal", "clock_timestamp", "timeofday", "gen_random_uuid", "gen_random_bytes",
      "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7",
      "nextval", "currval", "lastval", "setval");

  /**
   * Built-ins that are stable ({@code now}, {@code statement_timestamp}, {@code
   * transaction_timestamp}, {@code current_setting}, the SQL value functions with a precision) or
   * immutable, as default expressions commonly use them.
   */
  static final Set<String> NOT_VOLATILE = Set.of(
      "now", "statement_timestamp", "transaction_timestamp", "current_setting", "current_timestamp",
      "current_time", "localtime", "localtimestamp", "cast", "coalesce", "nullif", "greatest", "least",
      "lower", "upper", "concat", "md5", "length", "substring", "trim", "btrim", "ltrim", "rtrim", "replace",
      "round", "abs", "floor", "ceil", "date_trunc", "date_part", "extract", "timezone", "to_char", "to_date",
      "to_timestamp", "make_date", "make_time", "make_timestamp", "make_timestamptz", "make_interval",
      "json_build_object", "jsonb_build_object", "json_build_array", "jsonb_build_array", "array_fill");

  private PostgresVolatility() {}

  /**
   * @param expression a default expression, never null
   * @return the worst verdict of its calls; {@link Verdict#UNKNOWN} when the text cannot be lexed
   */
  static Verdict of(String expression) {
    List<String> calls;
    try {
      calls = calls(ExpressionLexer.tokenize(expression));
    } catch (ExpressionSyntaxException e) {
      return Verdict.UNKNOWN;
    }
    if (calls.stream().anyMatch(VOLATILE::contains)) {
      return Verdict.VOLATILE;
    }
    return calls.stream().allMatch(NOT_VOLATILE::contains) ? Verdict.NOT_VOLATILE : Verdict.UNKNOWN;
  }

  /** The unqualified names of the functions called, type names after {@code ::} or {@code AS} left out. */
  private static List<String> calls(List<Token> tokens) {
    List<String> calls = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      Token t = tokens.get(i);
      if (t.isPunctuation("::") || t.isWord("as")) {
        i = afterTypeName(tokens, i + 1);
      } else {
        boolean name = t.kind() == Kind.WORD || t.kind() == Kind.IDENTIFIER;
        if (name && i + 1 < tokens.size() && tokens.get(i + 1).isPunctuation("(")) {
          calls.add(t.text());
        }
        i++;
      }
    }
    return calls;
  }

  /** Skips a type name's words and its parenthesised modifiers. */
  private static int afterTypeName(List<Token> tokens, int start) {
    int i = start;
    while (i < tokens.size() && (tokens.get(i).kind() == Kind.WORD || tokens.get(i).kind() == Kind.IDENTIFIER
        || tokens.get(i).isPunctuation("."))) {
      i++;
      if (i < tokens.size() && tokens.get(i).isPunctuation("(")) {
        while (i < tokens.size() && !tokens.get(i).isPunctuation(")")) {
          i++;
        }
        i++;
      }
    }
    return i;
  }
}
