package dev.autogen.codegen.text;

import java.util.stream.Collectors;

/**
 * The one boundary through which text taken from a catalog, an entity or an analyzer (names, check
 * expressions, messages, hazard texts) enters a comment of generated Java source (a Flyway Java
 * migration). SQL enters that source only as string literals, which JavaPoet's {@code $S} escapes; a
 * comment has no such escaping, and three things could let its text end the comment and put code of
 * its own after it:
 *
 * <ul>
 *   <li>a line break in a {@code //} comment (which ends at a line terminator, JLS 3.7): every line
 *       break and control character is made visible first ({@link VisibleText#oneLine(String)});
 *   <li>{@code *}{@code /} in a Javadoc comment (which ends at the first one, JLS 3.7);
 *   <li>a Unicode escape: {@code javac} translates {@code \}{@code u000a} and {@code \}{@code u002a}
 *       to a line feed and {@code *} before it sees comments at all (JLS 3.3), so such an escape in a
 *       name would end a {@code //} comment or form {@code *}{@code /}. A backslash begins one only when
 *       an even number of backslashes precede it (JLS 3.3): a comment line has each backslash doubled,
 *       a Javadoc line has it written as the HTML entity {@code &#92;}.
 * </ul>
 *
 * <p>Javadoc is HTML: {@code &}, {@code <} and {@code >} are written as entities so that a name is
 * shown as it is rather than read as markup, and {@code @} as {@code &#64;} so that it cannot start a
 * block tag ({@code @param}) or an inline tag ({@code {@code @}link}). JavaPoet's own format characters
 * ({@code $}) are no concern here: callers pass the escaped text as a {@code $L} argument, never as the
 * format.
 */
public final class JavaText {

  private JavaText() {}

  /**
   * @param text any text, possibly of several lines, never null
   * @return the text for a Javadoc comment: each line made one visible line ({@link VisibleText}), HTML
   *     special characters, {@code @}, {@code /} after {@code *} and backslashes as HTML entities; lines
   *     joined by line feeds
   * @throws NullPointerException when text is null
   */
  public static String javadoc(String text) {
    return text.lines().map(VisibleText::oneLine).map(JavaText::javadocLine).collect(Collectors.joining("\n"));
  }

  /**
   * @param text any text, never null
   * @return the text for a {@code //} comment line: one visible line ({@link VisibleText#oneLine}) with
   *     every backslash doubled, so that it holds no line break and no Unicode escape
   * @throws NullPointerException when text is null
   */
  public static String lineComment(String text) {
    return VisibleText.oneLine(text).replace("\\", "\\\\");
  }

  private static String javadocLine(String line) {
    StringBuilder sb = new StringBuilder(line.length() + 8);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '@' -> sb.append("&#64;");
        case '\\' -> sb.append("&#92;");
        case '/' -> sb.append(i > 0 && line.charAt(i - 1) == '*' ? "&#47;" : "/");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
