package dev.autogen.codegen.postgres.online;

/**
 * The migrations an online plan is split into, in the order they run (the expand/contract pattern:
 * every step but the last keeps the running, older application version working).
 */
public enum MigrationStep {
  /**
   * The main migration, in one transaction: quick catalog changes under a {@code lock_timeout}
   * (columns added nullable, constraints added {@code NOT VALID}, the triggers that keep old and new
   * columns in step).
   */
  EXPAND(true),
  /**
   * Outside a transaction (Flyway {@code executeInTransaction=false}): what must not hold a lock for
   * long or cannot run in a transaction at all: batched backfills, {@code CREATE/DROP INDEX
   * CONCURRENTLY}, {@code VALIDATE CONSTRAINT}, {@code SET NOT NULL} over a validated check; each
   * short step in its own explicit transaction.
   */
  ONLINE(false),
  /**
   * For a later release, once every instance runs the new application version: drops of columns,
   * tables and the sync triggers, and narrowing type changes, in one transaction.
   */
  CONTRACT(true);

  private final boolean transactional;

  MigrationStep(boolean transactional) {
    this.transactional = transactional;
  }

  /** @return whether the step's migration runs in one transaction */
  public boolean transactional() {
    return transactional;
  }
}
