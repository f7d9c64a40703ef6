package dev.autogen.diff.risk;

import dev.autogen.diff.Change;

/** How diagnostics name the object a change is on: {@code schema.table.column}. */
final class Names {

  private Names() {}

  /**
   * @param change a change
   * @return its subject, with the column when it has one
   */
  static String of(Change change) {
    return change.column() == null ? change.subject().toString() : change.subject() + "." + change.column();
  }
}
