package dev.autogen.cli.verify;

import dev.autogen.codegen.flyway.FlywayNaming;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The versioned and undo SQL migrations of a migrations directory (and its subdirectories, which Flyway
 * scans too), each with its version as Flyway's {@link MigrationVersion} reads it, so that two files
 * share a version exactly when Flyway says so ({@code 1.0} = {@code 1} = {@code 001}). Names are read
 * as Flyway 13's resolver reads them under the project's naming: the prefix as configured (case
 * matters), the version up to the separator, a description, and one of the suffixes (case does not
 * matter: Flyway reads {@code V4__x.SQL}). Unlike Flyway's resolver, which stops at the first two
 * migrations of one version, this lists every such group.
 */
public final class MigrationVersions {

  /**
   * One migration file.
   *
   * @param file the file, absolute, never null
   * @param undo whether it is an undo file (the undo prefix)
   * @param version its version as Flyway reads it, never null
   * @param description the part between separator and suffix, never null
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
    try (Stream<Path> files = Files.walk(directory)) {
      return new MigrationVersions(files.filter(Files::isRegularFile).map(Path::toAbsolutePath)
          .map(f -> parse(f, naming)).flatMap(Optional::stream)
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
   * @return the migration that file is for Flyway, or empty when it is none (repeatable, misnamed, or
   *     no migration at all)
   */
  public static Optional<Migration> parse(Path file, FlywayNaming naming) {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    Optional<String> suffix = naming.suffixes().stream().filter(s -> lower.endsWith(s.toLowerCase(Locale.ROOT)))
        .max(Comparator.comparingInt(String::length));
    if (suffix.isEmpty()) {
      return Optional.empty();
    }
    String stem = name.substring(0, name.length() - suffix.get().length());
    // the longer prefix first, should one prefix start with the other
    List<String> prefixes = new ArrayList<>(List.of(naming.prefix(), naming.undoPrefix()));
    prefixes.sort(Comparator.comparingInt(String::length).reversed());
    for (String prefix : prefixes) {
      if (!stem.startsWith(prefix)) {
        continue;
      }
      int separator = stem.indexOf(naming.separator(), prefix.length());
      if (separator < 0) {
        return Optional.empty();
      }
      try {
        MigrationVersion version = MigrationVersion.fromVersion(stem.substring(prefix.length(), separator));
        if (version.getVersion() == null) {
          return Optional.empty();
        }
        return Optional.of(new Migration(file, prefix.equals(naming.undoPrefix()), version,
            stem.substring(separator + naming.separator().length())));
      } catch (FlywayException | NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
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
