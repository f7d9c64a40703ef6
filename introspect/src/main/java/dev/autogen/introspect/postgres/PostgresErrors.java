package dev.autogen.introspect.postgres;

import dev.autogen.introspect.JdbcUrls;
import dev.autogen.model.SchemaSourceException;
import dev.autogen.model.SchemaSourceException.Reason;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.util.PSQLException;

/**
 * Turns JDBC failures into one-line {@link SchemaSourceException}s that never contain a password
 * (URLs go through {@link JdbcUrls#redact(String)}).
 *
 * <p>Classification follows the SQLSTATE classes of PostgreSQL "Appendix A. PostgreSQL Error Codes":
 * class {@code 08} (connection exception), {@code 28} (invalid authorization), {@code 3D} (invalid
 * catalog name: unknown database), {@code 53} (insufficient resources, e.g. too many connections),
 * {@code 57P} (operator intervention: server shutting down) and {@code 42501} (insufficient
 * privilege) mean the database is unreachable or refused us; anything else is reported as an input
 * problem with the server's own reason.
 */
public final class PostgresErrors {

  /** SQLSTATE read_only_sql_transaction ("Appendix A. PostgreSQL Error Codes"). */
  private static final String READ_ONLY_SQL_TRANSACTION = "25006";

  private PostgresErrors() {}

  /**
   * The error for a failed connection attempt (refused, unknown host, authentication failure,
   * unknown database, ...): {@code cannot connect to <url> as <user>: <driver's reason>}.
   *
   * @param url the JDBC URL tried, never null; its passwords ({@link JdbcUrls#passwords}) are hidden
   *     in the URL shown and wherever the driver's reason repeats them ({@code Unable to parse URL
   *     <url>}, or an unknown host {@code bob:s3cret@host} taken from the URL)
   * @param user the user name, or null when none was given (then the user the driver logs in as is
   *     named: {@link JdbcUrls#user})
   * @param password the password tried, or null; hidden wherever the driver's reason repeats it
   * @param failure the driver's exception, never null
   * @return an {@link Reason#UNREACHABLE} error
   */
  public static SchemaSourceException cannotConnect(String url, String user, String password, SQLException failure) {
    String who = " as " + JdbcUrls.user(url, user);
    String message = "cannot connect to " + JdbcUrls.redact(url) + who + ": " + reason(failure);
    List<String> secrets = new ArrayList<>(JdbcUrls.passwords(url));
    if (password != null) {
      secrets.add(password);
    }
    return new SchemaSourceException(Reason.UNREACHABLE, mask(message, secrets), failure);
  }

  /**
   * The error for a URL the PostgreSQL driver would not take.
   *
   * @param url the URL given, never null; its passwords are hidden ({@link JdbcUrls#redact})
   * @return an {@link Reason#INPUT} error naming the expected form
   */
  public static SchemaSourceException notPostgresUrl(String url) {
    return new SchemaSourceException(Reason.INPUT, "not a PostgreSQL JDBC URL: " + JdbcUrls.redact(url)
        + " (expected jdbc:postgresql://host:port/database)", null);
  }

  /**
   * The error for a failure after the connection was made, while reading the catalog.
   *
   * @param database the database's name, for the message
   * @param failure the driver's exception, never null
   * @return {@link Reason#UNREACHABLE} for a lost or refused connection, else {@link Reason#INPUT}
   */
  static SchemaSourceException whileReading(String database, SQLException failure) {
    String state = failure.getSQLState() == null ? "" : failure.getSQLState();
    if ("42501".equals(state)) {
      return new SchemaSourceException(Reason.UNREACHABLE, "permission denied reading the catalog of database "
          + database + ": " + reason(failure) + " (connect as a role that may read it)", failure);
    }
    if (isConnectionProblem(state)) {
      return new SchemaSourceException(Reason.UNREACHABLE, "lost the connection to database " + database
          + " while reading its catalog: " + reason(failure), failure);
    }
    return new SchemaSourceException(Reason.INPUT, "cannot read the catalog of database " + database + ": "
        + reason(failure), failure);
  }

  /**
   * The error for a column definition PostgreSQL would not create a column from.
   *
   * @param database the database's name, for the message
   * @param definition the definition as given, never null; written on one line (runs of white space
   *     become one space) between single quotes
   * @param failure the driver's exception, never null
   * @return {@link Reason#UNREACHABLE} for a lost or refused connection ({@code lost the connection
   *     to database <db> while resolving column definitions: <reason>}); {@link Reason#INPUT} for a
   *     read-only session, which cannot create the temporary table ({@code resolving column
   *     definitions needs a writable session: <reason>}); otherwise {@link Reason#INPUT} with {@code
   *     PostgreSQL rejects the column definition '<definition>': <server's message>}, the message
   *     without its {@code ERROR:} severity and position lines
   */
  static SchemaSourceException rejectedColumnDefinition(String database, String definition, SQLException failure) {
    String state = failure.getSQLState() == null ? "" : failure.getSQLState();
    if (isConnectionProblem(state)) {
      return new SchemaSourceException(Reason.UNREACHABLE, "lost the connection to database " + database
          + " while resolving column definitions: " + reason(failure), failure);
    }
    if (READ_ONLY_SQL_TRANSACTION.equals(state)) {
      return new SchemaSourceException(Reason.INPUT,
          "resolving column definitions needs a writable session: " + serverMessage(failure), failure);
    }
    return new SchemaSourceException(Reason.INPUT, "PostgreSQL rejects the column definition '"
        + definition.strip().replaceAll("\\s+", " ") + "': " + serverMessage(failure), failure);
  }

  /** The server's own message (no {@code ERROR:}, no position), else the driver's first line. */
  private static String serverMessage(SQLException failure) {
    if (failure instanceof PSQLException p && p.getServerErrorMessage() != null
        && p.getServerErrorMessage().getMessage() != null) {
      return firstLine(p.getServerErrorMessage().getMessage());
    }
    return reason(failure);
  }

  private static boolean isConnectionProblem(String state) {
    return state.startsWith("08") || state.startsWith("28") || state.startsWith("3D")
        || state.startsWith("53") || state.startsWith("57P");
  }

  /** The driver's message, first line only, with the unknown host named when that is the cause. */
  private static String reason(SQLException failure) {
    String text = firstLine(failure.getMessage());
    for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return text + " (unknown host " + firstLine(t.getMessage()) + ")";
      }
    }
    return text;
  }

  private static String firstLine(String text) {
    if (text == null || text.isBlank()) {
      return "no reason given";
    }
    return text.strip().lines().findFirst().orElse("").strip();
  }

  /** The message with every non-empty secret in it replaced by {@link JdbcUrls#HIDDEN}. */
  private static String mask(String message, List<String> secrets) {
    String masked = message;
    for (String secret : secrets) {
      if (!secret.isEmpty()) {
        masked = masked.replace(secret, JdbcUrls.HIDDEN);
      }
    }
    return masked;
  }
}
