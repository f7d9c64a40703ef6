package dev.autogen.codegen.liquibase;

import dev.autogen.codegen.flyway.FlywayMigration;
import dev.autogen.codegen.postgres.PostgresExistenceChecks;
import dev.autogen.codegen.postgres.online.MigrationStep;
import java.util.List;
import java.util.Optional;
import liquibase.precondition.core.PreconditionContainer;

/**
 * The preconditions of an online plan's contract changeset: it runs only while every table and column it
 * drops still exists ({@code onFail: MARK_RAN}). The contract step is applied a release later, by then
 * someone may have dropped an object by hand; Liquibase then records the changeset as ran without running
 * any of it, so nothing is dropped that the plan did not expect, and {@code autogen check} shows what is
 * left to drop. The checks are the renderer's queries ({@link PostgresExistenceChecks}), exact for any
 * name, where Liquibase's {@code columnExists} would look names up through its own quoting rules.
 */
final class DropGuards {

  /** Liquibase's action when a check fails: record the changeset as ran without running it. */
  static final PreconditionContainer.FailOption ON_FAIL = PreconditionContainer.FailOption.MARK_RAN;

  /** The result each check expects: a count of 1, the object exists. */
  static final String EXPECTED = "1";

  private DropGuards() {}

  /**
   * @param migration a migration, never null
   * @return the checks of the tables and columns it drops (a renamed column's old one included) when it is
   *     an online plan's contract step, in plan order; empty otherwise
   */
  static List<PostgresExistenceChecks.Check> of(FlywayMigration migration) {
    if (migration.onlineStep() != MigrationStep.CONTRACT) {
      return List.of();
    }
    return migration.statements().stream().map(s -> PostgresExistenceChecks.ofRemoved(s.change()))
        .flatMap(Optional::stream).toList();
  }

  /**
   * @param checks the checks of a changeset, never empty
   * @return the message Liquibase logs when one fails
   */
  static String onFailMessage(List<PostgresExistenceChecks.Check> checks) {
    return "already dropped: one of " + String.join(", ", checks.stream().map(PostgresExistenceChecks.Check::object)
        .toList()) + "; the contract step is marked ran without running";
  }
}
