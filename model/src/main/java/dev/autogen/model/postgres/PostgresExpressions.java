package dev.autogen.model.postgres;

import java.util.Locale;

/**
 * Canonical text for PostgreSQL expressions (check constraints, index predicates, defaults).
 */
public final class PostgresExpressions {

  private PostgresExpressions() {}

  /**
   * @param expression an SQL expression, never null
   * @return its canonical text: lower case outside quotes, single spaces
   */
  public static String normalize(String expression) {
    StringBuilder sb = new StringBuilder();
    boolean quoted = false;
    for (char c : expression.trim().toCharArray()) {
      if (c == '\'' || c == '"') {
        quoted = !quoted;
      }
      sb.append(quoted ? c : Character.toLowerCase(c));
    }
    return sb.toString().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
