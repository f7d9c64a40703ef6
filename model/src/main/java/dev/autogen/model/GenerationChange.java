package dev.autogen.model;

/**
 * How a change of a column's stored generation expression ({@link Column#generated()}) is carried
 * out ({@link Dialect#generationChange}); the SQL renderer writes it and the risk analysis rates it,
 * from this one answer, so the two never disagree.
 */
public enum GenerationChange {
  /**
   * In place, the column kept ({@code ALTER COLUMN ... SET EXPRESSION AS (...)}): every row is
   * recomputed, so the table is rewritten, under ACCESS EXCLUSIVE; its indexes, constraints and
   * dependent views stay.
   */
  SET_EXPRESSION,
  /**
   * In place, the column kept ({@code ALTER COLUMN ... DROP EXPRESSION}): a generated column becomes
   * a plain one keeping its values; a catalog change only, no rewrite.
   */
  DROP_EXPRESSION,
  /**
   * The column dropped and added again with its new definition, in one {@code ALTER TABLE}: a plain
   * column's values are lost (a stored generated column's are computed again), the table is
   * rewritten, the column moves to the end of the table, and the indexes and constraints on it are
   * dropped with it (the diff re-creates those the target keeps; a view or a foreign key of another
   * table on the column makes the drop fail).
   */
  RECREATE
}
