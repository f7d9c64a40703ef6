package dev.autogen.cli.history;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import dev.autogen.cli.history.MigrationHistory.Migration;
import dev.autogen.codegen.flyway.FlywayNaming;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The version conflicts of a migrations directory ("multiple heads"), one actionable line each: two
 * migrations of one kind sharing a Flyway version (which Flyway refuses: "Found more than one
 * migration with version 7"), and with a base ref the migrations the branch adds that are not above
 * the base's ({@link BranchMigrations#conflicts()}).
 */
public final class VersionConflicts {

  private VersionConflicts() {}

  /**
   * @param directory the migrations directory, never null; missing means no conflicts
   * @param naming how the project names its migrations, never null
   * @param baseRef the base git ref ({@code --base}), or null to compare with no base
   * @return one line per conflict, empty when there is none
   * @throws AutogenException with {@link ExitCode#USAGE} when the base cannot be read ({@link GitBase})
   */
  public static List<String> find(Path directory, FlywayNaming naming, String baseRef) {
    List<String> lines = new ArrayList<>();
    String fix = "autogen rebase --base " + (baseRef == null ? "REF" : baseRef);
    for (MigrationHistory.Duplicate duplicate : MigrationHistory.onDisk(directory, naming).duplicates()) {
      List<Migration> same = duplicate.migrations();
      lines.add("Version conflict: " + same.stream().map(Migration::path).collect(Collectors.joining(" and "))
          + " share version " + same.get(0).version() + " (Flyway: \"Found more than one migration with version "
          + same.get(0).version() + "\"); renumber one, or run " + fix + " when a branch brought it");
    }
    if (baseRef != null && java.nio.file.Files.isDirectory(directory)) {
      BranchMigrations branch = BranchMigrations.against(directory, baseRef, naming);
      branch.conflicts().stream().filter(line -> !lines.contains(line)).forEach(lines::add);
    }
    return lines;
  }
}
