package dev.autogen.cli.source;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

/**
 * A Flyway migrations directory, read and applied with Flyway's own library (so naming, ordering,
 * placeholders and checksums are Flyway's rules, not ours).
 */
public final class FlywayMigrations {

  private final Path directory;
  private final List<String> schemas;

  /**
   * @param directory a directory of Flyway SQL migrations, never null
   * @param schemas the schemas Flyway manages (its {@code schemas} setting: the first holds its
   *     history table and is the default schema); empty for Flyway's default, the connection's schema
   * @throws AutogenException with {@link ExitCode#USAGE} when it is not a directory
   */
  public FlywayMigrations(Path directory, List<String> schemas) {
    if (!directory.toFile().isDirectory()) {
      throw new AutogenException(ExitCode.USAGE,
          "migrations directory " + directory + " does not exist: create it or pass --migrations DIR");
    }
    this.directory = directory.toAbsolutePath();
    this.schemas = List.copyOf(schemas);
  }

  /** @return the directory */
  public Path directory() {
    return directory;
  }

  /**
   * Applies every pending migration (Flyway {@code migrate}).
   *
   * @param login the database to migrate
   * @return how many migrations were applied
   * @throws AutogenException with {@link ExitCode#USAGE} when a migration fails
   */
  public int migrate(DatabaseLogin login) {
    try {
      return flyway(login).migrate().migrationsExecuted;
    } catch (FlywayException e) {
      throw new AutogenException(ExitCode.USAGE,
          "applying the migrations in " + directory + " failed: " + firstLine(e.getMessage()), e);
    }
  }

  /**
   * Reads the database's {@code flyway_schema_history} (read only) against the directory.
   *
   * @param login the database
   * @return the file names of versioned migrations not yet applied, in order
   * @throws AutogenException with {@link ExitCode#DATABASE} when Flyway cannot read the history
   */
  public List<String> pending(DatabaseLogin login) {
    try {
      return Arrays.stream(flyway(login).info().pending()).map(MigrationInfo::getScript).toList();
    } catch (FlywayException e) {
      throw new AutogenException(ExitCode.DATABASE,
          "cannot read the Flyway history of " + login + ": " + firstLine(e.getMessage()), e);
    }
  }

  private Flyway flyway(DatabaseLogin login) {
    // Flyway's default schema-history lock is held in an open transaction on a second connection,
    // which CREATE INDEX CONCURRENTLY (autogen's --online steps) waits for until its lock_timeout
    // cancels it; with a session-level advisory lock instead such migrations replay (Flyway
    // "PostgreSQL Transactional Lock", flyway.postgresql.transactional.lock=false).
    FluentConfiguration config = Flyway.configure()
        .dataSource(login.url(), login.user(), login.password())
        .locations("filesystem:" + directory)
        .schemas(schemas.toArray(String[]::new))
        .cleanDisabled(true);
    config.getPluginRegister().getExact(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    return config.load();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    return message.strip().lines().filter(l -> !l.isBlank() && !l.startsWith("-")).findFirst().orElse(message.strip());
  }
}
