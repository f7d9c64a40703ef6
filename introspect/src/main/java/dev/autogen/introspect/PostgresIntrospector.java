package dev.autogen.introspect;

import dev.autogen.introspect.postgres.PostgresCatalogReader;
import dev.autogen.introspect.postgres.PostgresConnections;
import dev.autogen.introspect.postgres.PostgresErrors;
import dev.autogen.model.Catalog;
import dev.autogen.model.SchemaSource;
import dev.autogen.model.SchemaSourceException;
import dev.autogen.model.SchemaSourceException.Reason;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * A live PostgreSQL database (12 or later) as a {@link SchemaSource}: connects, reads the chosen
 * schemas into a {@link Catalog} and disconnects. What is read, and how, is described by {@link
 * PostgresCatalogReader}.
 *
 * <p>autogen never writes to a target database. As a safeguard the connections opened here are
 * read-only: {@link Connection#setReadOnly(boolean)}, and, because the driver by default applies
 * that only to transactions it begins itself (pgjdbc's {@code readOnlyMode=transaction}) and a URL
 * parameter can turn it off, also {@code SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY}
 * (PostgreSQL "SET TRANSACTION"), so the server refuses any write in the session (SQLSTATE {@code
 * 25006}, read_only_sql_transaction).
 */
public final class PostgresIntrospector implements SchemaSource {

  private static final String READ_ONLY_SESSION = "set session characteristics as transaction read only";

  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final IntrospectOptions options;

  /**
   * @param jdbcUrl a {@code jdbc:postgresql://host:port/database} URL, never null
   * @param user the login role, or null for the driver's default (a {@code user} URL parameter, else
   *     the operating system user)
   * @param password the password, or null when the server needs none or the URL carries it
   * @param options which schemas and tables to read, never null
   * @throws NullPointerException when jdbcUrl or options is null
   */
  public PostgresIntrospector(String jdbcUrl, String user, String password, IntrospectOptions options) {
    this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    this.user = user;
    this.password = password;
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Connects in a read-only session, reads and closes the connection.
   *
   * @return the catalog of the chosen schemas, never null
   * @throws SchemaSourceException {@link Reason#UNREACHABLE} when the connection fails (refused,
   *     unknown host, authentication failure, unknown database), with the message {@code cannot
   *     connect to <url> as <user>: <driver's reason>} and never the password; {@link Reason#INPUT}
   *     when the URL is not a PostgreSQL URL, a schema does not exist or the server is too old; as
   *     {@link #read(Connection, IntrospectOptions)} otherwise
   */
  @Override
  public Catalog read() {
    Connection connection = connect();
    try {
      return read(connection, options);
    } finally {
      PostgresConnections.closeQuietly(connection);
    }
  }

  /**
   * Reads the chosen schemas through a connection the caller owns; the connection is left open and
   * its settings unchanged.
   *
   * @param connection an open connection to a PostgreSQL 12+ database, never null
   * @param options which schemas and tables to read, never null
   * @return the catalog, never null
   * @throws SchemaSourceException {@link Reason#INPUT} when a schema does not exist ({@code schema X
   *     does not exist in <database>}) or the server is older than PostgreSQL 12; {@link
   *     Reason#UNREACHABLE} when the connection is lost or the role may not read the catalog
   */
  public static Catalog read(Connection connection, IntrospectOptions options) {
    return PostgresCatalogReader.read(connection, options);
  }

  /**
   * Opens the read-only session {@link #read()} uses.
   *
   * @return a new connection, read-only, that the caller must close
   * @throws SchemaSourceException {@link Reason#INPUT} when the URL is not a PostgreSQL URL; {@link
   *     Reason#UNREACHABLE} when the connection fails or cannot be made read-only, with the message of
   *     {@link PostgresErrors#cannotConnect}
   */
  Connection connect() {
    Connection connection = PostgresConnections.open(jdbcUrl, user, password);
    try {
      connection.setReadOnly(true);
      try (Statement statement = connection.createStatement()) {
        statement.execute(READ_ONLY_SESSION);
      }
      return connection;
    } catch (SQLException e) {
      PostgresConnections.closeQuietly(connection);
      throw PostgresErrors.cannotConnect(jdbcUrl, user, password, e);
    }
  }
}
