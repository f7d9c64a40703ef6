package dev.autogen.codegen.postgres;

import dev.autogen.model.postgres.PostgresObjectNames;
import dev.autogen.model.CheckConstraint;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.Index;
import dev.autogen.model.PrimaryKey;
import dev.autogen.model.UniqueConstraint;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of constraints and indexes: the model's name when it has one, otherwise the name
 * PostgreSQL itself would choose for an unnamed constraint or index, so that a statement written
 * for an unnamed object and the statement that drops it agree, and both agree with a database where
 * the object was created without a name.
 *
 * <p>The rules are those of PostgreSQL 15 {@code src/backend/commands/indexcmds.c} ({@code
 * ChooseIndexName}, {@code ChooseIndexNameAddition}, {@code ChooseIndexColumnNames}) and {@code
 * src/backend/catalog/namespace.c}/{@code heap.c} ({@code makeObjectName}, check constraints named
 * after their only column): {@code <table>_pkey}, {@code <table>_<columns>_fkey}, {@code
 * <table>_<columns>_key}, {@code <table>_<column>_check} or {@code <table>_check}, {@code
 * <table>_<columns>_idx}, truncated to 63 bytes the way {@code makeObjectName} does. PostgreSQL
 * appends a number when the name is taken ({@code _check1}); that needs the catalog and is not done
 * here.
 */
public final class PostgresNames {

  /** PostgreSQL's {@code NAMEDATALEN}: identifiers hold at most {@code NAMEDATALEN - 1} bytes. */
  public static final int NAMEDATALEN = PostgresObjectNames.NAMEDATALEN;

  private static final Pattern FUNCTION_CALL =
      Pattern.compile("(?:(?:[A-Za-z_][A-Za-z0-9_$]*|\"(?:[^\"]|\"\")+\")\\s*\\.\\s*)*"
          + "([A-Za-z_][A-Za-z0-9_$]*|\"(?:[^\"]|\"\")+\")\\s*\\(.*", Pattern.DOTALL);
  private static final Pattern COLUMN_OR_CAST =
      Pattern.compile("\\(?\\s*([A-Za-z_][A-Za-z0-9_$]*|\"(?:[^\"]|\"\")+\")\\s*\\)?\\s*(?:::.*)?", Pattern.DOTALL);
  /** A cast as PostgreSQL deparses it: {@code ::character varying(20)[]}, {@code ::text}. */
  private static final Pattern CAST = Pattern.compile(
      "::\\s*\"?[A-Za-z_][A-Za-z0-9_$]*\"?(?:\\s+(?:varying|precision|with|without|time|zone))*"
          + "(?:\\s*\\(\\s*\\d+(?:\\s*,\\s*\\d+)?\\s*\\))?(?:\\s*\\[\\s*\\d*\\s*\\])*");
  private static final Pattern STRING_CONSTANT = Pattern.compile("[eE]?'(?:[^']|'')*'");
  private static final Pattern WORD = Pattern.compile(
      "(?<![A-Za-z0-9_$.\"])(?:([A-Za-z_][A-Za-z0-9_$]*+)|\"((?:[^\"]|\"\")++)\")(?!\\s*\\()");
  /** Unreserved key words that occur in boolean expressions as syntax, not as column names. */
  private static final Set<String> EXPRESSION_SYNTAX = Set.of("at", "zone", "escape", "nulls", "first", "last");

  private PostgresNames() {}

  /**
   * @param table the table's name, never null
   * @param key the key, never null
   * @return the key's name, or {@code <table>_pkey}
   */
  public static String primaryKey(String table, PrimaryKey key) {
    return key.name() != null ? key.name() : makeObjectName(table, null, "pkey");
  }

  /**
   * @param table the referencing table's name, never null
   * @param key the key, never null
   * @return the key's name, or {@code <table>_<columns>_fkey}
   */
  public static String foreignKey(String table, ForeignKey key) {
    return key.name() != null ? key.name() : makeObjectName(table, joinNames(key.columns()), "fkey");
  }

  /**
   * @param table the table's name, never null
   * @param unique the constraint, never null
   * @return the constraint's name, or {@code <table>_<columns>_key}
   */
  public static String unique(String table, UniqueConstraint unique) {
    return unique.name() != null ? unique.name() : makeObjectName(table, joinNames(unique.columns()), "key");
  }

