package dev.autogen.cli;

import dev.autogen.codegen.flyway.FlywayMigration;
import dev.autogen.codegen.flyway.FlywayMigrationWriter;
import dev.autogen.codegen.flyway.OnlineFlywayMigrations;
import dev.autogen.codegen.postgres.online.OnlineOptions;
import dev.autogen.codegen.postgres.online.OnlinePostgresRenderer;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a comparison as the next Flyway migration and its undo file in a migrations directory, or with
 * {@code --online} as the migrations of an online plan.
 */
final class MigrationFiles {

  private MigrationFiles() {}

  /**
   * @param directory an existing migrations directory
   * @param message what the migration does
   * @param comparison the comparison to write, with at least one change
   * @return the upgrade file and the undo file written
   * @throws AutogenException with {@link ExitCode#USAGE} when a file of that name or version exists
   *     (nothing is overwritten) or the directory cannot be written
   */
  static List<Path> write(Path directory, String message, Comparison comparison) {
    return write(directory, message, comparison, OnlineOptions.of(false, List.of()));
  }

  /**
   * Writes the comparison rendered with the options: one migration, or with {@code --online} one per
   * step of the online plan ({@link OnlineFlywayMigrations}: expand, non-transactional online steps with
   * their {@code .sql.conf}, contract), at consecutive versions, all or nothing.
   *
   * @param directory an existing migrations directory
   * @param message what the migration does
   * @param comparison the comparison to write, with at least one change
   * @param online how to render it
   * @return every file written: each migration's upgrade and undo files, then its configuration files
   * @throws AutogenException with {@link ExitCode#USAGE} when a file of one of the names or versions
   *     exists (nothing is overwritten) or the directory cannot be written
   */
  static List<Path> write(Path directory, String message, Comparison comparison, OnlineOptions online) {
    Instant now = Instant.now();
    try {
      List<String> existing;
      try (Stream<Path> files = Files.list(directory)) {
        existing = files.map(p -> p.getFileName().toString()).toList();
      }
      List<FlywayMigration> migrations = OnlineFlywayMigrations.of(message, existing, now, VersionProvider.version(),
          comparison.plan(), new OnlinePostgresRenderer(online, comparison.current()).phased(comparison.plan()),
          online);
      return new FlywayMigrationWriter().write(directory, migrations, false).stream()
          .flatMap(f -> f.all().stream()).toList();
    } catch (FileAlreadyExistsException e) {
      throw new AutogenException(ExitCode.USAGE, "not overwriting " + e.getFile() + ": "
          + (e.getReason() == null ? "it exists" : e.getReason()), e);
    } catch (IOException e) {
      throw new AutogenException(ExitCode.USAGE, "cannot write the migration into " + directory + ": " + e, e);
    }
  }
}
