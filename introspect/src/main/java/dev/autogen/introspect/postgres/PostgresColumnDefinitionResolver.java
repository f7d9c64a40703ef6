package dev.autogen.introspect.postgres;

import dev.autogen.model.Column;
import dev.autogen.model.ColumnDefinitionResolver;
import dev.autogen.model.SchemaSourceException;
import dev.autogen.model.SchemaSourceException.Reason;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Resolves column definitions by letting PostgreSQL create them: in a transaction that is always
 * rolled back, {@code create temp table autogen_column_definitions (c1 <definition 1>, c2 <definition
 * 2>, ...)}, then the columns are read back from the catalog by {@link ColumnQuery}, the very query
 * and canonicalisation the introspector applies to real tables, so a definition resolves to exactly
 * what reading a table created with it gives. All definitions cost one statement and one catalog
 * query; only when that statement fails is each definition tried alone, in its own rolled-back
 * transaction, to name the one PostgreSQL rejects.
 *
 * <p>What a definition can mean is limited by the temporary table: it stands alone, so an expression
 * that names another column ({@code generated always as (price * 2) stored}, {@code check (qty > 0)})
 * or a table that does not exist on the resolving database ({@code references}) is rejected. A
 * {@code serial} definition resolves to an {@linkplain dev.autogen.model.DefaultExpr.NextValue#owned()
 * owned} {@code nextval} of a sequence named after the temporary table ({@code
 * autogen_column_definitions_c1_seq}): the caller names it after the real table and column.
 *
 * <p>Nothing is left behind: the table, and any sequence it created, is temporary and never
 * committed. The session must be writable (PostgreSQL "SET TRANSACTION": a read-only transaction
 * may not run CREATE, even of a temporary table). The definitions are SQL from the application's
 * own entities and are run as such; point the resolver at a development database.
 */
public final class PostgresColumnDefinitionResolver implements ColumnDefinitionResolver {

  /** Opens a connection for one {@link #resolve(Collection)}; the resolver closes it. */
  @FunctionalInterface
  public interface ConnectionSource {
    /**
     * @return a new, writable connection to a PostgreSQL 12+ database
     * @throws SQLException when the connection cannot be opened
     * @throws SchemaSourceException when the source reports the failure itself
     */
    Connection open() throws SQLException;
  }

  private static final String TABLE = "autogen_column_definitions";

  private static final String TEMPORARY_TABLE = """
      select n.nspname::text as schema_name, c.oid
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      where n.oid = pg_my_temp_schema() and c.relname = '%s'""".formatted(TABLE);

  private final ConnectionSource source;

  private PostgresColumnDefinitionResolver(ConnectionSource source) {
    this.source = source;
  }

