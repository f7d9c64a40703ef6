package dev.autogen.cli.convergence;

import dev.autogen.model.CheckConstraint;
import dev.autogen.model.Column;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.EnumType;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.Identity;
import dev.autogen.model.Index;
import dev.autogen.model.PrimaryKey;
import dev.autogen.model.Schema;
import dev.autogen.model.Sequence;
import dev.autogen.model.SqlType;
import dev.autogen.model.Table;
import dev.autogen.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A schema under construction: the mutable workbench on which {@link Step}s act, one {@code public}
 * schema of the model. {@link Validity#repair} keeps it a schema PostgreSQL accepts after each step.
 */
final class Draft {

  static final String SCHEMA = "public";

  final List<EnumType> enums = new ArrayList<>();
  final List<Sequence> sequences = new ArrayList<>();
  final List<TableDraft> tables = new ArrayList<>();

  /** One table under construction; lists are mutable, records inside them are replaced. */
  static final class TableDraft {
    String name;
    final List<Column> columns = new ArrayList<>();
    PrimaryKey primaryKey;
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    final List<UniqueConstraint> uniques = new ArrayList<>();
    final List<CheckConstraint> checks = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();

    TableDraft(String name) {
      this.name = name;
    }

    Optional<Column> column(String columnName) {
      return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** @return the column at {@code choice} modulo the column count, or empty for a table without columns */
    Optional<Column> column(int choice) {
      return columns.isEmpty() ? Optional.empty() : Optional.of(columns.get(Math.floorMod(choice, columns.size())));
    }

    void replace(String columnName, UnaryOperator<Column> change) {
      columns.replaceAll(c -> c.name().equals(columnName) ? change.apply(c) : c);
    }

    Set<String> columnNames() {
      Set<String> names = new HashSet<>();
      columns.forEach(c -> names.add(c.name()));
      return names;
    }

    /** @return the primary key's and the unique constraints' column lists: what a foreign key may reference */
    List<List<String>> keys() {
      List<List<String>> keys = new ArrayList<>();
      if (primaryKey != null) {
        keys.add(primaryKey.columns());
      }
      uniques.forEach(u -> keys.add(u.columns()));
      return keys;
    }

    Table toTable() {
      return new Table(name, columns, primaryKey, foreignKeys, uniques, checks, indexes, null);
    }
  }

  /** @return the table at {@code choice} modulo the table count, or empty when there is none */
  Optional<TableDraft> table(int choice) {
    return tables.isEmpty() ? Optional.empty() : Optional.of(tables.get(Math.floorMod(choice, tables.size())));
  }

  Optional<TableDraft> table(String name) {
    return tables.stream().filter(t -> t.name.equals(name)).findFirst();
  }

  /** @return the enum at {@code choice} modulo the enum count, or empty when there is none */
  Optional<EnumType> enumType(int choice) {
    return enums.isEmpty() ? Optional.empty() : Optional.of(enums.get(Math.floorMod(choice, enums.size())));
  }

  /**
   * @return every name in use among tables, sequences, enum types, constraints and indexes: one set
   *     for all, which is stricter than PostgreSQL's namespaces and so always safe
   */
  Set<String> names() {
    Set<String> names = new HashSet<>();
    enums.forEach(e -> names.add(e.name()));
    sequences.forEach(s -> names.add(s.name()));
    for (TableDraft t : tables) {
      names.add(t.name);
      if (t.primaryKey != null && t.primaryKey.name() != null) {
        names.add(t.primaryKey.name());
      }
      t.foreignKeys.forEach(k -> names.add(k.name()));
      t.uniques.forEach(k -> names.add(k.name()));
      t.checks.forEach(k -> names.add(k.name()));
      t.indexes.forEach(k -> names.add(k.name()));
    }
    names.remove(null);
    return names;
  }

  Schema toSchema() {
    return new Schema(SCHEMA, tables.stream().map(TableDraft::toTable).toList(), sequences, enums);
  }

  static Column withType(Column c, SqlType type) {
    return new Column(c.name(), type, c.nullable(), c.defaultValue(), c.identity(), c.comment(), c.generated(), c.collation());
  }

  static Column withNullable(Column c, boolean nullable) {
    return new Column(c.name(), c.type(), nullable, c.defaultValue(), c.identity(), c.comment(), c.generated(), c.collation());
  }

  static Column withDefault(Column c, DefaultExpr defaultValue) {
    return new Column(c.name(), c.type(), c.nullable(), defaultValue, c.identity(), c.comment(), c.generated(), c.collation());
  }

  static Column withIdentity(Column c, Identity identity) {
    return new Column(c.name(), c.type(), c.nullable(), c.defaultValue(), identity, c.comment(), c.generated(), c.collation());
  }

  static Column withCollation(Column c, String collation) {
    return new Column(c.name(), c.type(), c.nullable(), c.defaultValue(), c.identity(), c.comment(), c.generated(), collation);
  }
}
