package dev.autogen.codegen.liquibase;

import dev.autogen.codegen.ChangeLabels;
import dev.autogen.codegen.Statement;
import dev.autogen.codegen.flyway.FlywayMigration;
import dev.autogen.codegen.postgres.online.MigrationStep;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.Risk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The comment of a generated changeset, the same in every changelog format: the message, what the step
 * is and how Liquibase runs it (in Liquibase's terms: the migration's own notes speak of Flyway files and
 * commands), and the hazards.
 */
final class ChangeSetComments {

  private ChangeSetComments() {}

  /**
   * @param migration a migration of the plan, never null
   * @param index its position in the plan, from 0
   * @param count the number of migrations in the plan, at least 1
   * @return its message, its notes and the hazards of its changes, dangerous first, one per line; the text
   *     is not escaped: each format's writer does that
   */
  static String of(FlywayMigration migration, int index, int count) {
    List<String> lines = new ArrayList<>(migration.message().lines().map(String::strip).toList());
    lines.addAll(notes(migration, index, count));
    migration.plan().diagnostics().stream().filter(d -> d.risk() != Risk.SAFE)
        .filter(d -> migration.statements().stream().anyMatch(s -> s.change().equals(d.change())))
        .sorted(Comparator.comparing(Diagnostic::risk).reversed())
        .forEach(d -> lines.add("[" + d.risk().name() + "] " + d.hazard().name() + " "
            + ChangeLabels.describe(d.change(), Statement.of(migration.statements(), d.change()).name()) + ": "
            + d.message()));
    return String.join("\n", lines);
  }

  private static List<String> notes(FlywayMigration migration, int index, int count) {
    List<String> notes = new ArrayList<>();
    MigrationStep step = migration.onlineStep();
    if (step != null) {
      notes.add("Online plan (--online), step " + (index + 1) + " of " + count + ": "
          + step.name().toLowerCase(Locale.ROOT) + ".");
    }
    if (!migration.transactional()) {
      notes.add(step == MigrationStep.ONLINE
          ? "Runs outside a transaction (runInTransaction false): each statement commits on its own. If a CREATE"
              + " INDEX CONCURRENTLY fails it leaves an INVALID index of that name: drop it (DROP INDEX CONCURRENTLY"
              + " name), then run liquibase update again."
          : "Runs outside a transaction (runInTransaction false): ALTER TYPE ... ADD VALUE must commit before a"
              + " later change uses the new label (PostgreSQL \"ALTER TYPE\", Notes).");
    }
    if (step == MigrationStep.CONTRACT) {
      notes.add("CONTRACT STEP FOR A LATER RELEASE: apply it after every instance runs the new version of the"
          + " application; until then keep it out of the update (liquibase update-count, or a label on it).");
      if (!DropGuards.of(migration).isEmpty()) {
        notes.add("It runs only while every table and column it drops exists; otherwise Liquibase marks it ran"
            + " and drops nothing (precondition, onFail MARK_RAN).");
      }
    }
    return notes;
  }
}
