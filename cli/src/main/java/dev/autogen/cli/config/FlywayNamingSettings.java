package dev.autogen.cli.config;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import dev.autogen.codegen.flyway.FlywayNaming;
import java.util.List;

/**
 * The project's Flyway file naming from the application's Spring Boot configuration ({@code
 * FlywayProperties}, which Spring Boot's {@code FlywayAutoConfiguration} passes to Flyway's
 * configuration of the same names): {@value #PREFIX}, {@value #UNDO_PREFIX}, {@value #SEPARATOR} and
 * {@value #SUFFIXES} (a list: Flyway reads files with any suffix, autogen writes new ones with the
 * first); each unset falls back to Flyway's default ({@link FlywayNaming#DEFAULT}).
 */
public final class FlywayNamingSettings {

  /** Spring Boot's {@code spring.flyway.sql-migration-prefix}, Flyway's {@code sqlMigrationPrefix}. */
  public static final String PREFIX = "spring.flyway.sql-migration-prefix";
  /** Spring Boot's {@code spring.flyway.undo-sql-migration-prefix}, Flyway's {@code undoSqlMigrationPrefix}. */
  public static final String UNDO_PREFIX = "spring.flyway.undo-sql-migration-prefix";
  /** Spring Boot's {@code spring.flyway.sql-migration-separator}, Flyway's {@code sqlMigrationSeparator}. */
  public static final String SEPARATOR = "spring.flyway.sql-migration-separator";
  /** Spring Boot's {@code spring.flyway.sql-migration-suffixes}, Flyway's {@code sqlMigrationSuffixes}. */
  public static final String SUFFIXES = "spring.flyway.sql-migration-suffixes";

  /** Every key read, in the order {@code autogen config} shows them. */
  public static final List<String> KEYS = List.of(PREFIX, UNDO_PREFIX, SEPARATOR, SUFFIXES);

  private FlywayNamingSettings() {}

  /**
   * @param config the application's configuration, never null
   * @return its Flyway naming, Flyway's defaults where it sets none
   * @throws AutogenException with {@link ExitCode#USAGE} when a value is empty or the two prefixes are
   *     equal (naming the keys), or a placeholder cannot be resolved
   */
  public static FlywayNaming of(ApplicationConfig config) {
    FlywayNaming defaults = FlywayNaming.DEFAULT;
    List<String> suffixes = config.list(SUFFIXES);
    try {
      return new FlywayNaming(
          config.value(PREFIX).orElse(defaults.prefix()),
          config.value(UNDO_PREFIX).orElse(defaults.undoPrefix()),
          config.value(SEPARATOR).orElse(defaults.separator()),
          suffixes.isEmpty() ? defaults.suffixes() : suffixes);
    } catch (IllegalArgumentException e) {
      throw new AutogenException(ExitCode.USAGE, e.getMessage() + " (" + String.join(", ", KEYS) + ")", e);
    }
  }

  /**
   * @param config the application's configuration, never null
   * @param key one of {@link #KEYS}
   * @return where the effective value came from: the configuration file and line or environment
   *     variable, else {@code default: Flyway's}
   */
  public static String source(ApplicationConfig config, String key) {
    return config.setting(key).or(() -> config.setting(key + "[0]")).map(Setting::source).orElse("default: Flyway's");
  }
}
