package dev.autogen.introspect.postgres;

import dev.autogen.model.SchemaSourceException;
import dev.autogen.model.SchemaSourceException.Reason;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/** Opens the connections autogen makes to PostgreSQL, with its one-line errors. */
public final class PostgresConnections {

  private static final String URL_PREFIX = "jdbc:postgresql:";
  /**
   * PostgreSQL's driver of autogen's own class path, called directly rather than through {@code
   * DriverManager}: {@code DriverManager} finds its drivers once per JVM, with the thread's context
   * class loader of its first use; when that first use is the dev database resolving a {@code
   * columnDefinition} while the application's own Hibernate reads the entities (context class loader:
   * the application's class path over the JDK only), it finds no PostgreSQL driver ever after ("No
   * suitable driver").
   */
  private static final Driver DRIVER = new org.postgresql.Driver();

  private PostgresConnections() {}

  /**
   * Opens a connection named {@code autogen} ({@code ApplicationName}, shown in {@code
   * pg_stat_activity}), with the driver's defaults otherwise (auto-commit, writable).
   *
   * @param jdbcUrl a {@code jdbc:postgresql://host:port/database} URL, never null
   * @param user the login role, or null for the driver's default (a {@code user} URL parameter, else
   *     the operating system user)
   * @param password the password, or null when the server needs none or the URL carries it
   * @return a new connection that the caller must close
   * @throws SchemaSourceException {@link Reason#INPUT} when the URL is not a PostgreSQL URL ({@link
   *     PostgresErrors#notPostgresUrl}); {@link Reason#UNREACHABLE} when the connection fails, with
   *     the message of {@link PostgresErrors#cannotConnect}
   */
  public static Connection open(String jdbcUrl, String user, String password) {
    if (!jdbcUrl.startsWith(URL_PREFIX)) {
      throw PostgresErrors.notPostgresUrl(jdbcUrl);
    }
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    properties.setProperty("ApplicationName", "autogen");
    try {
      return DRIVER.connect(jdbcUrl, properties);
    } catch (SQLException e) {
      throw PostgresErrors.cannotConnect(jdbcUrl, user, password, e);
    }
  }

  /**
   * Closes a connection whose work is done or failed: a failing close neither spoils a result
   * already read nor hides the error of a failed read.
   *
   * @param connection the connection, never null
   */
  public static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // the session ends with the socket either way
    }
  }
}
