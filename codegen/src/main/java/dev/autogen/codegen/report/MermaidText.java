package dev.autogen.codegen.report;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tokens of a Mermaid {@code erDiagram} made from arbitrary database names, valid for every Mermaid
 * release from 10.0 to 11.x. The rules come from the diagram's lexer ({@code
 * packages/mermaid/src/diagrams/er/parser/erDiagram.jison}), checked against releases 10.0.2, 10.9.3
 * and 11.17.2:
 *
 * <ul>
 *   <li>an entity name in double quotes may hold any character but {@code " % \ CR LF VT BS} and must
 *       not be empty ({@code \"[^"%\r\n\v\b\\]+\"}); unquoted names clash with keywords ({@code end},
 *       {@code one}, {@code many}, {@code to}, {@code style}, ...), so names are always quoted;
 *   <li>outside an entity's block, a line that contains {@code direction} followed by blanks and
 *       {@code TB}, {@code BT}, {@code RL} or {@code LR} lexes as a direction statement whatever else
 *       it holds ({@code .*direction\s+TB[^\n]*}), so the blanks after {@code direction} become
 *       {@code _} in names and labels;
 *   <li>an attribute's type and name are words {@code [A-Za-z_][A-Za-z0-9\-_\[\]\(\)]*} in 10.x
 *       (11.x also allows {@code . ,} and non-ASCII letters): no blanks, commas, dots or quotes;
 *   <li>inside a block {@code PK}, {@code FK} and {@code UK} at a word boundary are key markers, in
 *       any case, before anything else: a word that starts with one of them and a boundary ({@code
 *       pk}, {@code uk(1)}) gets a leading {@code _};
 *   <li>a comment or relationship label is {@code "[^"]*"}: a double quote becomes {@code '}.
 * </ul>
 */
final class MermaidText {

  private static final java.util.Set<String> KEY_MARKERS = java.util.Set.of("PK", "FK", "UK");
  private static final Pattern DIRECTION = Pattern.compile("(?i)(direction)\\s+");

  private MermaidText() {}

  /**
   * @param name an entity's display name, never null
   * @return it as a quoted Mermaid entity name
   */
  static String entity(String name) {
    StringBuilder sb = new StringBuilder();
    for (char c : name.toCharArray()) {
      sb.append(c == '"' ? '\'' : c == '%' || c == '\\' || Character.isISOControl(c) ? '_' : c);
    }
    String text = DIRECTION.matcher(sb).replaceAll("$1_");
    return "\"" + (text.isEmpty() ? "_" : text) + "\"";
  }

  /**
   * @param text a comment or relationship label, never null
   * @return it as a quoted Mermaid string, on one line
   */
  static String quoted(String text) {
    String line = MarkdownText.oneLine(text).replace('"', '\'');
    return "\"" + DIRECTION.matcher(line).replaceAll("$1_") + "\"";
  }

  /**
   * @param name a column name, never null
   * @return an attribute name: every character but an ASCII letter, digit or {@code _} becomes
   *     {@code _}; a leading digit or key marker gets a leading {@code _}
   */
  static String attributeName(String name) {
    return word(name.replaceAll("[^A-Za-z0-9_]", "_"));
  }

  /**
   * @param sqlType a type as SQL spells it, e.g. {@code timestamp(6) with time zone}, never null
   * @return an attribute type: blanks, commas and other characters Mermaid 10 rejects become {@code
   *     _}, parentheses and brackets stay, e.g. {@code timestamp(6)_with_time_zone}, {@code
   *     numeric(10_2)}, {@code integer[]}
   */
  static String attributeType(String sqlType) {
    return word(sqlType.trim().replaceAll("[^A-Za-z0-9_()\\[\\]]", "_"));
  }

  /** @return whether a column name needs {@link #attributeName} to change it */
  static boolean isPlainName(String name) {
    return attributeName(name).equals(name);
  }

  private static String word(String sanitised) {
    if (sanitised.isEmpty()) {
      return "_";
    }
    char first = sanitised.charAt(0);
    boolean startsBadly = !(first == '_' || (first < 128 && Character.isLetter(first)));
    boolean keyMarker = sanitised.length() >= 2
        && KEY_MARKERS.contains(sanitised.substring(0, 2).toUpperCase(Locale.ROOT))
        && (sanitised.length() == 2 || !isWordChar(sanitised.charAt(2)));
    return startsBadly || keyMarker ? "_" + sanitised : sanitised;
  }

  private static boolean isWordChar(char c) {
    return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
  }
}
