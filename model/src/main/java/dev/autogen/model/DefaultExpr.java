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
  record Literal(String sql) implements DefaultExpr, java.io.Serializable {
    /** @throws NullPointerException when sql is null */
    public Literal {
      Objects.requireNonNull(sql, "sql");
    }
  }

  /**
   * {@code nextval('sequence')}: the column takes its values from a sequence (what {@code serial}
   * expands to).
   *
   * <p>The column may own the sequence: PostgreSQL "8.1.4. Serial Types" creates the sequence of a
   * {@code serial}/{@code bigserial} column and marks it {@code OWNED BY} the column, as {@code ALTER
   * SEQUENCE s OWNED BY t.c} does for any sequence; such a sequence belongs to its column, is dropped
   * with it, and is therefore not a {@link Schema#sequences()} entry of its own. Whoever recreates the
   * column must recreate the sequence too, which {@link #owned()} says.
   *
   * <p>Equality is by the unqualified sequence name only: neither {@link #sql()} nor {@link #owned()}
   * takes part, so a catalog's owned {@code nextval('public.t_id_seq'::regclass)} equals an entity's
   * {@code nextval('t_id_seq')}.
   *
   * @param sequence the sequence, as an unquoted name, possibly schema-qualified ({@code app.t_id_seq});
   *     unqualified when the source did not qualify it; never null
   * @param sql the expression as spelled by the source; may be null when the value was built, not read
   * @param owned whether the column that has this default owns the sequence (an {@code a}, "auto",
   *     dependency of the sequence on that column in {@code pg_depend}); {@link DefaultExpr#parse}
   *     never knows it and gives false
   */
  record NextValue(String sequence, String sql, boolean owned) implements DefaultExpr, java.io.Serializable {
    /** @throws NullPointerException when sequence is null */
    public NextValue {
      Objects.requireNonNull(sequence, "sequence");
    }

    /**
     * A default calling a sequence the column does not own.
     *
     * @param sequence the sequence, never null
     * @param sql the expression as spelled by the source, or null
     * @throws NullPointerException when sequence is null
     */
    public NextValue(String sequence, String sql) {
      this(sequence, sql, false);
    }

    /**
     * @param isOwned whether the column owns the sequence
     * @return this default with {@link #owned()} set to isOwned (an equal value)
     */
    public NextValue withOwned(boolean isOwned) {
      return new NextValue(sequence, sql, isOwned);
    }

    /**
     * @return the sequence's name without its schema: the part of {@link #sequence()} after the last
     *     dot, e.g. {@code t_id_seq} for {@code app.t_id_seq}
     */
    public String sequenceName() {
      return unqualified(sequence);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof NextValue n && sequenceName().equals(n.sequenceName());
    }

    @Override
    public int hashCode() {
      return sequenceName().hashCode();
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
  record Expression(String sql) implements DefaultExpr, java.io.Serializable {
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
