package dev.autogen.introspect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.fixtures.TestDatabase;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Connections open whatever the thread's context class loader is: the dev database is reached while
 * the application's own Hibernate reads the entities, with the application's class path (over the JDK
 * only, no PostgreSQL driver) as context class loader; when that is the JVM's first JDBC connection,
 * {@code DriverManager} would never find the driver afterwards.
 */
class PostgresConnectionsTest {

  @Test
  void theFirstConnectionOfTheJvmOpensUnderAnApplicationsContextClassLoader() throws Exception {
    // a JVM of its own: DriverManager looks for drivers once per JVM, at its first use
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        FirstConnection.class.getName(), TestDatabase.adminUrl(), TestDatabase.user()))
        .redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(child.exitValue()).as(output).isZero();
    assertThat(output).contains("application_name=autogen");
  }

  /** The child: its first connection with a context class loader that sees the JDK only. */
  static final class FirstConnection {
    public static void main(String[] args) throws Exception {
      Thread.currentThread().setContextClassLoader(new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader()));
      try (Connection c = PostgresConnections.open(args[0], args[1], null);
          ResultSet r = c.createStatement().executeQuery("select current_setting('application_name')")) {
        r.next();
        System.out.println("application_name=" + r.getString(1));
      }
    }
  }
}
