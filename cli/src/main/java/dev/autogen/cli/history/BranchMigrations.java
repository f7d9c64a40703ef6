package dev.autogen.cli.history;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import dev.autogen.cli.history.MigrationHistory.Migration;
import dev.autogen.codegen.flyway.FlywayNaming;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The migrations a branch adds relative to a base ({@code --base origin/main}): those of the
 * directory on disk (committed or not) whose path the base ref's tree does not have. Taken against the
 * base's tree rather than the merge base, so that a migration the branch got by merging the base is
 * the base's, not the branch's. The reusable view that {@code check}, {@code verify} and {@code rebase}
 * share.
 *
 * @param ref the base ref as given, e.g. {@code origin/main}, never null
 * @param base the migrations of the base ref's tree, never null
 * @param local the migrations on disk, never null
 * @param added the migrations on disk that the base does not have (by path), in version order, never
 *     null
 */
public record BranchMigrations(String ref, MigrationHistory base, MigrationHistory local, List<Migration> added) {

  /** @throws NullPointerException when an argument is null; copies the list */
  public BranchMigrations {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(local, "local");
    added = List.copyOf(added);
  }

  /**
   * @param directory the migrations directory, in a git work tree, never null
   * @param ref the base, a git ref or commit, never null
   * @param naming how the project names its migrations, never null
   * @return the branch's migrations against the base
   * @throws AutogenException with {@link ExitCode#USAGE} as {@link GitBase#files}
   */
  public static BranchMigrations against(Path directory, String ref, FlywayNaming naming) {
    MigrationHistory base = MigrationHistory.of(GitBase.files(directory, ref), naming);
    MigrationHistory local = MigrationHistory.onDisk(directory, naming);
    Set<String> basePaths = new HashSet<>();
    base.migrations().forEach(m -> basePaths.add(m.path()));
    return new BranchMigrations(ref, base, local,
        local.migrations().stream().filter(m -> !basePaths.contains(m.path())).toList());
  }

  /** @return the base's versioned migration of the highest version, if the base has any */
  public Optional<Migration> baseHighest() {
    return base.highest();
  }

  /**
   * @return the branch's versioned migrations that Flyway would not apply after the base: of a version
   *     the base has too, or not above the base's highest (skipped where the base is applied, unless
   *     {@code outOfOrder}); with their undo files' versions following them
   */
  public List<Migration> behindBase() {
    Optional<Migration> highest = baseHighest();
    if (highest.isEmpty()) {
      return List.of();
    }
    return added.stream().filter(m -> !m.undo() && m.version().compareTo(highest.get().version()) <= 0).toList();
  }

  /**
   * One branch migration Flyway would not apply after the base.
   *
   * @param migration the branch's migration, never null
   * @param line one line naming it, the base's migration of its version or highest, and the fix ({@code
   *     autogen rebase --base REF}), never null
   */
  public record Conflict(Migration migration, String line) {}

  /**
   * @return one conflict per branch migration behind the base ({@link #behindBase()}), in version
   *     order; empty when the branch is ahead of the base
   */
  public List<Conflict> conflicting() {
    List<Conflict> conflicts = new ArrayList<>();
    Migration highest = baseHighest().orElse(null);
    for (Migration m : behindBase()) {
      List<Migration> same = base.sameVersion(m);
      String why = same.isEmpty()
          ? "is not above " + ref + "'s highest version " + highest.rawVersion() + " (" + highest.path()
              + "): Flyway skips it where " + ref + " is applied (unless outOfOrder)"
          : "has version " + m.rawVersion() + " as " + ref + "'s " + same.get(0).path()
              + " (Flyway: \"Found more than one migration with version " + m.version() + "\")";
      conflicts.add(new Conflict(m, "Version conflict: " + m.path() + ", added by this branch, " + why
          + "; run autogen rebase --base " + ref));
    }
    return conflicts;
  }

  /** @return the lines of {@link #conflicting()} */
  public List<String> conflicts() {
    return conflicting().stream().map(Conflict::line).toList();
  }
}
