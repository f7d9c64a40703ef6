package dev.autogen.codegen.postgres;

import static dev.autogen.codegen.postgres.PostgresIdentifiers.qualified;
import static dev.autogen.codegen.postgres.PostgresIdentifiers.quote;

import dev.autogen.model.CheckConstraint;
import dev.autogen.model.Column;
import dev.autogen.model.Index;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.Table;
import dev.autogen.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;

/** Whole-table statements: {@code CREATE TABLE} with what belongs to it, {@code DROP}, rename. */
final class PostgresTables {

  private PostgresTables() {}

  /**
   * @param schema the table's schema, never null
   * @param table the table (its foreign keys are added by their own changes), never null
   * @return {@code create table} with the columns (primary key columns first, in key order, then the
   *     others in model order, so the table reads the way people write it), then primary key, unique and check constraints
   *     inline, one element per line; then one {@code create index} per index; then {@code comment
   *     on} the table and each commented column; all that between the creation of the sequences
   *     the columns own and their {@code owned by} ({@link PostgresOwnedSequences#around})
   */
  static List<String> create(String schema, Table table) {
    QualifiedName name = new QualifiedName(schema, table.name());
    List<String> elements = new ArrayList<>();
    keyColumnsFirst(table).forEach(c -> elements.add(PostgresColumns.definition(schema, c)));
    if (table.primaryKey() != null) {
      elements.add(PostgresConstraints.primaryKey(
          PostgresNames.primaryKey(table.name(), table.primaryKey()), table.primaryKey()));
    }
    for (UniqueConstraint u : table.uniques()) {
      elements.add(PostgresConstraints.unique(PostgresNames.unique(table.name(), u), u));
    }
    for (CheckConstraint c : table.checks()) {
      elements.add(PostgresConstraints.check(PostgresNames.check(table.name(), c), c));
    }
    List<String> sql = new ArrayList<>();
    sql.add("create table " + qualified(name) + " (\n  " + String.join(",\n  ", elements) + "\n)");
    for (Index index : table.indexes()) {
      sql.add(PostgresConstraints.createIndex(name, PostgresNames.index(table.name(), index), index));
    }
    if (table.comment() != null) {
      sql.add(PostgresComments.onTable(name, table.comment()));
    }
    for (Column c : table.columns()) {
      if (c.comment() != null) {
        sql.add(PostgresComments.onColumn(name, c.name(), c.comment()));
      }
    }
    return PostgresOwnedSequences.around(name, table.columns(), sql);
  }

  private static List<Column> keyColumnsFirst(Table table) {
    List<String> key = table.primaryKey() == null ? List.of() : table.primaryKey().columns();
    List<Column> ordered = new ArrayList<>();
    key.forEach(k -> table.column(k).ifPresent(ordered::add));
    table.columns().stream().filter(c -> !key.contains(c.name())).forEach(ordered::add);
    return ordered;
  }

  /** @return {@code drop table t}; its indexes and constraints go with it */
  static String drop(String schema, Table table) {
    return "drop table " + qualified(schema, table.name());
  }

  /** @return {@code alter table t rename to n} (the new name stays in the same schema) */
  static String rename(QualifiedName from, String to) {
    return "alter table " + qualified(from) + " rename to " + quote(to);
  }
}
