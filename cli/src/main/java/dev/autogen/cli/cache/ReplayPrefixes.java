package dev.autogen.cli.cache;

import dev.autogen.codegen.flyway.ExistingMigration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The states a replay of a Flyway migrations directory passes through, each named by a hash of what made
 * it, so that a database holding one state can stand for it in a later run (issue 13: incremental replay).
 * The state after the {@code i}-th versioned migration is
 *
 * <pre>h(i) = SHA-256(h(i-1), its file name relative to the directory, its content, its .conf's content)</pre>
 *
 * and {@code h(0)} covers the settings the caller gives (naming, schemas, history table, autogen's
 * version) and every other file of the directory Flyway may read: repeatable migrations, callbacks,
 * {@code flyway.conf}. A change there changes every state; a change to a versioned migration changes its
 * state and every later one, and keeps the earlier ones. Undo files and autogen's own working files do not
 * count: {@code migrate} never reads them.
 *
 * @param steps one per versioned migration, in Flyway's order
 */
public record ReplayPrefixes(List<Step> steps) {

  /**
   * A state: the versioned migrations up to one applied.
   *
   * @param hash the state's hash, 64 hex digits
   * @param applied how many versioned migrations it holds, from 1
   * @param last the file name of the last one, relative to the directory (for a Liquibase changelog: the
   *     changeset as {@code file::id::author})
   * @param version the last one's Flyway version as its file name gives it, e.g. {@code 1.2}; null for a
   *     Liquibase changeset
   */
  public record Step(String hash, int applied, String last, String version) {}

  /**
   * One link of a chain of states that is not a Flyway file: a Liquibase changeset.
   *
   * @param name what names it, e.g. {@code file::id::author}, never null
   * @param content everything that decides what applying it does, as text (checksum, attributes), never
   *     null
   */
  public record Link(String name, String content) {}

  /**
   * The states of a Liquibase changelog's replay: {@code h(i) = SHA-256(h(i-1), the i-th changeset's name
   * and content)}, {@code h(0)} over the settings (the changelog, contexts, labels, schemas, role).
   *
   * @param cache the cache whose key seeds the hashes (its format and autogen's version)
   * @param settings what else decides the states, never null
   * @param links the changesets in the order Liquibase runs them, never null
   * @return the states
   */
  public static ReplayPrefixes chain(CatalogCache cache, String settings, List<Link> links) {
    String previous = cache.key("snapshot").text("settings", settings).key().hash();
    List<Step> steps = new ArrayList<>();
    for (Link link : links) {
      previous = cache.key("snapshot").text("previous", previous).text("name", link.name())
          .text("content", link.content()).key().hash();
      steps.add(new Step(previous, steps.size() + 1, link.name(), null));
    }
    return new ReplayPrefixes(steps);
  }

  /** @throws NullPointerException when steps is null */
  public ReplayPrefixes {
    steps = List.copyOf(steps);
  }

  /**
   * @param cache the cache whose key seeds the hashes (its format and autogen's version)
   * @param directory the migrations directory, never null
   * @param versioned its versioned migrations in Flyway's order ({@code FlywayMigrations.existing()} with
   *     prefix {@code V}), never null
   * @param undo its undo migrations, which do not count, never null
   * @param settings what else decides the states (naming, schemas, history table), never null
   * @return the states
   * @throws UncheckedIOException when a file cannot be read
   */
  public static ReplayPrefixes of(CatalogCache cache, Path directory, List<ExistingMigration> versioned,
      List<ExistingMigration> undo, String settings) {
    Set<Path> stepFiles = new HashSet<>();
    for (ExistingMigration m : versioned) {
      stepFiles.add(m.file().toAbsolutePath().normalize());
      stepFiles.add(conf(m.file()).toAbsolutePath().normalize());
    }
    undo.forEach(m -> stepFiles.add(m.file().toAbsolutePath().normalize()));
    KeyHasher base = cache.key("snapshot").text("settings", settings);
    for (Path file : otherFiles(directory, stepFiles)) {
      base.content(relative(directory, file), file);
    }
    String previous = base.key().hash();
    List<Step> steps = new ArrayList<>();
    for (ExistingMigration m : versioned) {
      KeyHasher step = cache.key("snapshot").text("previous", previous)
          .content(relative(directory, m.file()), m.file());
      Path conf = conf(m.file());
      step.text("conf", Files.isRegularFile(conf) ? "present" : null);
      if (Files.isRegularFile(conf)) {
        step.content("conf content", conf);
      }
      previous = step.key().hash();
      steps.add(new Step(previous, steps.size() + 1, relative(directory, m.file()), m.name().version()));
    }
    return new ReplayPrefixes(steps);
  }

  /**
   * @return the state before the last versioned migration, where a replay applying two or more migrations
   *     keeps a checkpoint (the newest migration is the one most often edited); empty with fewer than two
   */
  public Optional<Step> beforeHead() {
    return steps.size() < 2 ? Optional.empty() : Optional.of(steps.get(steps.size() - 2));
  }

  /** @return the state after every versioned migration, empty when there is none */
  public Optional<Step> head() {
    return steps.isEmpty() ? Optional.empty() : Optional.of(steps.get(steps.size() - 1));
  }

  private static Path conf(Path migration) {
    return migration.resolveSibling(migration.getFileName() + ".conf");
  }

  private static String relative(Path directory, Path file) {
    return directory.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
        .replace('\\', '/');
  }

  /** @return the directory's regular files but the steps' and autogen's working files, in name order */
  private static List<Path> otherFiles(Path directory, Set<Path> stepFiles) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> !stepFiles.contains(f.toAbsolutePath().normalize()))
          .filter(f -> !isAutogenWorkingFile(f.getFileName().toString()))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + directory, e);
    }
  }

  /** @return whether the file is {@code generate}'s lock or a temporary file, which Flyway never reads */
  static boolean isAutogenWorkingFile(String name) {
    return name.equals(".autogen.lock") || name.startsWith(".autogen-") && name.endsWith(".tmp");
  }
}
