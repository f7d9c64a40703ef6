package dev.autogen.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/** A uniquely named database on the benchmark's PostgreSQL server, dropped on close. */
public final class BenchDatabase implements AutoCloseable {

  private final String adminUrl;
  private final String user;
  private final String password;
  private final String name;

  private BenchDatabase(String adminUrl, String user, String password, String name) {
    this.adminUrl = adminUrl;
    this.user = user;
    this.password = password;
    this.name = name;
  }

  /**
   * @param adminUrl a JDBC URL of a database on the server, from which {@code CREATE DATABASE} works
   * @param user the login user
   * @param password the password, may be null
   * @param label a word for the name
   * @return the new empty database
   * @throws SQLException when the server refuses
   */
  public static BenchDatabase create(String adminUrl, String user, String password, String label)
      throws SQLException {
    String name = "autogen_bench_" + label + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    execute(adminUrl, user, password, List.of("create database " + name));
    return new BenchDatabase(adminUrl, user, password, name);
  }

  /** @return the JDBC URL of this database */
  public String url() {
    return adminUrl.replaceFirst("^(jdbc:postgresql://[^/?]*/)[^?]*", "$1" + name);
  }

  /**
   * Runs statements in batches of 500 (one round trip each).
   *
   * @param statements SQL statements without semicolons
   * @throws SQLException when one fails
   */
  public void execute(List<String> statements) throws SQLException {
    for (int from = 0; from < statements.size(); from += 500) {
      List<String> batch = statements.subList(from, Math.min(from + 500, statements.size()));
      execute(url(), user, password, List.of(String.join(";\n", batch)));
    }
  }

  @Override
  public void close() throws SQLException {
    execute(adminUrl, user, password, List.of("drop database if exists " + name + " with (force)"));
  }

  private static void execute(String url, String user, String password, List<String> sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
    }
  }
}
