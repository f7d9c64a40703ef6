package dev.autogen.codegen.postgres;

/**
 * Writes PostgreSQL string constants (PostgreSQL "4.1.2.1. String Constants"): a single quote inside
 * the text is doubled. Backslashes stay as they are, which is right under {@code
 * standard_conforming_strings = on}, the default since PostgreSQL 9.1.
 */
public final class PostgresLiterals {

  private PostgresLiterals() {}

  /**
   * @param text the text, never null
   * @return the text as a string constant, e.g. {@code 'it''s'}
   * @throws NullPointerException when text is null
   */
  public static String string(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /**
   * @param text the text, or null
   * @return {@link #string(String)} of the text, or {@code null} (the SQL key word) when text is null:
   *     what {@code COMMENT ON ... IS} takes to remove a comment
   */
  public static String stringOrNull(String text) {
    return text == null ? "null" : string(text);
  }
}
