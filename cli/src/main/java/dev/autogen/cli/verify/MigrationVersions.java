package dev.autogen.cli.verify;

import dev.autogen.cli.history.MigrationNames;
import dev.autogen.codegen.flyway.FlywayNaming;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The versioned and undo SQL migrations of a migrations directory (and its subdirectories, which Flyway
 * scans too), each with its version as Flyway's {@link MigrationVersion} reads it, so that two files
 * share a version exactly when Flyway says so ({@code 1.0} = {@code 1} = {@code 001}). Names are read
 * by {@link MigrationNames}, Flyway 13's own scanner filter and name parser under the project's naming
 * (the prefix's case matters, the suffix's does not: Flyway reads {@code V4__x.SQL}). Unlike Flyway's
 * resolver, which stops at the first two migrations of one version, this lists every such group.
 */
public final class MigrationVersions {

  /**
   * One migration file.
   *
   * @param file the file, absolute, never null
   * @param undo whether it is an undo file (the undo prefix)
   * @param version its version as Flyway reads it, never null
   * @param description the part between separator and suffix as written, empty when the name has no
   *     separator ({@code V3.sql}); never null
   */
  public record Migration(Path file, boolean undo, MigrationVersion version, String description) {

    /** @return the file's name */
    public String fileName() {
      return file.getFileName().toString();
    }
  }

  /**
   * Files of one kind that Flyway reads as the same version.
   *
   * @param undo whether they are undo files
   * @param version the version they share, never null
   * @param files the files, in name order, at least two
   */
  public record Duplicate(boolean undo, MigrationVersion version, List<Migration> files) {}

  private final List<Migration> migrations;

  private MigrationVersions(List<Migration> migrations) {
    this.migrations = List.copyOf(migrations);
  }

  /**
   * @param directory the migrations directory, never null
   * @param naming the project's Flyway naming, never null
   * @return its migrations, in version order (versioned before undo at one version)
   * @throws UncheckedIOException when the directory cannot be listed
   */
  public static MigrationVersions scan(Path directory, FlywayNaming naming) {
    MigrationNames names = new MigrationNames(naming);
    try (Stream<Path> files = Files.walk(directory)) {
      return new MigrationVersions(files.filter(Files::isRegularFile).map(Path::toAbsolutePath)
          .map(f -> migration(f, names)).flatMap(Optional::stream)
          .sorted(Comparator.comparing(Migration::version).thenComparing(Migration::undo)
              .thenComparing(Migration::fileName))
          .toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * @param file a file, never null
   * @param naming the project's Flyway naming, never null
   * @return the migration that file is for Flyway ({@link MigrationNames}), or empty when it is none
   *     (repeatable, misnamed, or no migration at all)
   */
  public static Optional<Migration> parse(Path file, FlywayNaming naming) {
    return migration(file, new MigrationNames(naming));
  }

  private static Optional<Migration> migration(Path file, MigrationNames names) {
    return names.parse(file.getFileName().toString())
        .map(n -> new Migration(file, n.undo(), n.version(), n.description()));
  }

  /** @return every migration, versioned and undo, in version order */
  public List<Migration> all() {
    return migrations;
  }

  /** @return the versioned migrations, in version order */
  public List<Migration> versioned() {
    return migrations.stream().filter(m -> !m.undo()).toList();
  }

  /**
   * @param version a version, never null
   * @return the undo file of that version, or empty (the first by name when there are several)
   */
  public Optional<Migration> undoOf(MigrationVersion version) {
    return migrations.stream().filter(m -> m.undo() && m.version().equals(version)).findFirst();
  }

  /** @return the groups of files of one kind that share a version, in version order */
  public List<Duplicate> duplicates() {
    Map<String, List<Migration>> groups = new LinkedHashMap<>();
    for (Migration m : migrations) {
      // MigrationVersion's equality ignores trailing zero parts; its version text does not, so key by order
      groups.computeIfAbsent(m.undo() + "|" + key(m.version()), k -> new ArrayList<>()).add(m);
    }
    return groups.values().stream().filter(g -> g.size() > 1)
        .map(g -> new Duplicate(g.get(0).undo(), g.get(0).version(), List.copyOf(g))).toList();
  }

  /** @return the version without trailing zero parts, as Flyway compares it ({@code 1.0} and {@code 001}: {@code 1}) */
  private static String key(MigrationVersion version) {
    List<java.math.BigInteger> parts = new ArrayList<>(Stream.of(version.getVersion().split("\\."))
        .map(java.math.BigInteger::new).toList());
    while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
      parts.remove(parts.size() - 1);
    }
    return parts.stream().map(java.math.BigInteger::toString).reduce((a, b) -> a + "." + b).orElse("");
  }
}
