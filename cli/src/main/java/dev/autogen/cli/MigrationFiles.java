package dev.autogen.cli;

import dev.autogen.codegen.flyway.FlywayFiles;
import dev.autogen.codegen.flyway.FlywayMigration;
import dev.autogen.codegen.flyway.FlywayMigrationWriter;
import dev.autogen.codegen.flyway.FlywayVersion;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Writes a comparison as the next Flyway migration and its undo file in a migrations directory. */
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
    Instant now = Instant.now();
    try {
      FlywayVersion version = FlywayVersion.next(directory, now);
      FlywayMigration migration = new FlywayMigration(message, version.value(), now, VersionProvider.version(),
          comparison.plan(), comparison.statements());
      FlywayFiles files = new FlywayMigrationWriter().write(directory, migration, false);
      return List.of(files.upgrade(), files.downgrade());
    } catch (FileAlreadyExistsException e) {
      throw new AutogenException(ExitCode.USAGE, "not overwriting " + e.getFile() + ": "
          + (e.getReason() == null ? "it exists" : e.getReason()), e);
    } catch (IOException e) {
      throw new AutogenException(ExitCode.USAGE, "cannot write the migration into " + directory + ": " + e, e);
    }
  }
}
