package dev.autogen.cli;

import dev.autogen.fixtures.TestDatabase;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Flyway as the README tells users to run autogen's migrations, for tests that apply the files the CLI
 * writes: the directory as a {@code filesystem:} location on a test database, and {@code
 * flyway.postgresql.transactional.lock=false}. By default Flyway 13 holds its schema-history lock in an
 * open transaction on a second connection, and a {@code CREATE INDEX CONCURRENTLY} in a non-transactional
 * migration waits for that transaction to end, which it never does (Flyway docs, "PostgreSQL
 * Transactional Lock"; with the setting off the advisory lock is taken at session level).
 */
public final class TestFlyway {

  private TestFlyway() {}

  /**
   * @param db the database to migrate, not null
   * @param locations the migrations directory, not null
   * @return a configuration to refine further (target, table, baseline) and {@code load()}
   */
  public static FluentConfiguration configure(TestDatabase db, Path locations) {
    FluentConfiguration config = Flyway.configure()
        .dataSource(db.url(), TestDatabase.user(), TestDatabase.password())
        .locations("filesystem:" + locations);
    config.getPluginRegister().getExact(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    return config;
  }
}
