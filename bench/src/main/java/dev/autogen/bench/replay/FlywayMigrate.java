package dev.autogen.bench.replay;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * The "Flyway migrate alone" floor of the replay benchmark, run in a JVM of its own: Flyway's default
 * {@code migrate} (one transaction per migration) of a {@code filesystem:} directory into a database,
 * configured as autogen configures it (no transactional lock, so that non-transactional migrations
 * are not blocked by it). Prints how many migrations it applied.
 *
 * <p>Usage: {@code FlywayMigrate JDBC_URL USER DIRECTORY}; the password comes from {@code
 * AUTOGEN_PASSWORD}. Exits non-zero (with Flyway's exception) when a migration fails.
 */
public final class FlywayMigrate {

  private FlywayMigrate() {}

  /**
   * @param args the database's JDBC URL, the user, the migrations directory
   * @throws IllegalArgumentException when the arguments are not three
   */
  public static void main(String[] args) {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: FlywayMigrate JDBC_URL USER DIRECTORY");
    }
    FluentConfiguration config = Flyway.configure()
        .dataSource(args[0], args[1], System.getenv("AUTOGEN_PASSWORD"))
        .locations("filesystem:" + args[2]);
    config.getPluginRegister().getExact(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    System.out.println(config.load().migrate().migrationsExecuted);
  }
}
