package dev.autogen.codegen.postgres;

import java.util.Set;

/**
 * The PostgreSQL 15 key words that cannot stand as a bare identifier everywhere, by category, as
 * listed in PostgreSQL "Appendix C. SQL Key Words" (Table C.1) and returned by {@code
 * pg_get_keywords()}: reserved ({@code R}), "reserved (can be function or type)" ({@code T}) and
 * "non-reserved (cannot be function or type)" ({@code C}). Unreserved key words ({@code U}) are
 * ordinary identifiers and are not listed.
 *
 * <p>PostgreSQL's own {@code quote_ident()} (ruleutils.c {@code quote_identifier}) quotes every key
 * word that is not unreserved; {@link PostgresIdentifiers#quote(String)} does the same, so that a
 * name such as {@code time} or {@code values} is safe in every clause the renderer writes.
 */
final class PostgresKeywords {

  /** Category {@code R}: reserved key words. */
  static final Set<String> RESERVED = Set.of(
      "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case",
      "cast", "check", "collate", "column", "constraint", "create", "current_catalog",
      "current_date", "current_role", "current_time", "current_timestamp", "current_user",
      "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch",
      "for", "foreign", "from", "grant", "group", "having", "in", "initially", "intersect", "into",
      "lateral", "leading", "limit", "localtime", "localtimestamp", "not", "null", "offset", "on",
      "only", "or", "order", "placing", "primary", "references", "returning", "select",
      "session_user", "some", "symmetric", "table", "then", "to", "trailing", "true", "union",
      "unique", "user", "using", "variadic", "when", "where", "window", "with");

  /** Category {@code T}: reserved, but allowed as a function or type name. */
  static final Set<String> TYPE_FUNCTION_NAME = Set.of(
      "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze",
      "full", "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull",
      "outer", "overlaps", "right", "similar", "tablesample", "verbose");

  /** Category {@code C}: non-reserved, but not allowed as a function or type name. */
  static final Set<String> COLUMN_NAME = Set.of(
      "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal",
      "exists", "extract", "float", "greatest", "grouping", "inout", "int", "integer", "interval",
      "least", "national", "nchar", "none", "normalize", "nullif", "numeric", "out", "overlay",
      "position", "precision", "real", "row", "setof", "smallint", "substring", "time",
      "timestamp", "treat", "trim", "values", "varchar", "xmlattributes", "xmlconcat",
      "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot",
      "xmlserialize", "xmltable");

  private PostgresKeywords() {}

  /**
   * @param word a lower-case word, never null
   * @return whether the word is a key word of category R, T or C and so must be quoted to be used
   *     as an identifier in every position
   */
  static boolean requiresQuoting(String word) {
    return RESERVED.contains(word) || TYPE_FUNCTION_NAME.contains(word) || COLUMN_NAME.contains(word);
  }
}
