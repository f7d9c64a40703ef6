package dev.autogen.cli.verify;

/**
 * What {@code autogen verify} found for one versioned migration.
 *
 * @param version the version as Flyway reads it, e.g. {@code 2} or {@code 1.1}, never null
 * @param file the migration's file name, never null
 * @param undoFile the undo file's name, or null when it has none
 * @param upMillis how long applying it took in milliseconds, as Flyway timed its execution (its schema
 *     history's {@code execution_time}), or null when it was not applied
 * @param downMillis how long its undo file took, or null when it was not run
 * @param upgrade whether it applied
 * @param stairway whether up, undo (the catalog exactly as before) and up again held; {@link
 *     Status#SKIPPED} without an undo file or at or below {@code --from}
 * @param seeded whether the seed file after it ran and, where its undo file ran, the rows of every table
 *     were the same after the undo as before it ({@link SeededData}); {@link Status#SKIPPED} without seed
 *     files (none at all, or none after it and no rows compared), {@link Status#NOT_RUN} when a failure
 *     stopped the check before it; a failure here is also one of {@code upgrade} (the seed file) or
 *     {@code stairway} (the rows), as the reports show it
 * @param message why it failed (naming the file and the first difference), or why a check was skipped
 *     or not run; null when it passed
 */
public record MigrationCheck(String version, String file, String undoFile, Long upMillis, Long downMillis,
    Status upgrade, Status stairway, Status seeded, String message) {

  /** The outcome of one check. */
  public enum Status {
    /** It held. */
    PASSED,
    /** It did not. */
    FAILED,
    /** It does not apply (no undo file; at or below {@code --from}). */
    SKIPPED,
    /** An earlier failure stopped the run before it. */
    NOT_RUN;

    /** @return the status in lower case, as the reports spell it */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }

  /** @return whether a check of this migration failed */
  public boolean failed() {
    return upgrade == Status.FAILED || stairway == Status.FAILED;
  }

  /** @return {@code failed}, {@code passed} or {@code not run} for the migration as a whole */
  public String result() {
    return failed() ? "failed" : upgrade == Status.NOT_RUN ? "not run" : "passed";
  }
}
