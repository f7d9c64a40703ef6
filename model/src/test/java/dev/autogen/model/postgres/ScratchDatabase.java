package dev.autogen.model.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A uniquely named database on the local PostgreSQL (127.0.0.1:5432, user postgres, trust
 * authentication), created for one test class and dropped on {@link #close()}. The model module
 * cannot use the fixtures module's helper: fixtures depends on model.
 */
final class ScratchDatabase implements AutoCloseable {

  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  private static final String USER = "postgres";

  private final String name;
  private final Connection connection;

  private ScratchDatabase(String name, Connection connection) {
    this.name = name;
    this.connection = connection;
  }

  /**
   * @param prefix a lower-case prefix naming the test
   * @return a new empty database, connected
   * @throws SQLException when the server is unreachable
   */
  static ScratchDatabase create(String prefix) throws SQLException {
    String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toLowerCase(Locale.ROOT);
    try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
        Statement st = admin.createStatement()) {
      st.execute("create database " + name);
    }
    return new ScratchDatabase(name, DriverManager.getConnection(SERVER + name, USER, ""));
  }

  /** @param sql a statement to run @throws SQLException when it fails */
  void execute(String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }

  /**
   * @param sql a query returning one row and one column
   * @param parameters values for its {@code ?} placeholders
   * @return the value as a string
   * @throws SQLException when the query fails or returns no row
   */
  String queryString(String sql, Object... parameters) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        st.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("no row: " + sql);
        }
        return rs.getString(1);
      }
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
    try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
        Statement st = admin.createStatement()) {
      st.execute("drop database if exists " + name + " with (force)");
    }
  }
}
