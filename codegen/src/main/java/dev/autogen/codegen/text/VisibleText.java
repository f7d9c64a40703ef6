package dev.autogen.codegen.text;

/**
 * The one boundary through which text taken from a catalog, an entity or an analyzer (names, check
 * expressions, messages) enters a line that a person reads: a {@code --} comment line of a generated
 * SQL file, a line of a Markdown review, a line printed to a terminal. Such text is data, never code or
 * layout: after {@link #oneLine(String)} it cannot end the line it is written on, so nothing after a
 * line break in a hostile name can run as SQL ({@code --} comments end at a line feed or carriage
 * return, PostgreSQL "4.1.5. Comments", {@code src/backend/parser/scan.l}: {@code newline [\n\r]}), start
 * a new Markdown block or table row, or forge a line of a terminal report; and it cannot carry a
 * terminal escape sequence (ECMA-48 {@code ESC [ ...}, which can clear the screen or move the cursor),
 * nor invisible bidirectional overrides that make a line read differently from what it holds (Unicode
 * TR #9; CVE-2021-42574, "Trojan Source").
 *
 * <p>Every character that is not plain printable text is written as a visible symbol, so the reader
 * still sees that it is there:
 *
 * <ul>
 *   <li>line breaks: line feed, next line (U+0085), line separator (U+2028) and paragraph separator
 *       (U+2029) become {@code ␊} (U+240A), carriage return {@code ␍} (U+240D);
 *   <li>every other C0 control character U+0000..U+001F becomes its Unicode control picture
 *       (U+2400 + code, e.g. escape as {@code ␛}), except tab, which stays a tab; DEL becomes {@code ␡};
 *   <li>C1 control characters (U+0080..U+009F, among them the 8-bit CSI U+009B), bidirectional
 *       embedding, override and isolate controls (U+202A..U+202E, U+2066..U+2069), the marks U+200E,
 *       U+200F, U+061C, and unpaired surrogates become {@code �} (U+FFFD).
 * </ul>
 *
 * <p>Text that holds none of these is returned unchanged, and the mapping is idempotent.
 */
public final class VisibleText {

  private VisibleText() {}

  /**
   * @param text any text, never null
   * @return the text with every line break and other control character made visible (see the class
   *     description): it fits on one line and holds no escape sequence
   * @throws NullPointerException when text is null
   */
  public static String oneLine(String text) {
    int first = firstUnsafe(text);
    if (first < 0) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 8).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isUnsafe(text, i)) {
        sb.append(c);
        if (Character.isHighSurrogate(c)) {
          sb.append(text.charAt(++i));
        }
      } else {
        sb.append(symbol(c));
      }
    }
    return sb.toString();
  }

  /**
   * @param text any text, never null
   * @return whether {@link #oneLine(String)} would change it
   * @throws NullPointerException when text is null
   */
  public static boolean isOneLine(String text) {
    return firstUnsafe(text) < 0;
  }

  /**
   * Text of several lines for a terminal or a comment block: each line of the text (split at real line
   * breaks) made safe with {@link #oneLine(String)} and prefixed with {@code indent}, so that no line
   * of it can start at the left margin and pass for a line of the report around it.
   *
   * @param text any text, never null
   * @param indent what every line starts with, e.g. six spaces, never null
   * @return the lines, each ending in a line feed; a single empty line for empty text
   * @throws NullPointerException when an argument is null
   */
  public static String indentedLines(String text, String indent) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\r\n|[\n\r\u0085\u2028\u2029]", -1)) {
      sb.append(indent).append(oneLine(line)).append('\n');
    }
    return sb.toString();
  }

  private static int firstUnsafe(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isUnsafe(text, i)) {
        return i;
      }
      if (Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      }
    }
    return -1;
  }

  private static boolean isUnsafe(String text, int i) {
    char c = text.charAt(i);
    if (c == '\t') {
      return false;
    }
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
      return true;
    }
    if (c == '\u2028' || c == '\u2029' || c == '\u200E' || c == '\u200F' || c == '\u061C'
        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    return Character.isLowSurrogate(c);
  }

  private static char symbol(char c) {
    if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
      return '␊';
    }
    if (c < 0x20) {
      return (char) (0x2400 + c);
    }
    if (c == 0x7F) {
      return '␡';
    }
    return '\uFFFD';
  }
}
