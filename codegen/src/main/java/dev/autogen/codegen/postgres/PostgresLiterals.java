package dev.autogen.codegen.postgres;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one place where text becomes a PostgreSQL string constant or dollar-quoted body (PostgreSQL
 * "4.1.2. String Constants"). Text from a catalog or an entity (a comment, an enum label, a name, a
 * check or backfill expression inside a function body) is data: whatever it holds, the constant ends
 * where the renderer ends it.
 *
 * <ul>
 *   <li>{@link #string(String)}: a single quote inside the text is doubled (4.1.2.1). A text holding a
 *       backslash is written as an escape string {@code E'...'} with the backslash doubled (4.1.2.2):
 *       a plain constant's backslash is literal only under {@code standard_conforming_strings = on},
 *       and a database or role that sets it off would read {@code \'} as an escaped quote and end the
 *       constant later than the renderer did.
 *   <li>{@link #dollarQuoted(String, String)}: the body between two tags {@code $tag$} (4.1.2.4) that
 *       the body does not contain, so that nothing in it (a name holding {@code $trigger$}, say) ends
 *       the body early.
 * </ul>
 */
public final class PostgresLiterals {

  private static final Pattern TAG = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private PostgresLiterals() {}

  /**
   * @param text the text, never null
   * @return the text as a string constant, e.g. {@code 'it''s'}, or {@code E'a\\b'} for a text with a
   *     backslash
   * @throws NullPointerException when text is null
   * @throws IllegalArgumentException when text holds a NUL character, which no PostgreSQL text can
   */
  public static String string(String text) {
    if (text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a PostgreSQL string cannot hold a NUL character");
    }
    String quoted = text.replace("'", "''");
    return text.indexOf('\\') < 0 ? "'" + quoted + "'" : "E'" + quoted.replace("\\", "\\\\") + "'";
  }

  /**
   * @param text the text, or null
   * @return {@link #string(String)} of the text, or {@code null} (the SQL key word) when text is null:
   *     what {@code COMMENT ON ... IS} takes to remove a comment
   */
  public static String stringOrNull(String text) {
    return text == null ? "null" : string(text);
  }

  /**
   * @param body the body, e.g. a PL/pgSQL block, never null
   * @param tag the preferred tag, e.g. {@code trigger} for {@code $trigger$}: letters, digits and
   *     underscores, not starting with a digit (4.1.2.4), never null
   * @return {@code $tag$body$tag$} with the tag, or the tag followed by {@code _1}, {@code _2}, ...: the
   *     first whose closing delimiter is not found earlier in the body followed by it (the body neither
   *     contains it nor ends in a part of it)
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when the tag is not a valid dollar-quote tag
   */
  public static String dollarQuoted(String body, String tag) {
    Objects.requireNonNull(body, "body");
    if (!TAG.matcher(tag).matches()) {
      throw new IllegalArgumentException("not a dollar-quote tag: " + tag);
    }
    String chosen = tag;
    for (int i = 1; !endsOnlyAtItsEnd(body, "$" + chosen + "$"); i++) {
      chosen = tag + "_" + i;
    }
    String delimiter = "$" + chosen + "$";
    return delimiter + body + delimiter;
  }

  private static boolean endsOnlyAtItsEnd(String body, String delimiter) {
    return (body + delimiter).indexOf(delimiter) == body.length();
  }
}