  /**
   * @param table the table's name, never null
   * @param check the constraint, never null
   * @return the constraint's name, or {@code <table>_<column>_check} when the expression refers to
   *     one column only ({@link #checkColumn(String)}), else {@code <table>_check}
   */
  public static String check(String table, CheckConstraint check) {
    return check.name() != null ? check.name() : makeObjectName(table, checkColumn(check.expression()), "check");
  }

  /**
   * @param table the table's name, never null
   * @param index the index, never null
   * @return the index's name, or {@code <table>_<key names>_idx}, each key named by {@link
   *     #indexKeyName(String)}
   */
  public static String index(String table, Index index) {
    if (index.name() != null) {
      return index.name();
    }
    return makeObjectName(table, joinNames(index.keys().stream().map(PostgresNames::indexKeyName).toList()), "idx");
  }

  /**
   * The name PostgreSQL gives one key of an index when it names the index (indexcmds.c {@code
   * ChooseIndexColumnNames} and parse_target.c {@code FigureIndexColname}).
   *
   * @param key an index key as {@link Index#keys()} holds it, never null
   * @return the column name for a column (also under a cast), the function name for a function
   *     call such as {@code (lower(email))}, else {@code expr}
   */
  public static String indexKeyName(String key) {
    String k = Index.keyTarget(key);
    if (!k.startsWith("(")) {
      return k;
    }
    String inner = stripParentheses(k.trim());
    Matcher call = FUNCTION_CALL.matcher(inner);
    if (call.matches()) {
      return identifier(call.group(1));
    }
    Matcher column = COLUMN_OR_CAST.matcher(inner);
    if (column.matches()) {
      return identifier(column.group(1));
    }
    return "expr";
  }

  /**
   * The column a check expression is about, as PostgreSQL decides it when naming an unnamed check
   * (heap.c {@code AddRelationNewConstraints}: the name carries the column when the expression
   * refers to exactly one). PostgreSQL counts the column references of the analysed expression;
   * without the table's columns this is approximated on the text: identifiers outside string
   * constants and casts, that are not called as functions and are not key words.
   *
   * @param expression the check's expression, never null
   * @return the only column it refers to, or null when it refers to none or several
   */
  public static String checkColumn(String expression) {
    String text = CAST.matcher(STRING_CONSTANT.matcher(expression).replaceAll(" ")).replaceAll(" ");
    Set<String> columns = new LinkedHashSet<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      if (m.group(1) != null) {
        String word = m.group(1).toLowerCase(Locale.ROOT);
        boolean keyword = dev.autogen.model.postgres.PostgresIdentifiers.isKeyword(word);
        if (!keyword && !EXPRESSION_SYNTAX.contains(word)) {
          columns.add(word);
        }
      } else {
        columns.add(m.group(2).replace("\"\"", "\""));
      }
    }
    return columns.size() == 1 ? columns.iterator().next() : null;
  }

  /**
   * PostgreSQL's {@code makeObjectName}: {@code name1_name2_label}, where the longer of the two names
   * is shortened first so that the whole fits in {@code NAMEDATALEN - 1} bytes, never splitting a
   * multi-byte character.
   *
   * @param name1 the first part, usually the table name, never null
   * @param name2 the second part, or null to leave it out
   * @param label the suffix, e.g. {@code pkey}, never null
   * @return the name, at most 63 bytes in UTF-8
   */
  public static String makeObjectName(String name1, String name2, String label) {
    return PostgresObjectNames.makeObjectName(name1, name2, label);
  }

  /** indexcmds.c {@code ChooseIndexNameAddition}: names joined by {@code _}, cut once past NAMEDATALEN. */
  private static String joinNames(List<String> names) {
    StringBuilder sb = new StringBuilder();
    for (String name : names) {
      if (sb.length() > 0) {
        sb.append('_');
      }
      sb.append(PostgresObjectNames.clip(name, NAMEDATALEN - 1));
      if (PostgresObjectNames.utf8Length(sb.toString()) >= NAMEDATALEN) {
        break;
      }
    }
    return sb.toString();
  }

  private static String identifier(String token) {
    if (token.startsWith("\"")) {
      return token.substring(1, token.length() - 1).replace("\"\"", "\"");
    }
    return token.toLowerCase(Locale.ROOT);
  }

  private static String stripParentheses(String s) {
    String out = s;
    while (out.startsWith("(") && out.endsWith(")") && closingParenthesis(out) == out.length() - 1) {
      out = out.substring(1, out.length() - 1).trim();
    }
    return out;
  }

  /** @return the index of the parenthesis closing the one at index 0, ignoring quoted text */
  private static int closingParenthesis(String s) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
