package dev.autogen.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table with everything that hangs off it.
 *
 * @param name the table name, never null
 * @param columns the columns in catalog order (order is never compared), never null
 * @param primaryKey the primary key, or null when the table has none
 * @param foreignKeys the foreign keys, never null
 * @param uniques the unique constraints, never null
 * @param checks the check constraints, never null
 * @param indexes the indexes that do not merely back the primary key or a unique constraint
 * @param comment the table comment, or null
 * @param triggers the user-defined triggers, which entities never describe, never null
 */
public record Table(
    String name,
    List<Column> columns,
    PrimaryKey primaryKey,
    List<ForeignKey> foreignKeys,
    List<UniqueConstraint> uniques,
    List<CheckConstraint> checks,
    List<Index> indexes,
    String comment,
    List<Trigger> triggers) implements java.io.Serializable {

  /** @throws NullPointerException when name or a list is null */
  public Table {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    foreignKeys = List.copyOf(foreignKeys);
    uniques = List.copyOf(uniques);
    checks = List.copyOf(checks);
    indexes = List.copyOf(indexes);
    triggers = List.copyOf(triggers);
  }

  /**
   * A table without triggers.
   *
   * @param name the table name, never null
   * @param columns the columns, never null
   * @param primaryKey the primary key, or null
   * @param foreignKeys the foreign keys, never null
   * @param uniques the unique constraints, never null
   * @param checks the check constraints, never null
   * @param indexes the indexes, never null
   * @param comment the table comment, or null
   * @throws NullPointerException when name or a list is null
   */
  public Table(String name, List<Column> columns, PrimaryKey primaryKey, List<ForeignKey> foreignKeys,
      List<UniqueConstraint> uniques, List<CheckConstraint> checks, List<Index> indexes, String comment) {
    this(name, columns, primaryKey, foreignKeys, uniques, checks, indexes, comment, List.of());
  }

  /**
   * A plain loop rather than a stream: the diff asks this for every column of every table, and at
   * 10,000 tables the stream's machinery was over a third of the diff's time (JFR, C1 as the launcher
   * runs it).
   *
   * @param columnName exact column name
   * @return the column of that name, or empty
   */
  public Optional<Column> column(String columnName) {
    for (Column c : columns) {
      if (c.name().equals(columnName)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * @param newName the name of the copy
   * @return this table under another name, everything else the same
   */
  public Table withName(String newName) {
    return new Table(newName, columns, primaryKey, foreignKeys, uniques, checks, indexes, comment, triggers);
  }

  /**
   * @return this table without foreign keys, as created before its foreign keys are added
   */
  public Table withoutForeignKeys() {
    return new Table(name, columns, primaryKey, List.of(), uniques, checks, indexes, comment, triggers);
  }
}
