package dev.autogen.codegen.postgres;

import static dev.autogen.codegen.postgres.PostgresIdentifiers.qualified;
import static dev.autogen.codegen.postgres.PostgresIdentifiers.quote;

import dev.autogen.model.QualifiedName;
import dev.autogen.model.Sequence;
import java.util.List;

/**
 * Sequence statements (PostgreSQL "CREATE SEQUENCE", "ALTER SEQUENCE", "DROP SEQUENCE", and {@code
 * setval} of "9.17. Sequence Manipulation Functions").
 */
final class PostgresSequences {

  private PostgresSequences() {}

  /** @return {@code create sequence s start with S increment by I} */
  static String create(String schema, Sequence sequence) {
    return "create sequence " + qualified(schema, sequence.name()) + " start with " + sequence.start()
        + " increment by " + sequence.increment();
  }

  /**
   * @param schema the sequence's schema, never null
   * @param from the sequence as it is, never null
   * @param to the sequence as it should be: same name, never null
   * @return {@code alter sequence s [increment by I] [start with S]} with the properties that
   *     differ, or no statement when none does. {@code start with} only changes the value a later
   *     {@code restart} goes back to, never the sequence's current value.
   * @throws IllegalArgumentException when the names differ: a rename is not an alteration
   */
  static List<String> alter(String schema, Sequence from, Sequence to) {
    if (!from.name().equals(to.name())) {
      throw new IllegalArgumentException(
          "cannot alter sequence " + from.name() + " into a sequence of another name: " + to.name());
    }
    StringBuilder sb = new StringBuilder();
    if (from.increment() != to.increment()) {
      sb.append(" increment by ").append(to.increment());
    }
    if (from.start() != to.start()) {
      sb.append(" start with ").append(to.start());
    }
    return sb.length() == 0 ? List.of() : List.of("alter sequence " + qualified(schema, to.name()) + sb);
  }

  /** @return {@code drop sequence s} */
  static String drop(String schema, Sequence sequence) {
    return "drop sequence " + qualified(schema, sequence.name());
  }

  /**
   * Moves the sequence of a column that just became an identity column past the values the column
   * holds. {@code ALTER TABLE ... ALTER COLUMN ... ADD GENERATED ... AS IDENTITY} creates the
   * sequence at its start value, 1, whatever the rows hold, so without this the next insert that
   * takes a generated value collides with an existing one. The same holds for a sequence a filled
   * column starts to own ({@code serial}, {@link PostgresOwnedSequences}), which {@code
   * pg_get_serial_sequence} finds as well.
   *
   * <p>{@code pg_get_serial_sequence} (PostgreSQL "9.26. System Information Functions") finds the
   * identity's sequence: its first argument is text parsed as a possibly qualified SQL identifier,
   * so it gets the table name quoted as in SQL ({@code '"Mixed"."Order"'}); its second is taken
   * literally, so it gets the column name exactly as stored. {@code setval(..., n, false)} makes
   * {@code n} the next value. {@code greatest} ignores a NULL {@code max} (no rows) and keeps
   * {@code n} at least 1, the identity's default {@code minvalue}, when every value is below it.
   *
   * @param table the table, never null
   * @param column the identity column's name as stored, never null
   * @return {@code select setval(pg_get_serial_sequence('<table>', '<column>'), greatest(max(<column>),
   *     0) + 1, false) from <table>}
   */
  static String identityPastExistingValues(QualifiedName table, String column) {
    String sequence = "pg_get_serial_sequence(" + PostgresLiterals.string(qualified(table)) + ", "
        + PostgresLiterals.string(column) + ")";
    return "select setval(" + sequence + ", greatest(max(" + quote(column) + "), 0) + 1, false) from "
        + qualified(table);
  }
}
