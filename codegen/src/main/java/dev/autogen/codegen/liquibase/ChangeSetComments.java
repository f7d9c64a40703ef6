package dev.autogen.codegen.liquibase;

import dev.autogen.codegen.ChangeLabels;
import dev.autogen.codegen.Statement;
import dev.autogen.codegen.flyway.FlywayMigration;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.Risk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The comment of a generated changeset, the same in every changelog format. */
final class ChangeSetComments {

  private ChangeSetComments() {}

  /**
   * @param migration a migration of the plan, never null
   * @return its message, its notes and the hazards of its changes, dangerous first, one per line (a
   *     line may be empty); the text is not escaped: each format's writer does that
   */
  static String of(FlywayMigration migration) {
    List<String> lines = new ArrayList<>(migration.message().lines().map(String::strip).toList());
    lines.addAll(migration.notes());
    migration.plan().diagnostics().stream().filter(d -> d.risk() != Risk.SAFE)
        .filter(d -> migration.statements().stream().anyMatch(s -> s.change().equals(d.change())))
        .sorted(Comparator.comparing(Diagnostic::risk).reversed())
        .forEach(d -> lines.add("[" + d.risk().name() + "] " + d.hazard().name() + " "
            + ChangeLabels.describe(d.change(), Statement.of(migration.statements(), d.change()).name()) + ": "
            + d.message()));
    return String.join("\n", lines);
  }
}
