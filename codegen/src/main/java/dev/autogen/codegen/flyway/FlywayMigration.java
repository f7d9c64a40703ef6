package dev.autogen.codegen.flyway;

import dev.autogen.codegen.Statement;
import dev.autogen.diff.MigrationPlan;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a pair of Flyway migration files is made of.
 *
 * @param message the user's message, e.g. {@code Add bio column}, never null
 * @param version the Flyway version, e.g. {@code 2} (see {@link FlywayVersion}), never null
 * @param createdAt when the migration was generated, written in UTC; passed in so output is
 *     reproducible; never null
 * @param generatorVersion the autogen version that generated it, never null
 * @param plan the plan, for its risk summary and hazards, never null
 * @param statements the rendered plan, one statement per change in plan order, never null
 */
public record FlywayMigration(
    String message, String version, Instant createdAt, String generatorVersion, MigrationPlan plan,
    List<Statement> statements) {

  /**
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when the version is not a Flyway version, or the statements
   *     are not one per change of the plan
   */
  public FlywayMigration {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(generatorVersion, "generatorVersion");
    Objects.requireNonNull(plan, "plan");
    statements = List.copyOf(statements);
    if (!FlywayFileName.isVersion(version)) {
      throw new IllegalArgumentException("not a Flyway version (digits separated by . or _): " + version);
    }
    Statement.requireRendering(plan, statements);
  }

  /** @return {@link MigrationSlug#of(String)} of the message */
  public String slug() {
    return MigrationSlug.of(message);
  }

  /** @return {@code V<version>__<slug>.sql} */
  public String upgradeFileName() {
    return "V" + version + "__" + slug() + ".sql";
  }

  /** @return {@code U<version>__<slug>.sql} */
  public String downgradeFileName() {
    return "U" + version + "__" + slug() + ".sql";
  }
}
