package dev.autogen.diff;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a text the user gives as a SQL expression (a {@code --fill}) is one whole expression as
 * PostgreSQL's lexer sees it (PostgreSQL "4.1. Lexical Structure"): every string constant ({@code
 * '...'}, {@code E'...'} with backslash escapes), quoted identifier ({@code "..."}), dollar-quoted
 * string ({@code $tag$...$tag$}) and block comment ({@code /* *}{@code /}, nested) is closed, every
 * parenthesis and bracket is matched, and no {@code ;} ends a statement. Such a text can be written into
 * a migration, an {@code UPDATE} or a trigger's dollar-quoted body without changing what surrounds it.
 * Whether the expression means something (its functions and columns) is left to PostgreSQL when the
 * migration runs.
 */
final class ExpressionText {

  /** A dollar-quote delimiter: {@code $$} or {@code $tag$}, the tag an identifier without {@code $} (4.1.2.4). */
  private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([A-Za-z_\\u0080-\\uffff][A-Za-z_0-9\\u0080-\\uffff]*)?\\$");

  private ExpressionText() {}

  /**
   * @param text the expression, never null
   * @return why it is not one whole expression, or empty when it is
   */
  static Optional<String> problem(String text) {
    Deque<Character> open = new ArrayDeque<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
      if (c == '\'') {
        boolean escapes = i > 0 && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e')
            && (i == 1 || !Character.isLetterOrDigit(text.charAt(i - 2)) && text.charAt(i - 2) != '_');
        i = closeQuote(text, i, '\'', escapes);
        if (i < 0) {
          return Optional.of("a string constant (') is not closed");
        }
      } else if (c == '"') {
        i = closeQuote(text, i, '"', false);
        if (i < 0) {
          return Optional.of("a quoted identifier (\") is not closed");
        }
      } else if (c == '$' && (i == 0 || !isIdentifierPart(text.charAt(i - 1)))) {
        Matcher tag = DOLLAR_TAG.matcher(text).region(i, text.length());
        if (tag.lookingAt()) {
          int end = text.indexOf(tag.group(), tag.end());
          if (end < 0) {
            return Optional.of("a dollar-quoted string (" + tag.group() + ") is not closed");
          }
          i = end + tag.group().length();
        } else {
          i++;
        }
      } else if (c == '-' && next == '-') {
        int end = text.indexOf('\n', i);
        i = end < 0 ? text.length() : end + 1;
      } else if (c == '/' && next == '*') {
        i = closeComment(text, i);
        if (i < 0) {
          return Optional.of("a comment (/*) is not closed");
        }
      } else if (c == '(' || c == '[') {
        open.push(c);
        i++;
      } else if (c == ')' || c == ']') {
        char expected = c == ')' ? '(' : '[';
        if (open.isEmpty() || open.pop() != expected) {
          return Optional.of("'" + c + "' at position " + (i + 1) + " closes nothing");
        }
        i++;
      } else if (c == ';') {
        return Optional.of("';' ends a statement: give one expression");
      } else {
        i++;
      }
    }
    return open.isEmpty() ? Optional.empty()
        : Optional.of(open.size() + " '" + open.peek() + "' " + (open.size() == 1 ? "is" : "are") + " not closed");
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  /** @return the index after the closing quote, or -1 when there is none; a doubled quote is one quote */
  private static int closeQuote(String text, int start, char quote, boolean backslashEscapes) {
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (backslashEscapes && c == '\\') {
        i++;
      } else if (c == quote) {
        if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
          i++;
        } else {
          return i + 1;
        }
      }
    }
    return -1;
  }

  /** @return the index after the comment that starts at start (comments nest, 4.1.5), or -1 */
  private static int closeComment(String text, int start) {
    int depth = 0;
    for (int i = start; i + 1 < text.length(); i++) {
      if (text.charAt(i) == '/' && text.charAt(i + 1) == '*') {
        depth++;
        i++;
      } else if (text.charAt(i) == '*' && text.charAt(i + 1) == '/') {
        depth--;
        i++;
        if (depth == 0) {
          return i + 1;
        }
      }
    }
    return -1;
  }
}
