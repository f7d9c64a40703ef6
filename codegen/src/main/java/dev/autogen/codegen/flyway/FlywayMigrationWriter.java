package dev.autogen.codegen.flyway;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a migration as Flyway SQL files, named as the project names them ({@link #withNaming}; by
 * default {@code V<version>__<slug>.sql} (upgrade) and {@code U<version>__<slug>.sql} (undo)), laid out by {@link FlywayLayout}, and beside a file that needs one
 * the script configuration file {@code <file>.sql.conf} the layout gives ({@link
 * FlywayLayout#scriptConfig}). Files are never overwritten and
 * never seen half-written (DESIGN.md, Codegen): each is written to a temporary file on the same
 * file system and then published under its name by an operation that fails, rather than replaces, when
 * that name exists: a hard link ({@link Files#createLink}, {@code link(2)}, which fails with {@code
 * EEXIST}), or where the file system has no hard links a {@link Files#move} without {@link
 * StandardCopyOption#REPLACE_EXISTING}. A rename with {@link StandardCopyOption#ATOMIC_MOVE} is not
 * used: it is {@code rename(2)}, which silently replaces an existing file.
 *
 * <p>Temporary files go to the {@linkplain #withTemporaryDirectory temporary directory} when it is on
 * the migrations directory's file system (a hard link cannot cross file systems), else into the
 * migrations directory under a name that says which process wrote it ({@code
 * .autogen-<pid>-<random>.tmp}), so that {@link #removeStaleTemporaryFiles} of a later run removes
 * what a killed run left. They are created as a plain new file is, so the published files get the
 * permissions the process's umask gives (e.g. {@code 0644} under {@code umask 022}), not the {@code
 * 0600} of {@link Files#createTempFile}.
 */
public final class FlywayMigrationWriter {

  private static final String FILE_EXISTS = "migration file already exists; pick another message or version";

  /** Temporary files in a migrations directory: {@code .autogen-<pid>-<random>.tmp}. */
  private static final Pattern TEMPORARY = Pattern.compile("\\.autogen-(\\d+)-[0-9a-f]+\\.tmp");

  /** Temporary files of autogen versions before the pid was in the name: {@code .autogen-<random>.sql.tmp}. */
  private static final Pattern OLD_TEMPORARY = Pattern.compile("\\.autogen-\\d+\\.sql\\.tmp");

  /** How old a temporary file without a pid must be to count as left behind. */
  private static final Duration OLD_TEMPORARY_AGE = Duration.ofMinutes(10);

  private final FlywayLayout layout;
  private final Path temporaryDirectory;
  private final List<ExistingMigration> existing;
  private final FlywayNaming naming;

  /** Writes with the default {@link FlywayLayout}. */
  public FlywayMigrationWriter() {
    this(new FlywayLayout());
  }

  /** @param layout the layout that makes the file contents, never null */
  public FlywayMigrationWriter(FlywayLayout layout) {
    this(layout, null, null, FlywayNaming.DEFAULT);
  }

  private FlywayMigrationWriter(FlywayLayout layout, Path temporaryDirectory, List<ExistingMigration> existing,
      FlywayNaming naming) {
    this.layout = layout;
    this.temporaryDirectory = temporaryDirectory;
    this.existing = existing;
    this.naming = naming;
  }

  /**
   * @param projectNaming how the project names its migrations, never null (default {@link
   *     FlywayNaming#DEFAULT})
   * @return a writer that names the files it writes so
   */
  public FlywayMigrationWriter withNaming(FlywayNaming projectNaming) {
    return new FlywayMigrationWriter(layout.withNaming(projectNaming), temporaryDirectory, existing, projectNaming);
  }

  /**
   * @param directory an existing directory, private to this run, for the temporary files (e.g. under
   *     autogen's cache directory); used when it is on the migrations directory's file system; null
   *     for the migrations directory itself
   * @return a writer that writes its temporary files there
   */
  public FlywayMigrationWriter withTemporaryDirectory(Path directory) {
    return new FlywayMigrationWriter(layout, directory, existing, naming);
  }

  /**
   * @param migrations the migrations already in the directory as the migration tool resolves them
   *     (subdirectories included), for the same-version check; never null. Without this call the
   *     check reads the file names of the directory and its subdirectories itself, as Flyway's
   *     default naming ({@link FlywayFileName#parse}) names them.
   * @return a writer that checks versions against these
   */
  public FlywayMigrationWriter withExisting(Collection<ExistingMigration> migrations) {
    return new FlywayMigrationWriter(layout, temporaryDirectory, List.copyOf(migrations), naming);
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
      Path upgrade = directory.resolve(migration.upgradeFileName(naming));
      Path downgrade = directory.resolve(migration.downgradeFileName(naming));
      String upgradeText = layout.upgrade(migration);
      String downgradeText = layout.downgrade(migration);
      Map<Path, String> configs = new LinkedHashMap<>();
      layout.scriptConfig(migration, upgradeText).ifPresent(c ->
          configs.put(directory.resolve(FlywayMigration.configFileName(upgrade.getFileName().toString())), c));
      layout.scriptConfig(migration, downgradeText).ifPresent(c ->
          configs.put(directory.resolve(FlywayMigration.configFileName(downgrade.getFileName().toString())), c));
      FlywayFiles target = new FlywayFiles(upgrade, downgrade, List.copyOf(configs.keySet()));
      refuseExisting(directory, target, migration.version());
      contents.put(upgrade, upgradeText);
      contents.put(downgrade, downgradeText);
      contents.putAll(configs);
      targets.add(target);
    }
    Path temporaryHome = temporaryHome(directory);
    Map<Path, Path> temps = new LinkedHashMap<>();
    try {
      for (Map.Entry<Path, String> e : contents.entrySet()) {
        temps.put(temporaryFile(temporaryHome, e.getValue()), e.getKey());
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
      } else if (!temp.toAbsolutePath().getParent().equals(target.toAbsolutePath().getParent())) {
        // e.g. EXDEV: the temporary directory is another mount of the file system; a move would copy
        // and could be seen half-written, so copy beside the target first and publish from there
        Path beside = temporaryFile(target.toAbsolutePath().getParent(), Files.readString(temp, StandardCharsets.UTF_8));
        try {
          publish(beside, target);
        } finally {
          Files.deleteIfExists(beside);
        }
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

  private void refuseExisting(Path directory, FlywayFiles target, String version) throws IOException {
    for (Path file : target.all()) {
      if (Files.exists(file)) {
        throw exists(file, FILE_EXISTS);
      }
    }
    Optional<Path> sameVersion = existing(directory).stream()
        .filter(m -> m.name().hasVersion(version))
        .map(ExistingMigration::file)
        .sorted()
        .findFirst();
    if (sameVersion.isPresent()) {
      throw exists(sameVersion.get(), "a migration of version " + version + " already exists; pick another version");
    }
  }

  private static FileAlreadyExistsException exists(Path file, String reason) {
    return new FileAlreadyExistsException(file.toString(), null, reason);
  }

  /** @return the migrations given to {@link #withExisting}, else those named in the directory tree */
  private List<ExistingMigration> existing(Path directory) throws IOException {
    if (existing != null) {
      return existing;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile)
          .flatMap(p -> FlywayFileName.parse(p.getFileName().toString()).map(n -> new ExistingMigration(n, p)).stream())
          .toList();
    }
  }

  /**
   * @return the temporary directory when it is given and on the file system of the migrations
   *     directory, else the migrations directory
   */
  private Path temporaryHome(Path directory) throws IOException {
    if (temporaryDirectory == null) {
      return directory;
    }
    Files.createDirectories(temporaryDirectory);
    return Files.getFileStore(temporaryDirectory).equals(Files.getFileStore(directory)) ? temporaryDirectory : directory;
  }

  /**
   * A new file holding the content, named {@code .autogen-<pid>-<random>.tmp}: hidden, not a Flyway
   * migration name, and removable by a later run once this process is gone. Created as a plain new
   * file is ({@link StandardOpenOption#CREATE_NEW}), so it gets the umask's permissions.
   */
  private static Path temporaryFile(Path directory, String content) throws IOException {
    return temporaryFile(directory, content.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Creates a file with the content, never replacing a file of that name however recently it
   * appeared, and never seen half-written: the content goes to a temporary file beside it, which is
   * then published as {@link #publish(Path, Path)} does (a hard link, else a move without replacing).
   * For renaming a migration under another version ({@code autogen rebase}).
   *
   * @param target the new file, its directory existing, never null
   * @param content its bytes, never null
   * @throws FileAlreadyExistsException when the target exists; it is left as it was
   * @throws IOException when the directory cannot be written
   */
  public static void create(Path target, byte[] content) throws IOException {
    Path temp = temporaryFile(target.toAbsolutePath().getParent(), content);
    try {
      publish(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Creates several files, all or nothing, each as {@link #create(Path, byte[])} creates one: written to
   * a temporary file beside its target ({@code .autogen-<pid>-<random>.tmp}), then published without
   * replacing anything; when one cannot be published, those published before it are deleted again.
   *
   * @param files each target (its directory existing) and its UTF-8 text, in publishing order, never null
   * @throws FileAlreadyExistsException when a target exists; nothing is then left published
   * @throws IOException when a directory cannot be written
   */
  public static void createAll(Map<Path, String> files) throws IOException {
    Map<Path, Path> temps = new LinkedHashMap<>();
    try {
      for (Map.Entry<Path, String> e : files.entrySet()) {
        temps.put(temporaryFile(e.getKey().toAbsolutePath().getParent(), e.getValue()), e.getKey());
      }
      publishAll(temps);
    } finally {
      for (Path temp : temps.keySet()) {
        Files.deleteIfExists(temp);
      }
    }
  }

  private static Path temporaryFile(Path directory, byte[] content) throws IOException {
    Path temp = directory.resolve(".autogen-" + ProcessHandle.current().pid() + "-"
        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ".tmp");
    try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      out.write(content);
    } catch (IOException e) {
      if (!(e instanceof FileAlreadyExistsException)) {
        Files.deleteIfExists(temp);
      }
      throw e;
    }
    return temp;
  }

  /**
   * Deletes the temporary files that runs which are no longer running left in a migrations directory
   * (a run killed while writing): {@code .autogen-<pid>-<random>.tmp} whose process is gone, and
   * {@code .autogen-<random>.sql.tmp} of earlier autogen versions older than ten minutes. Call it
   * while holding the directory's lock, so that no run of this version is writing there.
   *
   * @param directory the migrations directory, never null; missing means nothing to do
   * @return the files deleted
   * @throws IOException when the directory cannot be listed
   */
  public static List<Path> removeStaleTemporaryFiles(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<Path> stale;
    try (Stream<Path> files = Files.list(directory)) {
      stale = files.filter(FlywayMigrationWriter::stale).toList();
    }
    List<Path> deleted = new ArrayList<>();
    for (Path p : stale) {
      if (Files.deleteIfExists(p)) {
        deleted.add(p);
      }
    }
    return deleted;
  }

  private static boolean stale(Path file) {
    String name = file.getFileName().toString();
    Matcher m = TEMPORARY.matcher(name);
    if (m.matches()) {
      long pid = Long.parseLong(m.group(1));
      return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty();
    }
    if (OLD_TEMPORARY.matcher(name).matches()) {
      try {
        FileTime modified = Files.getLastModifiedTime(file);
        return modified.toInstant().plus(OLD_TEMPORARY_AGE).isBefore(java.time.Instant.now());
      } catch (IOException e) {
        return false;
      }
    }
    return false;
  }
}