  /**
   * @param jdbcUrl a {@code jdbc:postgresql://host:port/database} URL of a development database, never
   *     null
   * @param user the login role, or null for the driver's default
   * @param password the password, or null when the server needs none or the URL carries it
   * @return a resolver that connects anew for each {@link #resolve(Collection)}, failing as {@link
   *     PostgresConnections#open} does
   * @throws NullPointerException when jdbcUrl is null
   */
  public static PostgresColumnDefinitionResolver connectingTo(String jdbcUrl, String user, String password) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    return new PostgresColumnDefinitionResolver(() -> PostgresConnections.open(jdbcUrl, user, password));
  }

  /**
   * @param source opens the connection each {@link #resolve(Collection)} uses and then closes, never
   *     null
   * @return the resolver
   * @throws NullPointerException when source is null
   */
  public static PostgresColumnDefinitionResolver using(ConnectionSource source) {
    return new PostgresColumnDefinitionResolver(Objects.requireNonNull(source, "source"));
  }

  /**
   * @param definitions column definitions as the entities spell them, e.g. {@code varchar(20) default
   *     'x' not null}, never null; duplicates are resolved once
   * @return what PostgreSQL makes of each definition, keyed by the definition as given, in the order
   *     given; empty without connecting when there are no definitions. {@code notNull} is {@code
   *     attnotnull} (set by NOT NULL, PRIMARY KEY, {@code serial} and identity); the rest is the
   *     {@link Column} {@link ColumnQuery} reads: canonical type, default ({@code null} for identity
   *     and generated columns), identity, generation expression and collation
   * @throws SchemaSourceException {@link Reason#INPUT} naming the first definition PostgreSQL rejects
   *     and its reason, in one line (see {@link PostgresErrors#rejectedColumnDefinition}), also when
   *     a definition adds columns of its own; {@link Reason#UNREACHABLE} when the database cannot be
   *     reached or the connection is lost
   * @throws NullPointerException when definitions is null or contains null
   */
  @Override
  public Map<String, ResolvedColumnDefinition> resolve(Collection<String> definitions) {
    List<String> distinct = List.copyOf(new LinkedHashSet<>(definitions));
    if (distinct.isEmpty()) {
      return Map.of();
    }
    Connection connection = open();
    String database = "(unknown)";
    try {
      database = connection.getCatalog();
      connection.setAutoCommit(false);
      try {
        return createdAndRolledBack(connection, distinct);
      } catch (SQLException batchFailure) {
        Map<String, ResolvedColumnDefinition> resolved = new LinkedHashMap<>();
        for (String definition : distinct) {
          try {
            resolved.putAll(createdAndRolledBack(connection, List.of(definition)));
          } catch (SQLException failure) {
            throw PostgresErrors.rejectedColumnDefinition(database, definition, failure);
          }
        }
        return resolved;
      }
    } catch (SQLException e) {
      throw PostgresErrors.whileReading(database, e);
    } finally {
      PostgresConnections.closeQuietly(connection);
    }
  }

  /**
   * @throws SchemaSourceException {@link Reason#UNREACHABLE}, {@code cannot connect to the database
   *     that resolves column definitions: <reason>}, when the source fails with an SQLException
   */
  private Connection open() {
    try {
      return source.open();
    } catch (SQLException e) {
      throw PostgresErrors.cannotConnect("the database that resolves column definitions", null, null, e);
    }
  }

  /**
   * Creates the temporary table, reads its columns and rolls back, whether that worked or not.
   *
   * @return the resolution of each definition, in order
   * @throws SQLException when PostgreSQL rejects the table, or a definition yields other than one
   *     column (SQLSTATE {@code 42601}, syntax_error)
   */
  private static Map<String, ResolvedColumnDefinition> createdAndRolledBack(Connection connection,
      List<String> definitions) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(createTable(definitions));
      List<Column> columns = temporaryColumns(connection);
      if (columns.size() != definitions.size()) {
        throw new SQLException("the definition makes " + columns.size() + " columns, not one", "42601");
      }
      Map<String, ResolvedColumnDefinition> resolved = new LinkedHashMap<>();
      for (int i = 0; i < definitions.size(); i++) {
        resolved.put(definitions.get(i), resolution(columns.get(i)));
      }
      return resolved;
    } finally {
      connection.rollback();
    }
  }

  /**
   * @return {@code create temp table ... (c1 <definition>\n, c2 <definition>\n)}: a line break ends
   *     each definition so that a trailing {@code --} comment cannot swallow the rest
   */
  private static String createTable(List<String> definitions) {
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < definitions.size(); i++) {
      columns.add("c" + (i + 1) + " " + definitions.get(i) + "\n");
    }
    return "create temp table " + TABLE + " (" + String.join(", ", columns) + ")";
  }

  /** @return the temporary table's columns as {@link ColumnQuery} reads them, in {@code attnum} order */
  private static List<Column> temporaryColumns(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(TEMPORARY_TABLE)) {
      if (!row.next()) {
        throw new SQLException("the temporary table " + TABLE + " was not created");
      }
      return ColumnQuery.load(connection, List.of(row.getString("schema_name")))
          .getOrDefault(row.getLong("oid"), List.of());
    }
  }

  private static ResolvedColumnDefinition resolution(Column column) {
    return new ResolvedColumnDefinition(column.type(), !column.nullable(), column.defaultValue(),
        column.identity(), column.generated(), column.collation());
  }
}
