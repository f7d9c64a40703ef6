package dev.autogen.model.postgres;

import java.util.Objects;

/**
 * Canonical text for PostgreSQL expressions (check constraints, index predicates, defaults), so
 * that an expression as an entity or a person writes it and as the catalog deparses it
 * ({@code pg_get_constraintdef}, {@code pg_get_expr}) compare equal: {@code status in ('A','B')}
 * and {@code ((status)::text = ANY ((ARRAY['A'::character varying, 'B'::character
 * varying])::text[]))} both become {@code status in ('A', 'B')}.
 *
 * <p>The text is lexed ({@link ExpressionLexer}), parsed ({@link ExpressionParser}), rewritten into
 * one tree per meaning ({@link ExpressionCanonicalizer}: implicit casts dropped, IN/ANY, BETWEEN,
 * NOT and current-timestamp spellings unified) and printed ({@link ExpressionPrinter}: lower case,
 * minimal parentheses, identifiers quoted only where needed).
 */
public final class PostgresExpressions {

  private PostgresExpressions() {}

  /**
   * Canonicalises an expression. Equal results mean equal meaning; two spellings of one meaning
   * give equal results except in exotic cases (for example a constant the catalog stores
   * re-formatted, such as {@code '2020-01-01'::timestamp} deparsed as {@code '2020-01-01
   * 00:00:00'::timestamp without time zone}). An expression outside the supported subset (a
   * subquery, a window function, ...) is not rejected: its canonical text is the input with
   * whitespace collapsed and everything outside quotes in lower case.
   *
   * @param expression an SQL expression without a surrounding {@code CHECK ( )}, never null
   * @return its canonical text, never null
   * @throws NullPointerException when expression is null
   */
  public static String normalize(String expression) {
    Objects.requireNonNull(expression, "expression");
    try {
      return ExpressionPrinter.print(ExpressionCanonicalizer.canonicalize(ExpressionParser.parse(expression)));
    } catch (ExpressionSyntaxException e) {
      return plainText(expression);
    }
  }

  /**
   * Renames a column inside an expression, as {@code ALTER TABLE ... RENAME COLUMN} renames it in
   * the table's checks, index expressions and partial-index predicates (PostgreSQL "ALTER TABLE",
   * {@code RENAME}: those expressions store column numbers, so their deparsed text follows).
   *
   * <p>Every column reference whose last name part is {@code from}, bare or qualified by a table
   * (or schema and table) name, names {@code to} instead. String constants, other identifiers,
   * function, type and collation names stay as they are. The result is the parsed tree printed by
   * {@link ExpressionPrinter} (lower case, minimal parentheses, {@code to} quoted by {@link
   * PostgresIdentifiers#quote(String)} where needed), so it is valid SQL whose {@link
   * #normalize(String)} equals that of the input with the name swapped.
   *
   * @param expression an SQL expression without a surrounding {@code CHECK ( )} or index key
   *     parentheses, never null
   * @param from the column's exact current name as the catalog stores it, never null
   * @param to the column's exact new name as the catalog stores it, never null
   * @return the expression naming {@code to}; {@code expression} itself (same text) when it does not
   *     reference {@code from} or is outside the supported subset (see {@link #normalize(String)})
   * @throws NullPointerException when an argument is null
   */
  public static String renameColumn(String expression, String from, String to) {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Expr parsed;
    try {
      parsed = ExpressionParser.parse(expression);
    } catch (ExpressionSyntaxException e) {
      return expression;
    }
    Expr renamed = ColumnRenaming.rename(parsed, from, to);
    return renamed.equals(parsed) ? expression : ExpressionPrinter.print(renamed);
  }

