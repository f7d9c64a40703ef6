package dev.autogen.model.postgres;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * PostgreSQL 15 key words that are not "unreserved" (Appendix C, "SQL Key Words"; the same list as
 * {@code select word from pg_get_keywords() where catcode <> 'U'}), and the identifier quoting rule
 * of {@code quote_identifier} in {@code src/backend/utils/adt/ruleutils.c}.
 */
final class SqlKeywords {

  /** Reserved key words (category R): never a column name without quotes. */
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

  /** Key words that may name a function or type but not a column (category T). */
  static final Set<String> TYPE_FUNC_NAME = Set.of(
      "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze",
      "full", "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer",
      "overlaps", "right", "similar", "tablesample", "verbose");

  /** Key words that may name a column but not a function or type (category C). */
  static final Set<String> COL_NAME = Set.of(
      "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal",
      "exists", "extract", "float", "greatest", "grouping", "inout", "int", "integer", "interval",
      "least", "national", "nchar", "none", "normalize", "nullif", "numeric", "out", "overlay",
      "position", "precision", "real", "row", "setof", "smallint", "substring", "time", "timestamp",
      "treat", "trim", "values", "varchar", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists",
      "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable");

  /** Column-name key words that are written like a function call. */
  private static final Set<String> CALL_SYNTAX = Set.of("coalesce", "nullif", "greatest", "least");

  private static final Pattern SAFE = Pattern.compile("[a-z_][a-z0-9_]*");

  private SqlKeywords() {}

  /**
   * Spells an identifier the way {@code quote_identifier} does: bare when it is lower case letters,
   * digits and underscores, does not start with a digit and is not a non-unreserved key word;
   * otherwise in double quotes with embedded quotes doubled.
   *
   * @param name the identifier's exact (already folded) name, never null
   * @return the identifier as SQL text
   */
  static String quoteIdentifier(String name) {
    if (SAFE.matcher(name).matches() && !isKeyword(name)) {
      return name;
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /**
   * Spells a function name: like {@link #quoteIdentifier(String)}, but bare for the key words the
   * grammar accepts before {@code (}: type/function-name key words ({@code left}) and the
   * column-name key words with a call syntax of their own ({@code coalesce}, {@code nullif},
   * {@code greatest}, {@code least}).
   *
   * @param name the function's exact name, never null
   * @return the name as SQL text
   */
  static String quoteFunctionName(String name) {
    boolean bare = SAFE.matcher(name).matches() && !RESERVED.contains(name)
        && (!COL_NAME.contains(name) || CALL_SYNTAX.contains(name));
    return bare ? name : '"' + name.replace("\"", "\"\"") + '"';
  }

  /**
   * @param word a lower-case word
   * @return whether the word is a key word of category R, T or C
   */
  static boolean isKeyword(String word) {
    return RESERVED.contains(word) || TYPE_FUNC_NAME.contains(word) || COL_NAME.contains(word);
  }
}
