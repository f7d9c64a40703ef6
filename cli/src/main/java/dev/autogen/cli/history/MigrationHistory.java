package dev.autogen.cli.history;

import dev.autogen.codegen.flyway.FlywayNaming;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The versioned and undo migrations of one migrations directory, by name only (no file is read): the
 * files on disk, or the file names of the directory in a git commit. Names are read by {@link
 * MigrationNames} (Flyway's own scanner filter and {@code ResourceNameParser}) under the project's
 * naming, and versions are Flyway's {@link MigrationVersion}, so that equality is Flyway's: {@code 1.0}
 * = {@code 1} = {@code 001} = {@code 1_0}. Files that are no migration under the naming (other
 * suffixes, {@code R__} repeatables, {@code .sql.conf} script configurations) are left out.
 *
 * @param migrations the migrations, versioned ones first, each kind in Flyway's version order (then
 *     by path); never null
 */
public record MigrationHistory(List<Migration> migrations) {

  /**
   * One migration file.
   *
   * @param undo whether it is an undo migration (the undo prefix, {@code U}) rather than a versioned
   *     one ({@code V})
   * @param version its version, Flyway's reading of the name, never null
   * @param rawVersion the version as written in the name, e.g. {@code 007} or {@code 1_7}, never null
   * @param path its path relative to the migrations directory, with {@code /} separators, never null
   */
  public record Migration(boolean undo, MigrationVersion version, String rawVersion, String path) {

    /** @throws NullPointerException when an argument is null */
    public Migration {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(rawVersion, "rawVersion");
      Objects.requireNonNull(path, "path");
    }

    /** @return the file's name without its directories */
    public String fileName() {
      return path.substring(path.lastIndexOf('/') + 1);
    }

    /** @return the directories before the name, with a trailing {@code /}, or empty */
    public String folder() {
      return path.substring(0, path.lastIndexOf('/') + 1);
    }

    /**
     * @param other another migration, never null
     * @return whether Flyway sees both as the same version of the same kind
     */
    public boolean sameVersion(Migration other) {
      return undo == other.undo && version.equals(other.version);
    }
  }

  /** Two or more migrations of one kind that share a version, which Flyway refuses to migrate. */
  public record Duplicate(List<Migration> migrations) {

    /** Copies the list. */
    public Duplicate {
      migrations = List.copyOf(migrations);
    }
  }

  /** Orders by kind (versioned first), then version, then path. */
  private static final Comparator<Migration> ORDER = Comparator.comparing(Migration::undo)
      .thenComparing(Migration::version).thenComparing(Migration::path);

  /** Copies and sorts the list. */
  public MigrationHistory {
    migrations = migrations.stream().sorted(ORDER).toList();
  }

  /**
   * @param directory the migrations directory, never null; missing means no migrations
   * @param naming how the project names its migrations, never null
   * @return its migrations, subdirectories included (Flyway scans its locations recursively)
   * @throws UncheckedIOException when the directory cannot be listed
   */
  public static MigrationHistory onDisk(Path directory, FlywayNaming naming) {
    if (!Files.isDirectory(directory)) {
      return new MigrationHistory(List.of());
    }
    try (Stream<Path> files = Files.walk(directory)) {
      List<String> paths = files.filter(Files::isRegularFile)
          .map(p -> directory.relativize(p).toString().replace(java.io.File.separatorChar, '/')).toList();
      return of(paths, naming);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the migrations directory " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * @param paths file paths relative to the migrations directory, {@code /} separated, never null
   * @param naming how the project names its migrations, never null
   * @return the migrations among them
   */
  public static MigrationHistory of(Collection<String> paths, FlywayNaming naming) {
    MigrationNames names = new MigrationNames(naming);
    List<Migration> found = new ArrayList<>();
    for (String path : paths) {
      names.parse(path.substring(path.lastIndexOf('/') + 1))
          .map(n -> new Migration(n.undo(), n.version(), n.rawVersion(), path)).ifPresent(found::add);
    }
    return new MigrationHistory(found);
  }

  /** @return the versioned ({@code V}) migrations, in version order */
  public List<Migration> versioned() {
    return migrations.stream().filter(m -> !m.undo()).toList();
  }

  /** @return the versioned migration of the highest version, if any (the first by path among equals) */
  public Optional<Migration> highest() {
    List<Migration> versioned = versioned();
    return versioned.stream().filter(m -> m.version().equals(versioned.get(versioned.size() - 1).version()))
        .findFirst();
  }

  /**
   * @return the versions that more than one migration of one kind has ({@code V4__a.sql} and {@code
   *     V4__b.sql}; {@code V1__a.sql} and {@code V1.0__b.sql}), in version order: Flyway refuses such a
   *     directory ("Found more than one migration with version 4")
   */
  public List<Duplicate> duplicates() {
    // sorted by kind and version, so that Flyway's equal versions are neighbours
    List<Duplicate> duplicates = new ArrayList<>();
    for (int i = 0; i < migrations.size(); ) {
      int end = i + 1;
      while (end < migrations.size() && migrations.get(end).sameVersion(migrations.get(i))) {
        end++;
      }
      if (end - i > 1) {
        duplicates.add(new Duplicate(migrations.subList(i, end)));
      }
      i = end;
    }
    return duplicates;
  }

  /**
   * @param migration a migration, never null
   * @return the migrations of this history of the same kind and version
   */
  public List<Migration> sameVersion(Migration migration) {
    return migrations.stream().filter(migration::sameVersion).toList();
  }
}
