package dev.autogen.diff;

import dev.autogen.model.CheckConstraint;
import dev.autogen.model.Column;
import dev.autogen.model.EnumType;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.Index;
import dev.autogen.model.PrimaryKey;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.Sequence;
import dev.autogen.model.Table;
import dev.autogen.model.UniqueConstraint;
import dev.autogen.model.View;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One step of a migration. Each change carries both sides it needs, so that its {@link #reverse()}
 * and its risk are computed without a database.
 */
public sealed interface Change {

  /** @return the object the change is on: the table, or the sequence or enum type; never null */
  QualifiedName subject();

  /** @return the column the change is on, or null when it is not a column change */
  default String column() {
    return null;
  }

  /** @return the change that undoes this one, never null */
  Change reverse();

  /**
   * @return the snake_case name of the change type, e.g. {@code add_column}: the {@code kind} of the
   *     JSON report (DESIGN.md, CLI contract)
   */
  default String kind() {
    return getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  /**
   * @param schema schema of the new table
   * @param table the table, created without foreign keys
   */
  record CreateTable(String schema, Table table) implements Change {
    /**
     * Keeps the table without its foreign keys: they are separate {@link AddForeignKey} changes, added
     * after every table exists.
     *
     * @throws NullPointerException when an argument is null
     */
    public CreateTable {
      Objects.requireNonNull(schema);
      table = table.withoutForeignKeys();
    }

    @Override
    public QualifiedName subject() {
      return new QualifiedName(schema, table.name());
    }

    @Override
    public Change reverse() {
      return new DropTable(schema, table);
    }
  }

  /**
   * @param schema schema of the dropped table
   * @param table the table as it was, foreign keys dropped before
   */
  record DropTable(String schema, Table table) implements Change {
    /**
     * Keeps the table without its foreign keys: they are separate {@link DropForeignKey} changes, run
     * before the table is dropped.
     *
     * @throws NullPointerException when an argument is null
     */
    public DropTable {
      Objects.requireNonNull(schema);
      table = table.withoutForeignKeys();
    }

    @Override
    public QualifiedName subject() {
      return new QualifiedName(schema, table.name());
    }

    @Override
    public Change reverse() {
      return new CreateTable(schema, table);
    }
  }

  /**
   * @param from the table's current name
   * @param to its new name, same schema
   */
  record RenameTable(QualifiedName from, String to) implements Change {
    @Override
    public QualifiedName subject() {
      return from;
    }

    @Override
    public Change reverse() {
      return new RenameTable(new QualifiedName(from.schema(), to), from.name());
    }
  }

  /**
   * @param table the existing table
   * @param added the new column
   */
  record AddColumn(QualifiedName table, Column added) implements Change {
    @Override
    public QualifiedName subject() {
      return table;
    }

    @Override
    public String column() {
      return added.name();
    }

    @Override
    public Change reverse() {
      return new DropColumn(table, added);
    }
  }

  /**
   * @param table the table
   * @param dropped the column as it was
   */
  record DropColumn(QualifiedName table, Column dropped) implements Change {
    @Override
    public QualifiedName subject() {
      return table;
    }

    @Override
    public String column() {
      return dropped.name();
    }

    @Override
    public Change reverse() {
      return new AddColumn(table, dropped);
    }
  }

  /**
   * What an {@link AlterColumn} changes. {@code GENERATED}: the column became, stopped being, or
   * changed its expression as a stored generated column; {@code COLLATION}: its collation.
   */
  enum Aspect { TYPE, NULLABILITY, DEFAULT, IDENTITY, COMMENT, GENERATED, COLLATION }

  /**
   * @param table the table
   * @param from the column as it is
   * @param to the column as it should be (same name)
   * @param aspects what differs, never empty
   */
  record AlterColumn(QualifiedName table, Column from, Column to, Set<Aspect> aspects) implements Change {
    /** @throws NullPointerException when aspects is null */
    public AlterColumn {
      aspects = Set.copyOf(aspects);
    }

    @Override
    public QualifiedName subject() {
      return table;
    }

    @Override
    public String column() {
      return to.name();
    }

    @Override
    public Change reverse() {
      return new AlterColumn(table, to, from, aspects);
    }

    /**
     * @return whether the column's stored generation expression changes: {@link Aspect#GENERATED}
     *     among the aspects and at least one side a generated column (an aspect set naming it for two
     *     plain columns changes nothing about generation)
     */
    public boolean changesGeneration() {
      return aspects.contains(Aspect.GENERATED) && (from.generated() != null || to.generated() != null);
    }
  }

  /**
   * @param table the table
   * @param from the current column name
   * @param to the new name
   */
  record RenameColumn(QualifiedName table, String from, String to) implements Change {
    @Override
    public QualifiedName subject() {
      return table;
    }

    @Override
    public String column() {
      return to;
    }

    @Override
    public Change reverse() {
      return new RenameColumn(table, to, from);
    }
  }

  /**
   * @param table the table
   * @param key the key to add
   */
  record AddPrimaryKey(QualifiedName table, PrimaryKey key) implements Change {
    @Override
    public QualifiedName subject() {
      return table;
    }

    @Override
    public Change reverse() {
      return new DropPrimaryKey(table, key);
    }
  }

  /**
   * @param table the table
   * @param key the key as it is
   */
  record DropPrimaryKey(QualifiedName table, PrimaryKey key) implements Change {
    @Override
    public QualifiedName subject() {
      return table;
    }

    @Override
    public Change reverse() {
      return new AddPrimaryKey(table, key);
    }
  }

  /**
   * @param table the referencing table
   * @param key the key to add
   */
  record AddForeignKey(QualifiedName table, ForeignKey key) implements Change {
    @Override
    public QualifiedName subject() {
      return table;
    }

    @Override
    public Change reverse() {
      return new DropForeignKey(table, key);
    }
  }

  /**
   * @param table the referencing table
   * @param key the key as it is
   */
  record DropForeignKey(QualifiedName table, ForeignKey key) implements Change {
    @Override
    public QualifiedName subject() {
      return table;
    }

    @Override
    public Change reverse() {
      return new AddForeignKey(table, key);
    }
  }

  /**
   * @param table the table
   * @param unique the constraint to add
   */
  record AddUnique(QualifiedName table, UniqueConstraint unique) implements Change {
    @Override
    public QualifiedName subject() {
      return table;
    }

    @Override
    public Change reverse() {
      return new DropUnique(table, unique);
    }
  }

  /**
   * @param table the table
   * @param unique the constraint as it is
   */
  record DropUnique(QualifiedName table, UniqueConstraint unique) implements Change {
    @Override
    public QualifiedName subject() {
      return table;
    }

    @Override
    public Change reverse() {
      return new AddUnique(table, unique);
    }
  }

  /**
   * @param table the table
   * @param check the constraint to add
   */
  record AddCheck(QualifiedName table, CheckConstraint check) implements Change {
    @Override
    public QualifiedName subject() {
      return table;
    }

    @Override
    public Change reverse() {
      return new DropCheck(table, check);
    }
  }

  /**
   * @param table the table
   * @param check the constraint as it is
   */
  record DropCheck(QualifiedName table, CheckConstraint check) implements Change {
    @Override
    public QualifiedName subject() {
      return table;
    }

    @Override
    public Change reverse() {
      return new AddCheck(table, check);
    }
  }

  /**
   * @param table the table
   * @param index the index to build
   */
  record CreateIndex(QualifiedName table, Index index) implements Change {
    @Override
    public QualifiedName subject() {
      return table;
    }

    @Override
    public Change reverse() {
      return new DropIndex(table, index);
    }
  }

  /**
   * @param table the table
   * @param index the index as it is
   */
  record DropIndex(QualifiedName table, Index index) implements Change {
    @Override
    public QualifiedName subject() {
      return table;
    }

    @Override
    public Change reverse() {
      return new CreateIndex(table, index);
    }
  }

  /**
   * @param schema the schema
   * @param sequence the sequence to create
   */
  record CreateSequence(String schema, Sequence sequence) implements Change {
    @Override
    public QualifiedName subject() {
      return new QualifiedName(schema, sequence.name());
    }

    @Override
    public Change reverse() {
      return new DropSequence(schema, sequence);
    }
  }

  /**
   * @param schema the schema
   * @param from the sequence as it is
   * @param to as it should be
   */
  record AlterSequence(String schema, Sequence from, Sequence to) implements Change {
    @Override
    public QualifiedName subject() {
      return new QualifiedName(schema, to.name());
    }

    @Override
    public Change reverse() {
      return new AlterSequence(schema, to, from);
    }
  }

  /**
   * @param schema the schema
   * @param sequence the sequence as it is
   */
  record DropSequence(String schema, Sequence sequence) implements Change {
    @Override
    public QualifiedName subject() {
      return new QualifiedName(schema, sequence.name());
    }

    @Override
    public Change reverse() {
      return new CreateSequence(schema, sequence);
    }
  }

  /**
   * @param schema the schema
   * @param type the enum type to create
   */
  record CreateEnum(String schema, EnumType type) implements Change {
    @Override
    public QualifiedName subject() {
      return new QualifiedName(schema, type.name());
    }

    @Override
    public Change reverse() {
      return new DropEnum(schema, type);
    }
  }

  /**
   * @param schema the schema
   * @param from the type as it is
   * @param to the type with its new values
   */
  record AlterEnum(String schema, EnumType from, EnumType to) implements Change {
    @Override
    public QualifiedName subject() {
      return new QualifiedName(schema, to.name());
    }

    @Override
    public Change reverse() {
      return new AlterEnum(schema, to, from);
    }

    /**
     * @return whether {@code to} is {@code from} with labels inserted and the existing labels kept in
     *     their order (true when both are equal): what {@code ALTER TYPE ... ADD VALUE} alone can do
     *     (PostgreSQL "ALTER TYPE": labels cannot be removed or reordered)
     */
    public boolean onlyAddsValues() {
      return to.values().stream().filter(from.values()::contains).toList().equals(from.values());
    }

    /** @return the labels {@code to} has and {@code from} has not, in {@code to}'s order */
    public java.util.List<String> addedValues() {
      return to.values().stream().filter(v -> !from.values().contains(v)).toList();
    }
  }

  /**
   * @param schema the schema
   * @param type the enum type as it is
   */
  record DropEnum(String schema, EnumType type) implements Change {
    @Override
    public QualifiedName subject() {
      return new QualifiedName(schema, type.name());
    }

    @Override
    public Change reverse() {
      return new CreateEnum(schema, type);
    }
  }

  /**
   * @param table the table
   * @param from the comment as it is (null: none)
   * @param to the new one (null: none)
   */
  record AlterTableComment(QualifiedName table, String from, String to) implements Change {
    @Override
    public QualifiedName subject() {
      return table;
    }

    @Override
    public Change reverse() {
      return new AlterTableComment(table, to, from);
    }
  }

  /**
   * Drops a view or materialized view that a change of the plan cannot run under (PostgreSQL refuses
   * to change the type of, or drop, a column a view reads), so that a {@link CreateView} re-creates it
   * after the change ({@code --recreate-dependent-views}).
   *
   * @param schema the view's schema, never null
   * @param view the view as the catalog describes it, never null
   */
  record DropView(String schema, View view) implements Change {
    /** @throws NullPointerException when an argument is null */
    public DropView {
      Objects.requireNonNull(schema, "schema");
      Objects.requireNonNull(view, "view");
    }

    @Override
    public QualifiedName subject() {
      return new QualifiedName(schema, view.name());
    }

    @Override
    public Change reverse() {
      return new CreateView(schema, view);
    }
  }

  /**
   * Creates a view or materialized view again from its catalog definition, with its options, comment
   * and (materialized) indexes: the other half of a {@link DropView}.
   *
   * @param schema the view's schema, never null
   * @param view the view as the catalog describes it, its definition known; never null
   */
  record CreateView(String schema, View view) implements Change {
    /** @throws NullPointerException when an argument is null */
    public CreateView {
      Objects.requireNonNull(schema, "schema");
      Objects.requireNonNull(view, "view");
    }

    @Override
    public QualifiedName subject() {
      return new QualifiedName(schema, view.name());
    }

    @Override
    public Change reverse() {
      return new DropView(schema, view);
    }
  }
}
