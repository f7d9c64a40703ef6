package dev.autogen.cli.source;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A uniquely named, empty database on a dev server, dropped (with its connections) on close. Replay
 * mode applies the migrations into one of these and reads it back; nothing else is touched.
 */
public final class ScratchDatabase implements AutoCloseable {

  private final DatabaseLogin admin;
  private final String name;
  /** Whether the database was renamed to be kept ({@link #keepAs}), so that closing leaves it. */
  private boolean kept;

  private ScratchDatabase(DatabaseLogin admin, String name) {
    this.admin = admin;
    this.name = name;
  }

  /**
   * @param server the dev server
   * @return a new empty database on it
   * @throws AutogenException with {@link ExitCode#DATABASE} when the server refuses
   */
  public static ScratchDatabase create(DevServer server) {
    String name = newName();
    execute(server.admin(), "create database " + name);
    return new ScratchDatabase(server.admin(), name);
  }

  /**
   * @param server the dev server
   * @param template a database of it no one is connected to, e.g. a replay snapshot
   * @return a new database on it, a copy of the template ({@code CREATE DATABASE ... TEMPLATE}, PostgreSQL
   *     "23.3. Template Databases": no statement replayed). On a server that is not {@linkplain
   *     DevServer#durable() durable} the copy is made with {@code STRATEGY FILE_COPY} (PostgreSQL 15+, CREATE
   *     DATABASE): the files are copied as they are instead of being written to the WAL block by block, which
   *     halves the copy of a 1,000-table snapshot (0.49 s to 0.26 s on the embedded server); on a durable server
   *     the checkpoints it forces make it slower (0.45-0.52 s to 0.60 s on PostgreSQL 15), so the default stays
   * @throws AutogenException with {@link ExitCode#DATABASE} when the server refuses, e.g. while another
   *     session is connected to the template
   */
  public static ScratchDatabase copyOf(DevServer server, String template) {
    String name = newName();
    execute(server.admin(), "create database " + name + " template " + template
        + (server.durable() ? "" : " strategy file_copy"));
    return new ScratchDatabase(server.admin(), name);
  }

  /** @return the database's name, {@code autogen_dev_} and 16 hex digits */
  public String name() {
    return name;
  }

  /** @return the login to the scratch database */
  public DatabaseLogin login() {
    return admin.withDatabase(name);
  }

  /**
   * Keeps the database under another name instead of dropping it when closed: {@code ALTER DATABASE ...
   * RENAME TO}, which copies nothing (PostgreSQL, ALTER DATABASE: no session may be connected to it).
   *
   * @param newName the name to keep it under, a plain lower-case identifier (e.g. a snapshot's name)
   * @return true when renamed (closing then leaves it); false when the server has a database of that name
   *     already ({@code duplicate_database}): this one stays a scratch database, dropped when closed
   * @throws AutogenException with {@link ExitCode#DATABASE} when the server refuses otherwise, e.g. while a
   *     session is still connected to it
   */
  public boolean keepAs(String newName) {
    try {
      execute(admin, "alter database " + name + " rename to " + newName);
    } catch (AutogenException e) {
      if (isDuplicateDatabase(e)) {
        return false;
      }
      throw e;
    }
    kept = true;
    return true;
  }

  /**
   * @param e a refusal of the dev server
   * @return whether it was PostgreSQL's {@code duplicate_database} (SQLSTATE 42P04, Appendix A): a database of
   *     that name exists already
   */
  static boolean isDuplicateDatabase(AutogenException e) {
    return e.getCause() instanceof SQLException sql && "42P04".equals(sql.getSQLState());
  }

  /**
   * Drops the database, unless it was kept under another name ({@link #keepAs}). A failure here must not fail a run that has its result, so it is reported
   * on standard error as one line (the scratch database's name, so it can be dropped by hand).
   */
  @Override
  public void close() {
    if (kept) {
      return;
    }
    try {
      execute(admin, "drop database if exists " + name + " with (force)");
    } catch (AutogenException e) {
      System.err.println("autogen: warning: could not drop scratch database " + name + " on " + admin + ": "
          + e.getMessage());
    }
  }

  /** The name prefix of scratch databases. */
  static final String PREFIX = "autogen_dev_";

  private static String newName() {
    return PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  /**
   * Drops every scratch database of the server: those of runs killed while they used it. Only for a server
   * no other run uses now (the persistent embedded one, under its lock).
   *
   * @param admin a login to the server, never null
   * @throws AutogenException with {@link ExitCode#DATABASE} when the server refuses
   */
  static void dropAll(DatabaseLogin admin) {
    List<String> left = new ArrayList<>();
    query(admin, "select datname from pg_database where datname like '" + PREFIX.replace("_", "\\_") + "%'",
        rows -> {
          while (rows.next()) {
            left.add(rows.getString(1));
          }
        });
    left.forEach(database -> execute(admin, "drop database if exists " + database + " with (force)"));
  }

  /** Reads a query's rows. */
  interface Rows {
    /**
     * @param rows the result, positioned before its first row
     * @throws SQLException when reading fails
     */
    void read(ResultSet rows) throws SQLException;
  }

  /**
   * Runs a query on a dev server, in its own connection.
   *
   * @throws AutogenException with {@link ExitCode#DATABASE} when the server refuses
   */
  static void query(DatabaseLogin login, String sql, Rows reader) {
    try (Connection c = DriverManager.getConnection(login.url(), login.user(), login.password());
        Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
      reader.read(rows);
    } catch (SQLException e) {
      throw refused(login, sql, e);
    }
  }

  /**
   * Runs a statement on a dev server, in its own connection.
   *
   * @throws AutogenException with {@link ExitCode#DATABASE} when the server refuses
   */
  static void execute(DatabaseLogin login, String sql) {
    try (Connection c = DriverManager.getConnection(login.url(), login.user(), login.password());
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw refused(login, sql, e);
    }
  }

  private static AutogenException refused(DatabaseLogin login, String sql, SQLException e) {
    return new AutogenException(ExitCode.DATABASE,
        "dev database server " + login + " refused '" + sql + "': " + e.getMessage(), e);
  }
}
