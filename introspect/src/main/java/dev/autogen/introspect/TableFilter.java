package dev.autogen.introspect;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides which tables an introspection reads: the include and exclude globs of {@link
 * IntrospectOptions}, and never the migration tools' own bookkeeping tables ({@link
 * #MIGRATION_TOOL_TABLES}) in any schema.
 */
public final class TableFilter {

  /**
   * The tables migration tools create for themselves: Flyway's schema history table (default name
   * of {@code flyway.table}) and Liquibase's {@code DATABASECHANGELOG} and {@code
   * DATABASECHANGELOGLOCK}, which Liquibase creates in lower case on PostgreSQL.
   */
  public static final Set<String> MIGRATION_TOOL_TABLES =
      Set.of("flyway_schema_history", "databasechangelog", "databasechangeloglock");

  private final List<Glob> includes;
  private final List<Glob> excludes;

  private TableFilter(List<Glob> includes, List<Glob> excludes) {
    this.includes = includes;
    this.excludes = excludes;
  }

  /**
   * @param includePatterns globs of tables to read, empty for all; never null
   * @param excludePatterns globs of tables to skip, never null
   * @return the filter
   * @throws NullPointerException when a list or a pattern is null
   */
  public static TableFilter of(List<String> includePatterns, List<String> excludePatterns) {
    return new TableFilter(
        includePatterns.stream().map(Glob::parse).toList(),
        excludePatterns.stream().map(Glob::parse).toList());
  }

  /**
   * @param schema the table's schema, exactly as stored
   * @param table the table's name, exactly as stored
   * @return whether the table is read: not a migration tool's table, included (or no includes given)
   *     and not excluded
   */
  public boolean accepts(String schema, String table) {
    if (MIGRATION_TOOL_TABLES.contains(table)) {
      return false;
    }
    boolean included = includes.isEmpty() || includes.stream().anyMatch(g -> g.matches(schema, table));
    return included && excludes.stream().noneMatch(g -> g.matches(schema, table));
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
          ? new Glob(null, compile(pattern))
          : new Glob(compile(pattern.substring(0, dot)), compile(pattern.substring(dot + 1)));
    }

    boolean matches(String schemaName, String tableName) {
      return (schema == null || schema.matcher(schemaName).matches()) && table.matcher(tableName).matches();
    }

    private static Pattern compile(String glob) {
      StringBuilder regex = new StringBuilder();
      StringBuilder literal = new StringBuilder();
      for (char c : glob.toCharArray()) {
        if (c == '*' || c == '?') {
          regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
          literal.setLength(0);
        } else {
          literal.append(c);
        }
      }
      regex.append(Pattern.quote(literal.toString()));
      return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
  }
}
