package dev.autogen.model;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A canonical server default. Catalogs spell defaults with casts ({@code 'x'::character varying}),
 * entities without ({@code 'x'}); both parse to the same {@link Literal}. Sequence-backed defaults
 * ({@code nextval('s'::regclass)}) are a {@link NextValue}, compared by sequence, not as text.
 */
public sealed interface DefaultExpr permits DefaultExpr.Literal, DefaultExpr.NextValue, DefaultExpr.Expression {

  /** @return the SQL to write after {@code DEFAULT} */
  String sql();

  /**
   * A constant: a quoted string ({@code 'x'}, quotes doubled inside), a number or {@code true}/{@code
   * false}/{@code null}.
   *
   * @param sql the canonical literal, never null
   */
  record Literal(String sql) implements DefaultExpr {
    /** @throws NullPointerException when sql is null */
    public Literal {
      Objects.requireNonNull(sql, "sql");
    }
  }

  /**
   * {@code nextval('sequence')}: the column takes its values from a sequence (what {@code serial}
   * expands to).
   *
   * @param sequence the sequence; schema is null when the catalog did not qualify it
   * @param sql the expression as spelled by the source
   */
  record NextValue(String sequence, String sql) implements DefaultExpr {
    /** @throws NullPointerException when sequence is null */
    public NextValue {
      Objects.requireNonNull(sequence, "sequence");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof NextValue n && unqualified(sequence).equals(unqualified(n.sequence));
    }

    @Override
    public int hashCode() {
      return unqualified(sequence).hashCode();
    }

    private static String unqualified(String name) {
      int dot = name.lastIndexOf('.');
      return dot < 0 ? name : name.substring(dot + 1);
    }
  }

  /**
   * Any other expression, e.g. {@code current_timestamp}; compared after the dialect's
   * {@link Dialect#normalizeExpression(String)}.
   *
   * @param sql the expression as spelled by the source, never null
   */
  record Expression(String sql) implements DefaultExpr {
    /** @throws NullPointerException when sql is null */
    public Expression {
      Objects.requireNonNull(sql, "sql");
    }
  }

  /** {@code 'text'} then any number of {@code ::type} casts. */
  Pattern STRING = Pattern.compile("'((?:[^']|'')*)'(?:::[a-z][a-z0-9_ ]*(?:\\(\\d+(?:,\\d+)?\\))?(?:\\[\\])*)*",
      Pattern.CASE_INSENSITIVE);
  /** A number, possibly parenthesised and cast: {@code (-1)}, {@code 0.5::numeric}. */
  Pattern NUMBER = Pattern.compile("\\(?([+-]?\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?)\\)?(?:::[a-z][a-z0-9_ ]*(?:\\(\\d+(?:,\\d+)?\\))?)*",
      Pattern.CASE_INSENSITIVE);
  /** {@code nextval('name'::regclass)}. */
  Pattern NEXTVAL = Pattern.compile("nextval\\('((?:[^']|'')+)'(?:::regclass)?\\)", Pattern.CASE_INSENSITIVE);

  /**
   * Parses a default as a catalog or an entity spells it.
   *
   * @param raw the default, e.g. {@code 'new'::character varying}, {@code 0}, {@code now()}; may be null
   * @return the canonical default, or null when raw is null or blank
   */
  static DefaultExpr parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = stripParentheses(raw.trim());
    Matcher m = STRING.matcher(s);
    if (m.matches()) {
      return new Literal("'" + m.group(1) + "'");
    }
    m = NUMBER.matcher(s);
    if (m.matches()) {
      return new Literal(canonicalNumber(m.group(1)));
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.matches("(true|false|null)(::[a-z ]+)?")) {
      return new Literal(lower.replaceAll("::.*", ""));
    }
    m = NEXTVAL.matcher(s);
    if (m.matches()) {
      return new NextValue(unquoteIdentifier(m.group(1).replace("''", "'")), s);
    }
    return new Expression(s);
  }

  private static String canonicalNumber(String n) {
    String v = n.startsWith("+") ? n.substring(1) : n;
    return v;
  }

  private static String stripParentheses(String s) {
    String out = s;
    while (out.startsWith("(") && out.endsWith(")") && enclosesWhole(out)) {
      out = out.substring(1, out.length() - 1).trim();
    }
    return out;
  }

  private static boolean enclosesWhole(String s) {
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
        if (depth == 0 && i < s.length() - 1) {
          return false;
        }
      }
    }
    return depth == 0;
  }

  /** Removes identifier quotes from each part of a possibly qualified name: {@code "A"."b"} to {@code A.b}. */
  private static String unquoteIdentifier(String name) {
    StringBuilder sb = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < name.length() && name.charAt(i + 1) == '"') {
          sb.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else {
        sb.append(quoted ? c : Character.toLowerCase(c));
      }
    }
    return sb.toString();
  }
}
