package dev.autogen.maven;

/**
 * Makes PostgreSQL's JDBC driver known to {@link java.sql.DriverManager} in the build's JVM.
 * DriverManager looks for drivers once per JVM, with the thread's context class loader of its first
 * use: when another plugin (or Maven itself) used it first, the driver in this plugin's class realm
 * was never seen, and autogen's connections would fail with "No suitable driver". Loading the class
 * registers it (JDBC 4 drivers register themselves when initialised); a second call does nothing.
 */
final class JdbcDriver {

  private static final String POSTGRESQL = "org.postgresql.Driver";

  private JdbcDriver() {
  }

  /** Loads and so registers PostgreSQL's driver from this plugin's class realm. */
  static void register() {
    try {
      Class.forName(POSTGRESQL, true, JdbcDriver.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("PostgreSQL's JDBC driver is not packaged with the plugin", e);
    }
  }
}
