package dev.autogen.model;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which tables a run compares: the {@code --include-tables} and {@code --exclude-tables} globs, and
 * never the migration tools' own bookkeeping tables ({@link #MIGRATION_TOOL_TABLES}). The one owner of
 * table filtering: introspection reads only the tables it accepts, and the same filter is applied to
 * the entities' catalog ({@link #applyTo(Catalog)}), so both sides of a comparison hold the same
 * tables and a table left out is neither created nor dropped.
 *
 * <p>Glob syntax, matched against the whole name, case-sensitively (identifiers are compared exactly
 * as the catalog stores them):
 *
 * <ul>
 *   <li>{@code *} matches any run of characters, {@code ?} exactly one;
 *   <li>{@code [abc]} one of the characters listed, {@code [a-z]} one in the range, {@code [!abc]} (or
 *       {@code [^abc]}) one not listed; a {@code ]} right after {@code [} or {@code [!} is listed;
 *   <li>{@code \} takes the next character literally ({@code a\[1\]} matches {@code a[1]});
 *   <li>every other character matches itself.
 * </ul>
 *
 * <p>A pattern containing a dot is schema-qualified ({@code app.order_*}: the part before the first dot
 * matches the schema, the rest the table); a pattern without a dot matches the table in every schema.
 * An exclusion wins over an inclusion. The syntax is that of POSIX shell patterns (IEEE Std 1003.1,
 * 2.13.1 "Patterns Matching a Single Character"), without brace expansion, whose commas would clash
 * with the comma-separated option values.
 */
public final class TableFilter {

  /**
   * The tables migration tools create for themselves: Flyway's schema history table (default name
   * of {@code flyway.table}) and Liquibase's {@code DATABASECHANGELOG} and {@code
   * DATABASECHANGELOGLOCK}, which Liquibase creates in lower case on PostgreSQL.
   */
  public static final Set<String> MIGRATION_TOOL_TABLES =
      Set.of("flyway_schema_history", "databasechangelog", "databasechangeloglock");

  private static final TableFilter ALL = new TableFilter(List.of(), List.of());

  private final List<Glob> includes;
  private final List<Glob> excludes;

  private TableFilter(List<Glob> includes, List<Glob> excludes) {
    this.includes = includes;
    this.excludes = excludes;
  }

  /** @return the filter that accepts every table but the migration tools' own */
  public static TableFilter all() {
    return ALL;
  }

  /**
   * @param includePatterns globs of tables to compare, empty for all; never null
   * @param excludePatterns globs of tables to leave out, never null
   * @return the filter
   * @throws NullPointerException when a list or a pattern is null
   * @throws IllegalArgumentException when a pattern is not a valid glob (an unclosed {@code [}, an empty
   *     class, a trailing {@code \}); the message quotes it and says why
   */
  public static TableFilter of(List<String> includePatterns, List<String> excludePatterns) {
    return new TableFilter(
        includePatterns.stream().map(Glob::parse).toList(),
        excludePatterns.stream().map(Glob::parse).toList());
  }

  /**
   * @param schema the table's schema, exactly as stored
   * @param table the table's name, exactly as stored
   * @return whether the table is compared: not a migration tool's table, included (or no includes
   *     given) and not excluded
   */
  public boolean accepts(String schema, String table) {
    if (MIGRATION_TOOL_TABLES.contains(table)) {
      return false;
    }
    boolean included = includes.isEmpty() || includes.stream().anyMatch(g -> g.matches(schema, table));
    return included && excludes.stream().noneMatch(g -> g.matches(schema, table));
  }

  /**
   * @param catalog a catalog, never null
   * @return the catalog with only the tables and views this filter accepts; sequences, enumerated types
   *     and domains are kept, and so are foreign keys to tables left out (such tables still exist)
   */
  public Catalog applyTo(Catalog catalog) {
    return new Catalog(catalog.schemas().stream().map(s -> new Schema(s.name(),
        s.tables().stream().filter(t -> accepts(s.name(), t.name())).toList(), s.sequences(), s.enums(),
        s.domains(), s.views().stream().filter(v -> accepts(s.name(), v.name())).toList())).toList());
  }

  /**
   * One glob, optionally schema-qualified.
   *
   * @param schema the schema part, or null when the glob matches tables of any schema
   * @param table the table part
   */
  private record Glob(Pattern schema, Pattern table) {

    static Glob parse(String pattern) {
      int dot = pattern.indexOf('.');
      return dot < 0
          ? new Glob(null, compile(pattern, pattern))
          : new Glob(compile(pattern.substring(0, dot), pattern), compile(pattern.substring(dot + 1), pattern));
    }

    boolean matches(String schemaName, String tableName) {
      return (schema == null || schema.matcher(schemaName).matches()) && table.matcher(tableName).matches();
    }

    private static Pattern compile(String glob, String whole) {
      StringBuilder regex = new StringBuilder();
      for (int i = 0; i < glob.length(); i++) {
        char c = glob.charAt(i);
        switch (c) {
          case '*' -> regex.append(".*");
          case '?' -> regex.append('.');
          case '\\' -> {
            if (i + 1 == glob.length()) {
              throw invalid(whole, "it ends in a lone \\ (write \\\\ to match a backslash)");
            }
            regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
          }
          case '[' -> i = characterClass(glob, i, whole, regex);
          default -> regex.append(Pattern.quote(String.valueOf(c)));
        }
      }
      return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** Appends the class that starts at {@code open}; @return the index of its closing {@code ]} */
    private static int characterClass(String glob, int open, String whole, StringBuilder regex) {
      int i = open + 1;
      boolean negated = i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^');
      if (negated) {
        i++;
      }
      StringBuilder members = new StringBuilder();
      int first = i;
      for (; i < glob.length() && (glob.charAt(i) != ']' || i == first); i++) {
        char c = glob.charAt(i);
        if (c == '-' && i > first && i + 1 < glob.length() && glob.charAt(i + 1) != ']') {
          char from = glob.charAt(i - 1);
          char to = glob.charAt(i + 1);
          if (to < from) {
            throw invalid(whole, "the range " + from + "-" + to + " runs backwards");
          }
          members.append('-');
        } else {
          members.append(c == '\\' || c == '[' || c == ']' || c == '^' || c == '-' || c == '&' ? "\\" + c : c);
        }
      }
      if (i >= glob.length()) {
        throw invalid(whole, "the [ at position " + (open + 1) + " opens a character class that is never closed"
            + " (write \\[ to match a [)");
      }
      regex.append('[').append(negated ? "^" : "").append(members).append(']');
      return i;
    }

    private static IllegalArgumentException invalid(String pattern, String why) {
      return new IllegalArgumentException("invalid table pattern '" + pattern + "': " + why);
    }
  }
}
