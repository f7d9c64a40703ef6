package dev.autogen.model.postgres;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How PostgreSQL identifiers are spelled in SQL text: the one place that knows which PostgreSQL 15
 * key words need quoting and when a name may stand bare.
 *
 * <p>The key words are those that are not "unreserved" in PostgreSQL "Appendix C. SQL Key Words"
 * (Table C.1), the same list as {@code select word from pg_get_keywords() where catcode <> 'U'}:
 * reserved ({@code R}), "reserved (can be function or type)" ({@code T}) and "non-reserved (cannot
 * be function or type)" ({@code C}). The quoting rule is that of {@code quote_identifier} in {@code
 * src/backend/utils/adt/ruleutils.c}, which SQL's {@code quote_ident()} calls: a name stays bare
 * only when PostgreSQL would read it back unchanged ("4.1.1. Identifiers and Key Words"), so it is
 * safe in every clause.
 */
public final class PostgresIdentifiers {

  /** Category {@code R}: reserved key words, never a bare column name. */
  static final Set<String> RESERVED = Set.of(
      "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case",
      "cast", "check", "collate", "column", "constraint", "create", "current_catalog", "current_date",
      "current_role", "current_time", "current_timestamp", "current_user", "default", "deferrable",
      "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "from",
      "grant", "group", "having", "in", "initially", "intersect", "into", "lateral", "leading", "limit",
      "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or", "order", "placing",
      "primary", "references", "returning", "select", "session_user", "some", "symmetric", "table",
      "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "when", "where",
      "window", "with");

  /** Category {@code T}: key words that may name a function or type but not a column. */
  static final Set<String> TYPE_FUNC_NAME = Set.of(
      "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze",
      "full", "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer",
      "overlaps", "right", "similar", "tablesample", "verbose");

  /** Category {@code C}: key words that may name a column but not a function or type. */
  static final Set<String> COL_NAME = Set.of(
      "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal",
      "exists", "extract", "float", "greatest", "grouping", "inout", "int", "integer", "interval",
      "least", "national", "nchar", "none", "normalize", "nullif", "numeric", "out", "overlay",
      "position", "precision", "real", "row", "setof", "smallint", "substring", "time", "timestamp",
      "treat", "trim", "values", "varchar", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists",
      "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable");

  /** Column-name key words that are written like a function call. */
  private static final Set<String> CALL_SYNTAX = Set.of("coalesce", "nullif", "greatest", "least");

  /** What an unquoted identifier folds to unchanged: lower-case ASCII letters, digits, underscores. */
  private static final Pattern BARE = Pattern.compile("[a-z_][a-z0-9_]*");

  private PostgresIdentifiers() {}

  /**
   * Spells an identifier exactly as PostgreSQL's {@code quote_ident()} does.
   *
   * @param identifier a name exactly as the catalog stores it (already folded), never null
   * @return the name bare when it matches {@code [a-z_][a-z0-9_]*} and is not a key word ({@link
   *     #isKeyword(String)}); otherwise in double quotes with embedded {@code "} doubled, e.g. {@code
   *     customer}, {@code "Order"}, {@code "user"}, {@code "we""ird"}, {@code ""}
   * @throws NullPointerException when identifier is null
   */
  public static String quote(String identifier) {
    Objects.requireNonNull(identifier, "identifier");
    return BARE.matcher(identifier).matches() && !isKeyword(identifier) ? identifier : quoted(identifier);
  }

  /**
   * Whether a word is a key word that cannot stand as a bare identifier everywhere.
   *
   * @param word a word in lower case, never null
   * @return true when the word is a PostgreSQL 15 key word of category {@code R}, {@code T} or
   *     {@code C} (see the class comment); false for unreserved key words and any other word
   * @throws NullPointerException when word is null
   */
  public static boolean isKeyword(String word) {
    Objects.requireNonNull(word, "word");
    return RESERVED.contains(word) || TYPE_FUNC_NAME.contains(word) || COL_NAME.contains(word);
  }

  /**
   * Spells a function name: like {@link #quote(String)}, but bare for the key words the grammar
   * accepts before {@code (}: type/function-name key words ({@code left}) and the column-name key
   * words with a call syntax of their own ({@code coalesce}, {@code nullif}, {@code greatest},
   * {@code least}).
   *
   * @param name the function's exact name, never null
   * @return the name as SQL text
   */
  static String quoteFunctionName(String name) {
    boolean bare = BARE.matcher(name).matches() && !RESERVED.contains(name)
        && (!COL_NAME.contains(name) || CALL_SYNTAX.contains(name));
    return bare ? name : quoted(name);
  }

  private static String quoted(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
