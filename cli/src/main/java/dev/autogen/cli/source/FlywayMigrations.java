package dev.autogen.cli.source;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import dev.autogen.codegen.flyway.ExistingMigration;
import dev.autogen.codegen.flyway.FlywayFileName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resolver.ResolvedMigration;
import org.flywaydb.core.internal.parser.ParsingContext;
import org.flywaydb.core.internal.resolver.CompositeMigrationResolver;
import org.flywaydb.core.internal.scanner.Scanner;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.flywaydb.database.postgresql.PostgreSQLDatabaseType;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

/**
 * A Flyway migrations directory, read and applied with Flyway's own library (so naming, ordering,
 * placeholders and checksums are Flyway's rules, not ours). Every reader of the directory sees the
 * same file set, Flyway's: the replay ({@link #migrate}), the live "not at head" check ({@link
 * #pending}) and the choice of the next version ({@link #existing}) all scan the {@code filesystem:}
 * location with Flyway, subdirectories included, and parse names with Flyway's rules.
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
   * The versioned ({@code V}) and undo ({@code U}) SQL migrations of the directory and its
   * subdirectories, resolved without a database by Flyway's own resolver (its scanner of the {@code
   * filesystem:} location and its name parser: {@code V1_1__x.sql} is version {@code 1.1}, {@code
   * R__x.sql} is repeatable and has none, other files are not migrations). Flyway's community edition
   * does not apply undo files, so they are resolved as versioned migrations under the prefix {@code U}.
   * Flyway's resolver lives in its {@code internal} packages: its public API resolves only through
   * {@code info()}, which needs a database connection.
   *
   * @return the migrations, versioned ones first, each in Flyway's version order
   * @throws AutogenException with {@link ExitCode#USAGE} when Flyway rejects the directory, e.g. two
   *     migrations of one version (in different subdirectories)
   */
  public List<ExistingMigration> existing() {
    List<ExistingMigration> all = new ArrayList<>(resolve('V', "V"));
    all.addAll(resolve('U', "U"));
    return all;
  }

  private List<ExistingMigration> resolve(char kind, String prefix) {
    FluentConfiguration config = configure().sqlMigrationPrefix(prefix);
    try {
      Scanner<JavaMigration> scanner = new Scanner<>(JavaMigration.class, config, config.getLocations());
      ParsingContext parsing = new ParsingContext();
      CompositeMigrationResolver resolver = new CompositeMigrationResolver(scanner, scanner, config, null,
          new PostgreSQLDatabaseType().createSqlScriptFactory(config, parsing), parsing, null);
      return resolver.resolveMigrations(config).stream()
          .filter(m -> m.getVersion() != null && m.getPhysicalLocation() != null)
          .sorted(Comparator.comparing(ResolvedMigration::getVersion))
          .map(m -> new ExistingMigration(new FlywayFileName(kind, m.getVersion().getVersion(), m.getDescription()),
              Path.of(m.getPhysicalLocation())))
          .toList();
    } catch (FlywayException e) {
      throw new AutogenException(ExitCode.USAGE,
          "the migrations in " + directory + " are not valid for Flyway: " + firstLine(e.getMessage()), e);
    }
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
    FluentConfiguration config = configure().dataSource(login.url(), login.user(), login.password());
    config.getPluginRegister().getExact(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    return config.load();
  }

  /** @return the configuration every use of the directory shares: its location, schemas, no clean */
  private FluentConfiguration configure() {
    return Flyway.configure()
        .locations("filesystem:" + directory)
        .schemas(schemas.toArray(String[]::new))
        .cleanDisabled(true);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    return message.strip().lines().filter(l -> !l.isBlank() && !l.startsWith("-")).findFirst().orElse(message.strip());
  }
}
