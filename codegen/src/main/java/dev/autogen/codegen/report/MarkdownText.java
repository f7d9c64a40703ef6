package dev.autogen.codegen.report;

import dev.autogen.codegen.text.VisibleText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escaping for GitHub-flavoured Markdown (GFM spec 0.29-gfm): text from the database or from
 * analyzers (identifiers, messages, SQL) written so that it reads as itself and never changes the
 * document's structure. Rules:
 *
 * <ul>
 *   <li>a line break inside a value would end a list item or a table row: every line break and other
 *       control character becomes a visible symbol ({@link VisibleText#oneLine(String)}, the escaping
 *       boundary all generated text shares);
 *   <li>inline text escapes the ASCII punctuation that starts inline markup (GFM §6.1 "Backslash
 *       escapes"), except an underscore inside a word, which never opens emphasis (§6.4), so that
 *       {@code full_name} stays readable as plain text;
 *   <li>a code span is delimited by one backtick more than the longest backtick run it contains and
 *       padded with a space when it starts or ends with a backtick (§6.3), so identifiers with
 *       backticks cannot end it early;
 *   <li>a table cell escapes every {@code |} as {@code \|}, also inside code spans: GFM splits rows
 *       on pipes before it parses inlines (§4.10 "Tables"); this is applied last, to the finished
 *       cell;
 *   <li>a fenced block is fenced with more backticks than any run in its content (§4.5).
 * </ul>
 */
final class MarkdownText {

  private static final Pattern BACKTICKS = Pattern.compile("`+");

  private MarkdownText() {}

  /**
   * @param text any text, never null
   * @return the text on one line: line breaks and other control characters (but tab) replaced by
   *     visible symbols ({@link VisibleText#oneLine(String)})
   */
  static String oneLine(String text) {
    return VisibleText.oneLine(text);
  }

  /**
   * @param text prose, e.g. a hazard message, never null
   * @return the text on one line with inline markup characters escaped; a {@code |} is left for
   *     {@link #cell(String)}
   */
  static String text(String text) {
    String line = oneLine(text);
    StringBuilder sb = new StringBuilder(line.length() + 8);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      boolean escape = switch (c) {
        case '\\', '`', '*', '[', ']', '<', '>', '~', '#' -> true;
        case '_' -> !(i > 0 && i < line.length() - 1
            && Character.isLetterOrDigit(line.charAt(i - 1)) && Character.isLetterOrDigit(line.charAt(i + 1)));
        case '&' -> i < line.length() - 1 && (Character.isLetter(line.charAt(i + 1)) || line.charAt(i + 1) == '#');
        default -> false;
      };
      if (escape) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /**
   * @param text an identifier, type or SQL fragment, never null
   * @return an inline code span showing exactly the text (on one line)
   */
  static String code(String text) {
    String line = oneLine(text);
    String fence = "`".repeat(longestRun(line) + 1);
    boolean pad = line.startsWith("`") || line.endsWith("`") || (line.startsWith(" ") && line.endsWith(" ")
        && !line.isBlank());
    String inner = pad ? " " + line + " " : line;
    return fence + (inner.isEmpty() ? " " : inner) + fence;
  }

  /**
   * @param markdown the finished Markdown of one table cell, never null
   * @return it with every {@code |} escaped, so that it stays one cell
   */
  static String cell(String markdown) {
    return markdown.replace("|", "\\|");
  }

  /**
   * @param content the lines of a fenced block, never null
   * @return a backtick fence longer than every backtick run in the content, at least three
   */
  static String fence(String content) {
    return "`".repeat(Math.max(3, longestRun(content) + 1));
  }

  private static int longestRun(String text) {
    int longest = 0;
    Matcher m = BACKTICKS.matcher(text);
    while (m.find()) {
      longest = Math.max(longest, m.group().length());
    }
    return longest;
  }
}
