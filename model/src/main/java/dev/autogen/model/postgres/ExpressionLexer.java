package dev.autogen.model.postgres;

import dev.autogen.model.postgres.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an SQL expression into {@link Token}s following PostgreSQL "4.1. Lexical Structure":
 * string constants with doubled quotes, escape strings ({@code E'\n'}, "4.1.2.2") and dollar quoting
 * ("4.1.2.4"); quoted identifiers with doubled quotes; unquoted words folded to lower case (ASCII
 * only, as {@code downcase_identifier} does); numeric constants; operators, where a multi-character
 * operator cannot end in {@code +} or {@code -} unless it contains one of {@code ~ ! @ # % ^ & | ` ?}
 * ("4.1.3"); {@code --} and nested {@code /* *}{@code /} comments. {@code !=} is read as {@code <>},
 * as PostgreSQL's scanner does.
 */
final class ExpressionLexer {

  private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";
  private static final String NON_SQL_OPERATOR_CHARS = "~!@#%^&|`?";

  private final String input;
  private int pos;

  private ExpressionLexer(String input) {
    this.input = input;
  }

  /**
   * @param input an SQL expression, never null
   * @return its tokens, ending with one {@link Kind#END} token
   * @throws ExpressionSyntaxException for an unterminated string, identifier or comment, or a
   *     character no expression may contain (such as {@code ;} or a {@code $1} parameter)
   */
  static List<Token> tokenize(String input) {
    return new ExpressionLexer(input).run();
  }

  private List<Token> run() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipSpaceAndComments();
      if (pos >= input.length()) {
        tokens.add(new Token(Kind.END, "", pos));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private Token next() {
    int start = pos;
    char c = input.charAt(pos);
    if (c == '\'') {
      return new Token(Kind.STRING, standardString(), start);
    }
    if ((c == 'e' || c == 'E') && peek(1) == '\'') {
      pos++;
      return new Token(Kind.STRING, escapeString(), start);
    }
    if (c == '$') {
      return new Token(Kind.STRING, dollarString(), start);
    }
    if (c == '"') {
      return new Token(Kind.IDENTIFIER, quotedIdentifier(), start);
    }
    if (isDigit(c) || c == '.' && isDigit(peek(1))) {
      return new Token(Kind.NUMBER, number(), start);
    }
    if (isIdentifierStart(c)) {
      return word(start);
    }
    if (c == ':' && peek(1) == ':') {
      pos += 2;
      return new Token(Kind.PUNCTUATION, "::", start);
    }
    if ("()[],.".indexOf(c) >= 0) {
      pos++;
      return new Token(Kind.PUNCTUATION, String.valueOf(c), start);
    }
    if (OPERATOR_CHARS.indexOf(c) >= 0) {
      return new Token(Kind.OPERATOR, operator(), start);
    }
    throw error("unexpected character '" + c + "'");
  }

  private void skipSpaceAndComments() {
    while (pos < input.length()) {
      char c = input.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '-' && peek(1) == '-') {
        while (pos < input.length() && input.charAt(pos) != '\n') {
          pos++;
        }
      } else if (c == '/' && peek(1) == '*') {
        skipBlockComment();
      } else {
        return;
      }
    }
  }

  private void skipBlockComment() {
    int depth = 0;
    do {
      if (pos >= input.length()) {
        throw error("unterminated comment");
      }
      if (input.startsWith("/*", pos)) {
        depth++;
        pos += 2;
      } else if (input.startsWith("*/", pos)) {
        depth--;
        pos += 2;
      } else {
        pos++;
      }
    } while (depth > 0);
  }

  private String standardString() {
    StringBuilder sb = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= input.length()) {
        throw error("unterminated string");
      }
      char c = input.charAt(pos++);
      if (c == '\'') {
        if (peek(0) != '\'') {
          return sb.toString();
        }
        pos++;
      }
      sb.append(c);
    }
  }

  private String escapeString() {
    StringBuilder sb = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= input.length()) {
        throw error("unterminated string");
      }
      char c = input.charAt(pos++);
      if (c == '\'') {
        if (peek(0) != '\'') {
          return sb.toString();
        }
        pos++;
        sb.append('\'');
      } else if (c == '\\') {
        escapeSequence(sb);
      } else {
        sb.append(c);
      }
    }
  }

  /** The backslash escapes of "4.1.2.2. String Constants with C-Style Escapes", Table 4.1. */
  private void escapeSequence(StringBuilder sb) {
    if (pos >= input.length()) {
      throw error("unterminated string");
    }
    char c = input.charAt(pos++);
    switch (c) {
      case 'b' -> sb.append('\b');
      case 'f' -> sb.append('\f');
      case 'n' -> sb.append('\n');
      case 'r' -> sb.append('\r');
      case 't' -> sb.append('\t');
      case 'x' -> sb.append(asciiByte(digits(16, 1, 2)));
      case 'u' -> sb.appendCodePoint(digits(16, 4, 4));
      case 'U' -> sb.appendCodePoint(digits(16, 8, 8));
      default -> {
        if (c >= '0' && c <= '7') {
          pos--;
          sb.append(asciiByte(digits(8, 1, 3)));
        } else {
          sb.append(c);
        }
      }
    }
  }

  /** Octal and hex escapes give bytes; beyond ASCII their character depends on the encoding. */
  private char asciiByte(int value) {
    if (value > 0x7f) {
      throw error("non-ASCII byte escape");
    }
    return (char) value;
  }

  private int digits(int radix, int min, int max) {
    int start = pos;
    while (pos < input.length() && pos - start < max && Character.digit(input.charAt(pos), radix) >= 0) {
      pos++;
    }
    if (pos - start < min) {
      throw error("bad escape sequence");
    }
    int value = Integer.parseInt(input.substring(start, pos), radix);
    if (value == 0 || !Character.isValidCodePoint(value)) {
      throw error("bad escape sequence");
    }
    return value;
  }

  private String dollarString() {
    int tagEnd = pos + 1;
    while (tagEnd < input.length() && isIdentifierPart(input.charAt(tagEnd)) && input.charAt(tagEnd) != '$') {
      tagEnd++;
    }
    if (tagEnd >= input.length() || input.charAt(tagEnd) != '$' || tagEnd > pos + 1 && isDigit(input.charAt(pos + 1))) {
      throw error("parameters and stray '$' are not supported");
    }
    String tag = input.substring(pos, tagEnd + 1);
    int close = input.indexOf(tag, tagEnd + 1);
    if (close < 0) {
      throw error("unterminated dollar-quoted string");
    }
    String value = input.substring(tagEnd + 1, close);
    pos = close + tag.length();
    return value;
  }

  private String quotedIdentifier() {
    StringBuilder sb = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= input.length()) {
        throw error("unterminated quoted identifier");
      }
      char c = input.charAt(pos++);
      if (c == '"') {
        if (peek(0) != '"') {
          if (sb.length() == 0) {
            throw error("zero-length quoted identifier");
          }
          return sb.toString();
        }
        pos++;
      }
      sb.append(c);
    }
  }

  private String number() {
    int start = pos;
    while (isDigit(peek(0))) {
      pos++;
    }
    if (peek(0) == '.' && peek(1) != '.') {
      pos++;
      while (isDigit(peek(0))) {
        pos++;
      }
    }
    if ((peek(0) == 'e' || peek(0) == 'E')
        && (isDigit(peek(1)) || (peek(1) == '+' || peek(1) == '-') && isDigit(peek(2)))) {
      pos += 2;
      while (isDigit(peek(0))) {
        pos++;
      }
    }
    if (isIdentifierStart(peek(0))) {
      throw error("junk after numeric literal");
    }
    return input.substring(start, pos);
  }

  private Token word(int start) {
    char c = input.charAt(pos);
    if ("bBxXuUnN".indexOf(c) >= 0 && (peek(1) == '\'' || peek(1) == '&' && peek(2) == '\'')) {
      throw error("bit-string, national and Unicode-escape constants are not supported");
    }
    StringBuilder sb = new StringBuilder();
    while (pos < input.length() && isIdentifierPart(input.charAt(pos))) {
      char ch = input.charAt(pos++);
      sb.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch);
    }
    return new Token(Kind.WORD, sb.toString(), start);
  }

  private String operator() {
    int start = pos;
    while (pos < input.length() && OPERATOR_CHARS.indexOf(input.charAt(pos)) >= 0
        && !(pos > start && (input.startsWith("--", pos) || input.startsWith("/*", pos)))) {
      pos++;
    }
    String op = input.substring(start, pos);
    if (op.length() > 1 && op.chars().noneMatch(ch -> NON_SQL_OPERATOR_CHARS.indexOf(ch) >= 0)) {
      int end = op.length();
      while (end > 1 && (op.charAt(end - 1) == '+' || op.charAt(end - 1) == '-')) {
        end--;
      }
      op = op.substring(0, end);
      pos = start + end;
    }
    return op.equals("!=") ? "<>" : op;
  }

  private char peek(int ahead) {
    int i = pos + ahead;
    return i < input.length() ? input.charAt(i) : '\0';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentifierStart(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80 && Character.isLetter(c);
  }

  private static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || isDigit(c) || c == '$';
  }

  private ExpressionSyntaxException error(String message) {
    return new ExpressionSyntaxException(message + " at offset " + pos);
  }
}
