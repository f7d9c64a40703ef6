package dev.autogen.codegen.flyway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes a migration as Flyway SQL files: {@code V<version>__<slug>.sql} (upgrade) and {@code
 * U<version>__<slug>.sql} (undo), laid out by {@link FlywayLayout}, and beside a file that needs one
 * the script configuration file {@code <file>.sql.conf} the layout gives ({@link
 * FlywayLayout#scriptConfig}). Files are never overwritten and
 * never seen half-written (DESIGN.md, Codegen): each is written to a temporary file in the same
 * directory and then published under its name by an operation that fails, rather than replaces,
 * when that name exists: a hard link ({@link Files#createLink}, {@code link(2)}, which fails with
 * {@code EEXIST}), or where the file system has no hard links a {@link Files#move} without {@link
 * StandardCopyOption#REPLACE_EXISTING}. A rename with {@link StandardCopyOption#ATOMIC_MOVE} is not
 * used: it is {@code rename(2)}, which silently replaces an existing file.
 */
public final class FlywayMigrationWriter {

  private static final String FILE_EXISTS = "migration file already exists; pick another message or version";

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
   * Writes both files (and for a non-transactional migration their script configuration files, see
   * {@link FlywayMigration#transactional()}). Before writing any, checks that none exists and that no
   * other versioned or undo migration in the directory has the same version (Flyway refuses two
   * migrations of one version). A file of any of these names that another process creates after that
   * check is not replaced either: publishing fails, and the files are written all or nothing (the files
   * already published are removed again).
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
    return write(directory, List.of(migration), createDirectory).get(0);
  }

  /**
   * Writes several migrations at once, all or nothing, as {@link #write(Path, FlywayMigration,
   * boolean)} writes one: the steps of an online plan, which only make sense together.
   *
   * @param directory the migrations directory, never null
   * @param migrations the migrations, of distinct versions, never null or empty
   * @param createDirectory whether to create the directory when it is missing
   * @return the files of each migration, in the given order
   * @throws NoSuchFileException when the directory is missing and {@code createDirectory} is false
   * @throws FileAlreadyExistsException when a file of one of the names or versions exists
   * @throws IOException when the directory cannot be read or written
   */
  public List<FlywayFiles> write(Path directory, List<FlywayMigration> migrations, boolean createDirectory)
      throws IOException {
    if (!Files.isDirectory(directory)) {
      if (!createDirectory) {
        throw new NoSuchFileException(directory.toString(), null,
            "migrations directory does not exist; create it or ask for it to be created");
      }
      Files.createDirectories(directory);
    }
    List<FlywayFiles> targets = new ArrayList<>();
    Map<Path, String> contents = new LinkedHashMap<>();
    for (FlywayMigration migration : migrations) {
      Path upgrade = directory.resolve(migration.upgradeFileName());
      Path downgrade = directory.resolve(migration.downgradeFileName());
      String upgradeText = layout.upgrade(migration);
      String downgradeText = layout.downgrade(migration);
      Map<Path, String> configs = new LinkedHashMap<>();
      layout.scriptConfig(migration, upgradeText).ifPresent(c ->
          configs.put(directory.resolve(FlywayMigration.configFileName(migration.upgradeFileName())), c));
      layout.scriptConfig(migration, downgradeText).ifPresent(c ->
          configs.put(directory.resolve(FlywayMigration.configFileName(migration.downgradeFileName())), c));
      FlywayFiles target = new FlywayFiles(upgrade, downgrade, List.copyOf(configs.keySet()));
      refuseExisting(directory, target, migration.version());
      contents.put(upgrade, upgradeText);
      contents.put(downgrade, downgradeText);
      contents.putAll(configs);
      targets.add(target);
    }
    Map<Path, Path> temps = new LinkedHashMap<>();
    try {
      for (Map.Entry<Path, String> e : contents.entrySet()) {
        temps.put(temporaryFile(directory, e.getValue()), e.getKey());
      }
      publishAll(temps);
    } finally {
      for (Path temp : temps.keySet()) {
        Files.deleteIfExists(temp);
      }
    }
    return targets;
  }

  /**
   * Publishes both files, all or nothing: when the undo file cannot be published, the upgrade file
   * published a moment before is deleted again.
   *
   * @param upgradeTemp the written upgrade file, in the target's directory, never null
   * @param downgradeTemp the written undo file, in the target's directory, never null
   * @param target the names to publish them under, never null
   * @throws FileAlreadyExistsException when either name exists; nothing is then published and the
   *     existing file is left as it was
   * @throws IOException when the directory cannot be written
   */
  static void publish(Path upgradeTemp, Path downgradeTemp, FlywayFiles target) throws IOException {
    Map<Path, Path> temps = new LinkedHashMap<>();
    temps.put(upgradeTemp, target.upgrade());
    temps.put(downgradeTemp, target.downgrade());
    publishAll(temps);
  }

  /**
   * Publishes written temporary files under their names, all or nothing: when one cannot be
   * published, those published before it are deleted again.
   *
   * @param temps each written temporary file and its final name, in publishing order, never null
   * @throws FileAlreadyExistsException when a name exists; nothing is then published
   * @throws IOException when the directory cannot be written
   */
  private static void publishAll(Map<Path, Path> temps) throws IOException {
    List<Path> published = new ArrayList<>();
    try {
      for (Map.Entry<Path, Path> e : temps.entrySet()) {
        publish(e.getKey(), e.getValue());
        published.add(e.getValue());
      }
    } catch (IOException e) {
      for (Path p : published) {
        Files.deleteIfExists(p);
      }
      throw e;
    }
  }

  /**
   * Gives a written temporary file its final name, never replacing a file of that name, however
   * recently it appeared: first as a hard link ({@link Files#createLink}, which fails atomically
   * when the name exists), the temporary name then being deleted; where the file system cannot link
   * ({@link UnsupportedOperationException}, or a {@link FileSystemException} other than {@link
   * FileAlreadyExistsException}, e.g. {@code EPERM} on a file system without hard links) by {@link
   * Files#move} without {@link StandardCopyOption#REPLACE_EXISTING}, which also refuses an existing
   * target (on such file systems the JDK checks the target and then renames, so only the far
   * narrower window between those two steps is left open).
   *
   * @param temp the written file, in the target's directory, never null
   * @param target the final name, never null
   * @throws FileAlreadyExistsException when the target exists; it is left as it was and so is
   *     {@code temp}; the message names the target and asks for another message or version
   * @throws IOException when the directory cannot be written
   */
  static void publish(Path temp, Path target) throws IOException {
    try {
      if (link(temp, target)) {
        Files.deleteIfExists(temp);
      } else {
        Files.move(temp, target);
      }
    } catch (FileAlreadyExistsException e) {
      throw exists(target, FILE_EXISTS);
    }
  }

  /**
   * @return true when {@code target} is now a hard link to {@code temp}; false when the file system
   *     cannot make hard links
   * @throws FileAlreadyExistsException when the target exists
   */
  private static boolean link(Path temp, Path target) throws IOException {
    try {
      Files.createLink(target, temp);
      return true;
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (UnsupportedOperationException | FileSystemException e) {
      return false;
    }
  }

  private static void refuseExisting(Path directory, FlywayFiles target, String version) throws IOException {
    for (Path file : target.all()) {
      if (Files.exists(file)) {
        throw exists(file, FILE_EXISTS);
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
