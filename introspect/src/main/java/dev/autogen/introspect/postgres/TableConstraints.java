package dev.autogen.introspect.postgres;

import dev.autogen.model.CheckConstraint;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.PrimaryKey;
import dev.autogen.model.UniqueConstraint;
import java.util.List;

/**
 * The constraints of one table, each list sorted by constraint name.
 *
 * @param primaryKey the primary key, or null
 * @param foreignKeys the foreign keys, never null
 * @param uniques the unique constraints, never null
 * @param checks the check constraints, never null
 */
record TableConstraints(
    PrimaryKey primaryKey, List<ForeignKey> foreignKeys, List<UniqueConstraint> uniques, List<CheckConstraint> checks) {

  /** A table without constraints. */
  static final TableConstraints NONE = new TableConstraints(null, List.of(), List.of(), List.of());

  /** @throws NullPointerException when a list is null */
  TableConstraints {
    foreignKeys = List.copyOf(foreignKeys);
    uniques = List.copyOf(uniques);
    checks = List.copyOf(checks);
  }
}
