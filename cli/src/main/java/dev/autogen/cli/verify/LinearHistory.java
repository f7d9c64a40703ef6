package dev.autogen.cli.verify;

import dev.autogen.cli.history.BranchMigrations;
import dev.autogen.cli.source.FlywayMigrations;
import dev.autogen.codegen.flyway.FlywayNaming;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The first check of {@code autogen verify}: the history is one line Flyway can read. Versions are
 * unique ({@link MigrationVersions}: Flyway's own equality), every file that looks like a migration is
 * one Flyway reads (Flyway silently skips {@code V2_add.sql} and {@code v3__x.sql}), every undo file
 * undoes a migration of the directory, and with {@code --require-undo} every migration has its undo
 * file.
 */
public final class LinearHistory {

  /**
   * One thing wrong with the history.
   *
   * @param file the file it is about, never null
   * @param message one line saying what is wrong and what to do, never null
   */
  public record Problem(Path file, String message) {}

  private LinearHistory() {}

  /**
   * @param migrations the migrations directory with the project's naming, never null
   * @param versions its migrations ({@link MigrationVersions#scan}), never null
   * @param requireUndo whether every versioned migration must have an undo file
   * @return the problems, in file order; empty when the history is linear
   * @throws UncheckedIOException when the directory cannot be listed
   */
  public static List<Problem> check(FlywayMigrations migrations, MigrationVersions versions, boolean requireUndo) {
    return check(migrations, versions, requireUndo, null);
  }

  /**
   * As {@link #check(FlywayMigrations, MigrationVersions, boolean)}, and with a base ({@code --base
   * REF}) the migrations this branch adds that Flyway would not apply after the base's: of a version the
   * base has too, or not above its highest ({@link BranchMigrations#conflicting()}).
   *
   * @param branch the branch's migrations against the base, or null without {@code --base}
   * @return the problems: the directory's, then the branch's against the base
   */
  public static List<Problem> check(FlywayMigrations migrations, MigrationVersions versions, boolean requireUndo,
      BranchMigrations branch) {
    List<Problem> problems = new ArrayList<>();
    for (MigrationVersions.Duplicate d : versions.duplicates()) {
      String names = d.files().stream().map(MigrationVersions.Migration::fileName).collect(Collectors.joining(", "));
      problems.add(new Problem(d.files().get(0).file(), names + " share " + (d.undo() ? "undo " : "") + "version "
          + d.version() + " (Flyway reads " + d.files().stream().map(m -> m.version().getVersion()).distinct()
          .collect(Collectors.joining(" and ")) + " as the same version): give one of them a version above the highest"));
    }
    FlywayNaming naming = migrations.naming();
    Set<Path> read = new HashSet<>();
    versions.all().forEach(m -> read.add(m.file()));
    if (versions.duplicates().isEmpty()) {
      // Flyway's own resolver is the judge of what it reads (it stops at the first duplicate, hence only here)
      Set<Path> flyway = migrations.filesFlywayReads();
      read.retainAll(flyway);
      read.addAll(flyway);
    }
    for (Path file : files(migrations.directory())) {
      if (!read.contains(file) && looksLikeMigration(file.getFileName().toString(), naming)) {
        problems.add(new Problem(file, file.getFileName() + " looks like a migration but Flyway does not read it: "
            + whyNotRead(file.getFileName().toString(), naming)));
      }
    }
    for (MigrationVersions.Migration m : versions.all()) {
      boolean undoWithoutMigration = m.undo() && versions.versioned().stream().noneMatch(v -> v.version().equals(m.version()));
      if (undoWithoutMigration) {
        problems.add(new Problem(m.file(), m.fileName() + " undoes version " + m.version()
            + ", which no migration of the directory has"));
      }
      if (requireUndo && !m.undo() && versions.undoOf(m.version()).isEmpty()) {
        problems.add(new Problem(m.file(), m.fileName() + " has no undo file (--require-undo): expected "
            + naming.undoPrefix() + m.fileName().substring(naming.prefix().length())));
      }
    }
    if (branch != null) {
      Set<String> named = new HashSet<>();
      problems.forEach(p -> named.add(p.message()));
      for (BranchMigrations.Conflict c : branch.conflicting()) {
        if (named.add(c.line())) {
          problems.add(new Problem(migrations.directory().resolve(c.migration().path()).toAbsolutePath(), c.line()));
        }
      }
    }
    return problems;
  }

  /**
   * @return whether a name is meant as a migration: it ends with one of the suffixes, in any case, and
   *     starts, in any case, with the prefix or undo prefix followed by a digit, or with Flyway's
   *     repeatable prefix {@code R} followed by the separator
   */
  static boolean looksLikeMigration(String name, FlywayNaming naming) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (naming.suffixes().stream().noneMatch(s -> lower.endsWith(s.toLowerCase(Locale.ROOT)))) {
      return false;
    }
    for (String prefix : List.of(naming.prefix(), naming.undoPrefix())) {
      String p = prefix.toLowerCase(Locale.ROOT);
      if (lower.startsWith(p) && lower.length() > p.length() && Character.isDigit(lower.charAt(p.length()))) {
        return true;
      }
    }
    return lower.startsWith("r" + naming.separator().toLowerCase(Locale.ROOT));
  }

  /** @return why Flyway does not read a name that looks like a migration, and the name it would read */
  private static String whyNotRead(String name, FlywayNaming naming) {
    for (String prefix : List.of(naming.prefix(), naming.undoPrefix(), "R")) {
      if (name.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT)) && !name.startsWith(prefix)) {
        return "its prefix is '" + name.substring(0, prefix.length()) + "', Flyway's is '" + prefix
            + "' (case matters): rename it to " + prefix + name.substring(prefix.length());
      }
    }
    if (!name.contains(naming.separator())) {
      return "it has no '" + naming.separator() + "' between version and description (" + naming.prefix()
          + "<version>" + naming.separator() + "<description>" + naming.suffix() + ")";
    }
    return "the part before '" + naming.separator() + "' is not a Flyway version (digits separated by . or _)";
  }

  private static List<Path> files(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).map(Path::toAbsolutePath).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
    }
  }
}
