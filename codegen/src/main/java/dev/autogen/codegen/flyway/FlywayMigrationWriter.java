package dev.autogen.codegen.flyway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes a migration as Flyway SQL files: {@code V<version>__<slug>.sql} (upgrade) and {@code
 * U<version>__<slug>.sql} (undo), laid out by {@link FlywayLayout}. Files are never overwritten and
 * never seen half-written: each is written to a temporary file in the same directory and then moved
 * into place with {@link StandardCopyOption#ATOMIC_MOVE} (DESIGN.md, Codegen).
 */
public final class FlywayMigrationWriter {

  private final FlywayLayout layout;

  /** Writes with the default {@link FlywayLayout}. */
  public FlywayMigrationWriter() {
    this(new FlywayLayout());
  }

  /** @param layout the layout that makes the file contents, never null */
  public FlywayMigrationWriter(FlywayLayout layout) {
    this.layout = layout;
  }

  /**
   * Writes both files. Before writing either, checks that neither file exists and that no other
   * versioned or undo migration in the directory has the same version (Flyway refuses two
   * migrations of one version). When the second move fails the first file is removed again. The
   * check and the moves are separate steps: a file of the same name that another process creates
   * in between would be replaced, as {@code rename(2)} does.
   *
   * @param directory the migrations directory, never null
   * @param migration the migration, never null
   * @param createDirectory whether to create the directory (and its parents) when it is missing
   * @return the paths written
   * @throws NoSuchFileException when the directory is missing and {@code createDirectory} is false
   * @throws FileAlreadyExistsException when a file of that name or version exists; its message names
   *     the file and asks for another message or version
   * @throws IOException when the directory cannot be read or written
   */
  public FlywayFiles write(Path directory, FlywayMigration migration, boolean createDirectory) throws IOException {
    if (!Files.isDirectory(directory)) {
      if (!createDirectory) {
        throw new NoSuchFileException(directory.toString(), null,
            "migrations directory does not exist; create it or ask for it to be created");
      }
      Files.createDirectories(directory);
    }
    FlywayFiles target = new FlywayFiles(
        directory.resolve(migration.upgradeFileName()), directory.resolve(migration.downgradeFileName()));
    refuseExisting(directory, target, migration.version());
    String upgrade = layout.upgrade(migration);
    String downgrade = layout.downgrade(migration);

    Path upgradeTemp = temporaryFile(directory, upgrade);
    Path downgradeTemp = null;
    try {
      downgradeTemp = temporaryFile(directory, downgrade);
      Files.move(upgradeTemp, target.upgrade(), StandardCopyOption.ATOMIC_MOVE);
      try {
        Files.move(downgradeTemp, target.downgrade(), StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        Files.deleteIfExists(target.upgrade());
        throw e;
      }
    } finally {
      Files.deleteIfExists(upgradeTemp);
      if (downgradeTemp != null) {
        Files.deleteIfExists(downgradeTemp);
      }
    }
    return target;
  }

  private static void refuseExisting(Path directory, FlywayFiles target, String version) throws IOException {
    for (Path file : new Path[] {target.upgrade(), target.downgrade()}) {
      if (Files.exists(file)) {
        throw exists(file, "migration file already exists; pick another message or version");
      }
    }
    Optional<Path> sameVersion;
    try (Stream<Path> files = Files.list(directory)) {
      sameVersion = files
          .filter(p -> FlywayFileName.parse(p.getFileName().toString()).filter(n -> n.hasVersion(version)).isPresent())
          .sorted()
          .findFirst();
    }
    if (sameVersion.isPresent()) {
      throw exists(sameVersion.get(), "a migration of version " + version + " already exists; pick another version");
    }
  }

  private static FileAlreadyExistsException exists(Path file, String reason) {
    return new FileAlreadyExistsException(file.toString(), null, reason);
  }

  /** A hidden temporary file next to the target, so the final move stays on one file system. */
  private static Path temporaryFile(Path directory, String content) throws IOException {
    Path temp = Files.createTempFile(directory, ".autogen-", ".sql.tmp");
    try {
      Files.writeString(temp, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    return temp;
  }
}
