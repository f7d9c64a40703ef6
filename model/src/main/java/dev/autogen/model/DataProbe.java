package dev.autogen.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers read-only questions about the data a live database stores, so that hazards can say how much
 * is at stake ("drops table public.owner and its 1,204 rows"). The questions are the ones a migration
 * step can fail or lose data on: rows of a table, values and NULLs of a column, values a narrowed type
 * cannot hold, duplicates that block a unique constraint, orphans that block a foreign key, rows a new
 * check rejects.
 *
 * <p>Every name is exact, as the catalog stores it (not folded, not quoted), and names the object as
 * it is in the database now, before the migration. An implementation must never write, should bound
 * the time each question takes, and may answer with an estimate instead of reading a large table;
 * {@link Count#estimate()} says which. Implementations say whether they are thread-safe.
 */
public interface DataProbe {

  /**
   * @param question what to count, never null
   * @return the count, exact or estimated; empty when it is unknown: the question took longer than the
   *     implementation allows, the database rejected it (for example a check expression it cannot
   *     evaluate, or an object that does not exist yet), or no estimate exists for a table too large to
   *     read. Never throws for such failures, never null
   * @throws NullPointerException when question is null
   */
  Optional<Count> count(Question question);

  /**
   * A figure the database gave.
   *
   * @param value the number counted, never negative
   * @param estimate false when counted exactly, true when estimated (catalog statistics or a sample)
   */
  record Count(long value, boolean estimate) {

    /** @throws IllegalArgumentException when value is negative */
    public Count {
      if (value < 0) {
        throw new IllegalArgumentException("a count is never negative: " + value);
      }
    }
  }

  /** What a probe can be asked; each record names its table and the columns it reads. */
  sealed interface Question
      permits Rows, NonNullValues, Nulls, LongerThan, OutsideNumeric, DuplicateGroups, Orphans, CheckViolations,
      UnconvertibleSample, Unconvertible {

    /** @return the table the question reads, never null */
    QualifiedName table();
  }

  /**
   * How many rows the table holds.
   *
   * @param table the table, never null
   */
  record Rows(QualifiedName table) implements Question {
    /** @throws NullPointerException when table is null */
    public Rows {
      Objects.requireNonNull(table, "table");
    }
  }

  /**
   * How many rows hold a value (not NULL) in the column: what dropping it destroys.
   *
   * @param table the table, never null
   * @param column the column, never null
   */
  record NonNullValues(QualifiedName table, String column) implements Question {
    /** @throws NullPointerException when an argument is null */
    public NonNullValues {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
    }
  }

  /**
   * How many rows hold NULL in the column: what makes {@code SET NOT NULL} fail.
   *
   * @param table the table, never null
   * @param column the column, never null
   */
  record Nulls(QualifiedName table, String column) implements Question {
    /** @throws NullPointerException when an argument is null */
    public Nulls {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
    }
  }

  /**
   * How many values of a character column are longer than a length: what a narrowed {@code
   * varchar(length)} rejects.
   *
   * @param table the table, never null
   * @param column the column, never null
   * @param length the new maximum length in characters, at least 0
   */
  record LongerThan(QualifiedName table, String column, int length) implements Question {
    /**
     * @throws NullPointerException when table or column is null
     * @throws IllegalArgumentException when length is negative
     */
    public LongerThan {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
      if (length < 0) {
        throw new IllegalArgumentException("length " + length);
      }
    }
  }

  /**
   * How many values of a numeric column a {@code numeric(precision, scale)} would not hold unchanged:
   * those it rejects (too many digits before the point) and those it rounds (more decimals than
   * {@code scale}).
   *
   * @param table the table, never null
   * @param column the column, never null
   * @param precision the new precision, at least 1
   * @param scale the new scale, between 0 and precision
   */
  record OutsideNumeric(QualifiedName table, String column, int precision, int scale) implements Question {
    /**
     * @throws NullPointerException when table or column is null
     * @throws IllegalArgumentException when precision or scale is out of range
     */
    public OutsideNumeric {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
      if (precision < 1 || scale < 0 || scale > precision) {
        throw new IllegalArgumentException("numeric(" + precision + "," + scale + ")");
      }
    }
  }

  /**
   * How many groups of rows share one value of the columns, all of them not NULL (NULLs never
   * conflict in a unique constraint): each group makes a new unique constraint fail.
   *
   * @param table the table, never null
   * @param columns the columns, never empty
   */
  record DuplicateGroups(QualifiedName table, List<String> columns) implements Question {
    /**
     * @throws NullPointerException when an argument is null
     * @throws IllegalArgumentException when columns is empty
     */
    public DuplicateGroups {
      Objects.requireNonNull(table, "table");
      columns = List.copyOf(columns);
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("no columns");
      }
    }
  }

  /**
   * How many rows reference nothing: all referencing columns not NULL (MATCH SIMPLE) and no row of the
   * referenced table with those values. Each makes a new foreign key fail.
   *
   * @param table the referencing table, never null
   * @param columns the referencing columns, never empty
   * @param referencedTable the referenced table, never null
   * @param referencedColumns the referenced columns, as many as {@code columns}
   */
  record Orphans(QualifiedName table, List<String> columns, QualifiedName referencedTable,
      List<String> referencedColumns) implements Question {
    /**
     * @throws NullPointerException when an argument is null
     * @throws IllegalArgumentException when the column lists are empty or differ in size
     */
    public Orphans {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(referencedTable, "referencedTable");
      columns = List.copyOf(columns);
      referencedColumns = List.copyOf(referencedColumns);
      if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
        throw new IllegalArgumentException(columns + " -> " + referencedColumns);
      }
    }
  }

  /**
   * How many rows a check rejects: those for which the expression is false (a NULL result passes,
   * as in a {@code CHECK} constraint).
   *
   * @param table the table, never null
   * @param expression the check's boolean expression in the database's SQL, naming columns of the
   *     table, never null
   */
  record CheckViolations(QualifiedName table, String expression) implements Question {
    /** @throws NullPointerException when an argument is null */
    public CheckViolations {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(expression, "expression");
    }
  }

  /**
   * How many of a sample of the column's non-NULL values a conversion to another type rejects or
   * changes: the first {@code sampleSize} such values the table returns (in no defined order), each
   * cast explicitly from the column's own type ({@code CAST(value AS type)}, what {@code ALTER COLUMN
   * ... TYPE ... USING column::type} does) and back; a value counts when the cast fails or the value
   * does not read back the same (a string cut to a shorter length, a number rounded, a time of day
   * lost). Asked of a dropped column that may have been renamed into a column of another type: would
   * its values survive the conversion? The answer counts rows of the sample, not of the table, and is
   * always an estimate of the whole column; the sample holds {@code min(sampleSize, non-NULL values)}
   * rows ({@link NonNullValues}).
   *
   * @param table the table, never null
   * @param column the column, never null
   * @param type the type to convert to, as the database spells it (e.g. {@code integer}, {@code
   *     varchar(20)}), never null
   * @param sampleSize how many non-NULL values to try, at least 1
   */
  record UnconvertibleSample(QualifiedName table, String column, String type, int sampleSize)
      implements Question {
    /**
     * @throws NullPointerException when table, column or type is null
     * @throws IllegalArgumentException when sampleSize is below 1
     */
    public UnconvertibleSample {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(type, "type");
      if (sampleSize < 1) {
        throw new IllegalArgumentException("sample size " + sampleSize);
      }
    }
  }

  /**
   * How many non-NULL values of a column of a character type the explicit cast to another type
   * rejects: what makes {@code ALTER COLUMN ... TYPE type USING column::type} fail ({@code invalid
   * input syntax for type integer: "abc"}). A cast from a character type reads the value as the new
   * type's input text (PostgreSQL "4.3. Value Expressions", Type Casts), so a value counts when that
   * input is invalid. An implementation answers empty when it has no read-only check for the type.
   *
   * @param table the table, never null
   * @param column the column, of a character type, never null
   * @param type the type to convert to, as the database spells it (e.g. {@code integer}, {@code oid}),
   *     never null
   */
  record Unconvertible(QualifiedName table, String column, String type) implements Question {
    /** @throws NullPointerException when an argument is null */
    public Unconvertible {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(type, "type");
    }
  }
}
