package dev.autogen.diff;

/**
 * The stable hazard codes of DESIGN.md ("Risk"), each with the risk it carries unless an analyzer
 * says otherwise. Codes are public API: reports, {@code --allow} and CI gates use them.
 */
public enum Hazard {
  /** Drop of a table or column, a narrowing type, dropping an enum value. */
  DATA_LOSS(Risk.DANGEROUS),
  /** A drop and an add that look like a rename. */
  SUSPECTED_RENAME(Risk.DANGEROUS),
  /** A NOT NULL column added, or a column made NOT NULL, on an existing table without a default. */
  NOT_NULL_NO_DEFAULT(Risk.DANGEROUS),
  /**
   * A unique, check, foreign key or NOT NULL that existing rows may violate, or a type change whose
   * {@code USING} cast existing values may not survive.
   */
  DATA_DEPENDENT(Risk.CAUTION),
  /** A type change that rewrites the table. */
  TABLE_REWRITE(Risk.CAUTION),
  /** A statement that holds an ACCESS EXCLUSIVE (or write-blocking) lock while it scans or rewrites. */
  BLOCKING_LOCK(Risk.CAUTION),
  /** A non-concurrent index build on an existing table. */
  INDEX_BUILD_BLOCKS_WRITES(Risk.CAUTION),
  /**
   * The running (old) application breaks or behaves differently: renames, drops of used columns, a
   * foreign key's {@code ON DELETE}/{@code ON UPDATE} action dropped, changed or added (what the
   * application's deletes do to child rows changes).
   */
  BACKWARD_INCOMPATIBLE(Risk.CAUTION),
  /**
   * A view or materialized view reads a column or table that the change drops or changes the type
   * of: PostgreSQL refuses the statement ({@code cannot alter type of a column used by a view or
   * rule}) unless the view is dropped first and re-created after ({@code --recreate-dependent-views}).
   */
  DEPENDENT_OBJECT(Risk.DANGEROUS),
  /**
   * An index the database marks INVALID (a failed {@code CREATE INDEX CONCURRENTLY}) is dropped, and
   * built again where the entities have it: whatever made the first build fail can fail the next one.
   */
  INVALID_INDEX(Risk.CAUTION);

  private final Risk risk;

  Hazard(Risk risk) {
    this.risk = risk;
  }

  /** @return the risk this hazard carries */
  public Risk risk() {
    return risk;
  }
}