  /**
   * Removes from an expression the casts that PostgreSQL adds to columns of a domain type where their
   * base type is needed ({@link DomainCasts}): a check on a column of {@code create domain qty as
   * integer} reads {@code ((quantity)::integer > 0)} in the catalog, and {@code (quantity > 0)} on an
   * {@code integer} column.
   *
   * @param expression an SQL expression (a check without its {@code CHECK ( )}), never null
   * @param domainColumns each domain-typed column of the expression's table, by exact name, with its
   *     domain's base type as {@code format_type} spells it (e.g. {@code integer}, {@code character
   *     varying(200)}), never null
   * @return the expression printed without those casts ({@link ExpressionPrinter}); {@code expression}
   *     itself when it has none, or when it or a base type is outside the supported subset (see {@link
   *     #normalize(String)})
   * @throws NullPointerException when an argument is null
   */
  public static String withoutDomainCasts(String expression, java.util.Map<String, String> domainColumns) {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(domainColumns, "domainColumns");
    if (domainColumns.isEmpty()) {
      return expression;
    }
    try {
      java.util.Map<String, TypeName> bases = new java.util.HashMap<>();
      domainColumns.forEach((column, base) -> bases.put(column, DomainCasts.castTarget(base)));
      Expr parsed = ExpressionParser.parse(expression);
      Expr without = DomainCasts.remove(parsed, bases);
      return without.equals(parsed) ? expression : ExpressionPrinter.print(without);
    } catch (ExpressionSyntaxException e) {
      return expression;
    }
  }

  /**
   * The fallback canonical text: comments removed, whitespace runs outside quotes collapsed to one
   * space, the ends trimmed, letters outside string constants ({@code '...'}, {@code E'...'},
   * {@code $tag$...$tag$}) and quoted identifiers in lower case.
   */
  static String plainText(String expression) {
    return new PlainText(expression).run();
  }

  /** Scanner for {@link #plainText(String)}: copies quoted spans verbatim, folds the rest. */
  private static final class PlainText {
    private final String in;
    private final StringBuilder out = new StringBuilder();
    private int pos;
    private boolean space;

    PlainText(String in) {
      this.in = in;
    }

    String run() {
      while (pos < in.length()) {
        char c = in.charAt(pos);
        if (Character.isWhitespace(c)) {
          space = true;
          pos++;
        } else if (in.startsWith("--", pos)) {
          int end = in.indexOf('\n', pos);
          pos = end < 0 ? in.length() : end;
        } else if (in.startsWith("/*", pos)) {
          skipComment();
          space = true;
        } else {
          emit();
        }
      }
      return out.toString();
    }

    private void emit() {
      if (space && out.length() > 0) {
        out.append(' ');
      }
      space = false;
      char c = in.charAt(pos);
      if (c == '\'' || c == '"') {
        boolean backslashEscapes = c == '\'' && pos > 0 && (in.charAt(pos - 1) == 'e' || in.charAt(pos - 1) == 'E');
        copyQuoted(c, backslashEscapes);
      } else if (c == '$' && dollarTagEnd() > 0) {
        int tagEnd = dollarTagEnd();
        String tag = in.substring(pos, tagEnd);
        int close = in.indexOf(tag, tagEnd);
        int end = close < 0 ? in.length() : close + tag.length();
        out.append(in, pos, end);
        pos = end;
      } else {
        out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        pos++;
      }
    }

    private void copyQuoted(char quote, boolean backslashEscapes) {
      out.append(quote);
      pos++;
      while (pos < in.length()) {
        char c = in.charAt(pos++);
        out.append(c);
        if (backslashEscapes && c == '\\' && pos < in.length()) {
          out.append(in.charAt(pos++));
        } else if (c == quote) {
          if (pos < in.length() && in.charAt(pos) == quote) {
            out.append(in.charAt(pos++));
          } else {
            return;
          }
        }
      }
    }

    /** @return the offset after the closing {@code $} of a dollar-quote tag at pos, or -1 */
    private int dollarTagEnd() {
      int i = pos + 1;
      while (i < in.length() && (Character.isLetter(in.charAt(i)) || in.charAt(i) == '_'
          || i > pos + 1 && Character.isDigit(in.charAt(i)))) {
        i++;
      }
      return i < in.length() && in.charAt(i) == '$' ? i + 1 : -1;
    }

    private void skipComment() {
      int depth = 0;
      do {
        if (in.startsWith("/*", pos)) {
          depth++;
          pos += 2;
        } else if (in.startsWith("*/", pos)) {
          depth--;
          pos += 2;
        } else {
          pos++;
        }
      } while (depth > 0 && pos < in.length());
    }
  }
}
