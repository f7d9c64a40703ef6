package dev.autogen.cli.source;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A uniquely named, empty database on a dev server, dropped (with its connections) on close. Replay
 * mode applies the migrations into one of these and reads it back; nothing else is touched.
 */
public final class ScratchDatabase implements AutoCloseable {

  private final DatabaseLogin admin;
  private final String name;

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
    String name = "autogen_dev_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute(server.admin(), "create database " + name);
    return new ScratchDatabase(server.admin(), name);
  }

  /**
   * @param server the dev server
   * @param template a database of it no one is connected to, e.g. a replay snapshot
   * @return a new database on it, a copy of the template ({@code CREATE DATABASE ... TEMPLATE}, PostgreSQL
   *     "23.3. Template Databases": a file-level copy, no statement replayed)
   * @throws AutogenException with {@link ExitCode#DATABASE} when the server refuses, e.g. while another
   *     session is connected to the template
   */
  public static ScratchDatabase copyOf(DevServer server, String template) {
    String name = "autogen_dev_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute(server.admin(), "create database " + name + " template " + template);
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
   * Drops the database. A failure here must not fail a run that has its result, so it is reported
   * on standard error as one line (the scratch database's name, so it can be dropped by hand).
   */
  @Override
  public void close() {
    try {
      execute(admin, "drop database if exists " + name + " with (force)");
    } catch (AutogenException e) {
      System.err.println("autogen: warning: could not drop scratch database " + name + " on " + admin + ": "
          + e.getMessage());
    }
  }

  private static void execute(DatabaseLogin login, String sql) {
    try (Connection c = DriverManager.getConnection(login.url(), login.user(), login.password());
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new AutogenException(ExitCode.DATABASE,
          "dev database server " + login + " refused '" + sql + "': " + e.getMessage(), e);
    }
  }
}
