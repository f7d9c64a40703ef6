package dev.autogen.codegen.postgres;

import static dev.autogen.codegen.postgres.PostgresIdentifiers.qualified;

import dev.autogen.model.Sequence;
import java.util.List;

/** Sequence statements (PostgreSQL "CREATE SEQUENCE", "ALTER SEQUENCE", "DROP SEQUENCE"). */
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
}
