package dev.autogen.codegen.flyway;

import dev.autogen.codegen.Statement;
import dev.autogen.diff.MigrationPlan;
import java.time.Instant;
import java.util.List;
import dev.autogen.codegen.postgres.online.MigrationStep;
import java.util.Objects;

/**
 * Everything a pair of Flyway migration files is made of: the versioned migration and its undo.
 *
 * @param message the user's message, e.g. {@code Add bio column}, never null
 * @param version the Flyway version, e.g. {@code 2} (see {@link FlywayVersion}), never null
 * @param createdAt when the migration was generated, written in UTC; passed in so output is
 *     reproducible; never null
 * @param generatorVersion the autogen version that generated it, never null
 * @param plan the plan, for its risk summary and hazards, never null
 * @param statements the rendered plan, one statement per change in plan order, never null
 * @param notes lines for the header after the risk summary (e.g. which step of an online plan this
 *     is), never null
 * @param preamble statements both files run before the changes' (e.g. {@code set local lock_timeout}),
 *     never null
 * @param postamble statements both files run after the changes' (e.g. {@code reset lock_timeout}),
 *     never null
 * @param transactional false for a migration Flyway must run outside a transaction: it is written
 *     with a script configuration file {@code <file>.sql.conf} holding {@code
 *     executeInTransaction=false} (Flyway "Script Configuration"; Flyway 13's PostgreSQL parser also
 *     detects {@code CREATE INDEX CONCURRENTLY} alone, but refuses a script that mixes it with other
 *     statements unless the configuration says so)
 * @param onlineStep the step of an online plan ({@code --online}) this migration is, or null when the plan
 *     is not an online one
 */
public record FlywayMigration(
    String message, String version, Instant createdAt, String generatorVersion, MigrationPlan plan,
    List<Statement> statements, List<String> notes, List<String> preamble, List<String> postamble,
    boolean transactional, MigrationStep onlineStep) {

  /** The content of the script configuration file of a non-transactional migration. */
  public static final String NON_TRANSACTIONAL_CONF = "executeInTransaction=false\n";

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
    notes = List.copyOf(notes);
    preamble = List.copyOf(preamble);
    postamble = List.copyOf(postamble);
    if (!FlywayFileName.isVersion(version)) {
      throw new IllegalArgumentException("not a Flyway version (digits separated by . or _): " + version);
    }
    Statement.requireRendering(plan, statements);
  }

  /**
   * A transactional migration without notes, preamble or postamble.
   *
   * @param message the user's message, never null
   * @param version the Flyway version, never null
   * @param createdAt when it was generated, never null
   * @param generatorVersion the autogen version, never null
   * @param plan the plan, never null
   * @param statements the rendered plan, never null
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when the version is not a Flyway version, or the statements
   *     are not one per change of the plan
   */
  public FlywayMigration(String message, String version, Instant createdAt, String generatorVersion,
      MigrationPlan plan, List<Statement> statements) {
    this(message, version, createdAt, generatorVersion, plan, statements, List.of(), List.of(), List.of(), true);
  }

  /**
   * A migration that is not a step of an online plan.
   *
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException as the canonical constructor
   */
  public FlywayMigration(String message, String version, Instant createdAt, String generatorVersion,
      MigrationPlan plan, List<Statement> statements, List<String> notes, List<String> preamble,
      List<String> postamble, boolean transactional) {
    this(message, version, createdAt, generatorVersion, plan, statements, notes, preamble, postamble, transactional,
        null);
  }

  /**
   * @return the statements in the order the undo runs them: the last change first, as {@code U} files and
   *     rollbacks undo a migration
   */
  public List<Statement> undoOrder() {
    List<Statement> reversed = new java.util.ArrayList<>(statements);
    java.util.Collections.reverse(reversed);
    return List.copyOf(reversed);
  }

  /** @return {@link MigrationSlug#of(String)} of the message */
  public String slug() {
    return MigrationSlug.of(message);
  }

  /** @return {@code V<version>__<slug>.sql}, the name under Flyway's default naming ({@link FlywayNaming#DEFAULT}) */
  public String upgradeFileName() {
    return upgradeFileName(FlywayNaming.DEFAULT);
  }

  /** @return {@code U<version>__<slug>.sql}, the name under Flyway's default naming */
  public String downgradeFileName() {
    return downgradeFileName(FlywayNaming.DEFAULT);
  }

  /**
   * @param naming the project's Flyway naming, never null
   * @return the versioned migration's file name under it
   */
  public String upgradeFileName(FlywayNaming naming) {
    return naming.upgradeFileName(version, slug());
  }

  /**
   * @param naming the project's Flyway naming, never null
   * @return the undo migration's file name under it
   */
  public String downgradeFileName(FlywayNaming naming) {
    return naming.undoFileName(version, slug());
  }

  /**
   * @param sqlFileName a file name of this migration
   * @return the name of its script configuration file: {@code <sqlFileName>.conf}
   */
  public static String configFileName(String sqlFileName) {
    return sqlFileName + ".conf";
  }
}
