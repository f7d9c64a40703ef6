package dev.autogen.codegen.postgres.online;

/**
 * Where a piece of an online plan runs: its {@link MigrationStep} and, inside the non-transactional
 * step, its place. Inside {@link MigrationStep#ONLINE} the stages run in this order, so that rows are
 * filled before anything checks them, indexes exist before constraints use them, and a foreign key is
 * added only once the key it references exists; inside one stage, in plan order.
 */
public enum Stage {
  /** The transactional main migration. */
  EXPAND(MigrationStep.EXPAND),
  /** Batched backfills of new or newly NOT NULL columns. */
  BACKFILL(MigrationStep.ONLINE),
  /** {@code DROP INDEX CONCURRENTLY}, {@code CREATE [UNIQUE] INDEX CONCURRENTLY}, in plan order. */
  INDEX(MigrationStep.ONLINE),
  /** {@code VALIDATE CONSTRAINT} of checks, including the helper checks that prove NOT NULL. */
  VALIDATE(MigrationStep.ONLINE),
  /** {@code SET NOT NULL} over a validated check (PostgreSQL 12+ skips the scan), then the check dropped. */
  NOT_NULL(MigrationStep.ONLINE),
  /**
   * {@code ADD CONSTRAINT ... UNIQUE / PRIMARY KEY USING INDEX}, then foreign keys that reference such
   * a key, added {@code NOT VALID}.
   */
  ATTACH(MigrationStep.ONLINE),
  /** {@code VALIDATE CONSTRAINT} of foreign keys. */
  VALIDATE_REFERENCES(MigrationStep.ONLINE),
  /** The contract migration of a later release. */
  CONTRACT(MigrationStep.CONTRACT);

  private final MigrationStep step;

  Stage(MigrationStep step) {
    this.step = step;
  }

  /** @return the migration this stage belongs to */
  public MigrationStep step() {
    return step;
  }
}
