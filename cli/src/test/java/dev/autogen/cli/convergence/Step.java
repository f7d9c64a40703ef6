package dev.autogen.cli.convergence;

import static dev.autogen.model.postgres.PostgresIdentifiers.quote;

import dev.autogen.cli.convergence.Draft.TableDraft;
import dev.autogen.model.CheckConstraint;
import dev.autogen.model.Column;
import dev.autogen.model.EnumType;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.Index;
import dev.autogen.model.PrimaryKey;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.ReferentialAction;
import dev.autogen.model.Sequence;
import dev.autogen.model.SqlType;
import dev.autogen.model.UniqueConstraint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One step of building or migrating a schema, as a person would write it. Numbers choose among what
 * exists (modulo its count), so every step applies to every draft, and a step that finds nothing to
 * act on does nothing: lists of steps shrink freely. {@link Validity#repair} runs after each step.
 */
sealed interface Step {

  /** @param draft the schema, changed in place */
  void apply(Draft draft);

  /**
   * @param steps steps in order
   * @return the schema they build from an empty one
   */
  static Draft build(List<Step> steps) {
    Draft draft = new Draft();
    for (Step step : steps) {
      step.apply(draft);
      Validity.repair(draft);
    }
    return draft;
  }

  /** Labels enum types choose from: plain, with a quote, a space, non-ASCII letters. */
  List<String> LABELS = List.of("a", "b", "c", "d", "happy", "it's", "with space", "Ünï", "Z");

  /** {@code CREATE TYPE ... AS ENUM}. */
  record CreateEnum(int name, List<Integer> labels) implements Step {
    @Override
    public void apply(Draft draft) {
      List<String> values = labels.stream().map(i -> LABELS.get(Math.floorMod(i, LABELS.size()))).distinct().toList();
      draft.enums.add(new EnumType(Names.fresh(Names.ENUM.name(name), draft.names()), values));
    }
  }

  /** {@code ALTER TYPE ... ADD VALUE}: a label at a position. */
  record AddEnumLabel(int enumType, int label, int position) implements Step {
    @Override
    public void apply(Draft draft) {
      editEnum(draft, enumType, values -> {
        String value = LABELS.get(Math.floorMod(label, LABELS.size()));
        if (!values.contains(value)) {
          values.add(Math.floorMod(position, values.size() + 1), value);
        }
      });
    }
  }

  /** A label removed (PostgreSQL has no statement for it). */
  record RemoveEnumLabel(int enumType, int label) implements Step {
    @Override
    public void apply(Draft draft) {
      editEnum(draft, enumType, values -> {
        if (!values.isEmpty()) {
          values.remove(Math.floorMod(label, values.size()));
        }
      });
    }
  }

  /** Labels reordered: the label at one position moved to the front. */
  record ReorderEnum(int enumType, int label) implements Step {
    @Override
    public void apply(Draft draft) {
      editEnum(draft, enumType, values -> {
        if (!values.isEmpty()) {
          values.add(0, values.remove(Math.floorMod(label, values.size())));
        }
      });
    }
  }

  /** {@code DROP TYPE}: columns of the type become {@code text}. */
  record DropEnum(int enumType) implements Step {
    @Override
    public void apply(Draft draft) {
      draft.enumType(enumType).ifPresent(draft.enums::remove);
    }
  }

  private static void editEnum(Draft draft, int choice, java.util.function.Consumer<List<String>> edit) {
    draft.enumType(choice).ifPresent(e -> {
      List<String> values = new ArrayList<>(e.values());
      edit.accept(values);
      draft.enums.set(draft.enums.indexOf(e), new EnumType(e.name(), values));
    });
  }

  /** {@code CREATE SEQUENCE}. */
  record CreateSequence(int name, int start, int increment) implements Step {
    @Override
    public void apply(Draft draft) {
      draft.sequences.add(new Sequence(Names.fresh(Names.SEQUENCE.name(name), draft.names()), 1 + start, 1 + increment));
    }
  }

  /** {@code ALTER SEQUENCE ... INCREMENT BY ... START WITH ...}. */
  record AlterSequence(int sequence, int start, int increment) implements Step {
    @Override
    public void apply(Draft draft) {
      if (!draft.sequences.isEmpty()) {
        int i = Math.floorMod(sequence, draft.sequences.size());
        draft.sequences.set(i, new Sequence(draft.sequences.get(i).name(), 1 + start, 1 + increment));
      }
    }
  }

  /** {@code DROP SEQUENCE}: defaults calling it go. */
  record DropSequence(int sequence) implements Step {
    @Override
    public void apply(Draft draft) {
      if (!draft.sequences.isEmpty()) {
        draft.sequences.remove(Math.floorMod(sequence, draft.sequences.size()));
      }
    }
  }

  /** {@code CREATE TABLE} with columns and a primary key on the first {@code keyColumns} columns. */
  record CreateTable(int name, List<ColumnSpec> columns, int keyColumns) implements Step {
    @Override
    public void apply(Draft draft) {
      TableDraft table = new TableDraft(Names.fresh(Names.TABLE.name(name), draft.names()));
      draft.tables.add(table);
      columns.forEach(c -> table.columns.add(c.build(draft, table)));
      int size = Math.min(keyColumns, table.columns.size());
      if (size > 0) {
        table.primaryKey = new PrimaryKey(null, table.columns.subList(0, size).stream().map(Column::name).toList());
      }
    }
  }

  /** {@code DROP TABLE}: foreign keys referencing it go. */
  record DropTable(int table) implements Step {
    @Override
    public void apply(Draft draft) {
      draft.table(table).ifPresent(draft.tables::remove);
    }
  }

  /** {@code ALTER TABLE ... ADD COLUMN}. */
  record AddColumn(int table, ColumnSpec column) implements Step {
    @Override
    public void apply(Draft draft) {
      draft.table(table).ifPresent(t -> t.columns.add(column.build(draft, t)));
    }
  }

  /** {@code ALTER TABLE ... DROP COLUMN}: keys, checks and indexes on it go. */
  record DropColumn(int table, int column) implements Step {
    @Override
    public void apply(Draft draft) {
      draft.table(table).flatMap(t -> t.column(column)).ifPresent(c -> draft.table(table).get().columns.remove(c));
    }
  }

  /**
   * {@code ALTER COLUMN ... TYPE} within the column's family ({@link ColumnType#related}); a text
   * column may become one of the schema's enum types. Columns tied to it by foreign keys change
   * with it, so that both sides of every key keep one type.
   */
  record ChangeType(int table, int column, int choice) implements Step {
    @Override
    public void apply(Draft draft) {
      draft.table(table).ifPresent(t -> t.column(column).ifPresent(c -> {
        List<ColumnRef> group = linked(draft, new ColumnRef(t.name, c.name()));
        boolean integralOnly = group.stream().map(r -> r.column(draft))
            .anyMatch(g -> g.identity() != null || g.defaultValue() instanceof dev.autogen.model.DefaultExpr.NextValue);
        SqlType to = ColumnType.related(c.type(), integralOnly, choice);
        boolean textFamily = ColumnType.of(c.type()).map(ct -> ct.family == ColumnType.Family.TEXT).orElse(false);
        if (textFamily && Math.floorMod(choice, 7) == 6 && !draft.enums.isEmpty() && group.size() == 1) {
          to = ColumnType.enumType(draft.enumType(choice).get().name(), false);
        }
        SqlType type = to;
        group.forEach(r -> draft.table(r.table()).get().replace(r.column(), g -> Draft.withType(g, type)));
      }));
    }

    private record ColumnRef(String table, String column) {
      Column column(Draft draft) {
        return draft.table(table).flatMap(t -> t.column(column)).orElseThrow();
      }
    }

    /** @return the column and every column a chain of foreign keys ties to it, in discovery order */
    private static List<ColumnRef> linked(Draft draft, ColumnRef start) {
      Set<ColumnRef> seen = new LinkedHashSet<>(List.of(start));
      Deque<ColumnRef> todo = new ArrayDeque<>(List.of(start));
      while (!todo.isEmpty()) {
        ColumnRef at = todo.pop();
        for (TableDraft t : draft.tables) {
          for (ForeignKey fk : t.foreignKeys) {
            for (int i = 0; i < fk.columns().size(); i++) {
              ColumnRef from = new ColumnRef(t.name, fk.columns().get(i));
              ColumnRef to = new ColumnRef(fk.referencedTable().name(), fk.referencedColumns().get(i));
              if (from.equals(at) && seen.add(to)) {
                todo.add(to);
              } else if (to.equals(at) && seen.add(from)) {
                todo.add(from);
              }
            }
          }
        }
      }
      return List.copyOf(seen);
    }
  }

  /** {@code SET NOT NULL} / {@code DROP NOT NULL}. */
  record ToggleNullable(int table, int column) implements Step {
    @Override
    public void apply(Draft draft) {
      draft.table(table).ifPresent(t -> t.column(column).ifPresent(
          c -> t.replace(c.name(), g -> Draft.withNullable(g, !g.nullable()))));
    }
  }

  /** {@code ALTER COLUMN ... TYPE ... COLLATE}: a text column gets or loses the collation {@code "C"}. */
  record ToggleCollation(int table, int column) implements Step {
    @Override
    public void apply(Draft draft) {
      draft.table(table).ifPresent(t -> t.column(column).ifPresent(c -> t.replace(c.name(),
          g -> Draft.withCollation(g, g.collation() == null ? Validity.COLLATION : null))));
    }
  }

  /** {@code SET DEFAULT} / {@code DROP DEFAULT} (choice 0), or a change of identity or sequence. */
  record ChangeGeneration(int table, int column, ColumnSpec.Generation generation, int choice) implements Step {
    @Override
    public void apply(Draft draft) {
      draft.table(table).ifPresent(t -> t.column(column).ifPresent(
          c -> t.replace(c.name(), g -> ColumnSpec.generated(draft, t.name, g, generation, choice))));
    }
  }

  /** {@code DROP CONSTRAINT ..._pkey}, then a primary key on other columns unless none are chosen. */
  record ReplacePrimaryKey(int table, List<Integer> columns, boolean named) implements Step {
    @Override
    public void apply(Draft draft) {
      draft.table(table).ifPresent(t -> {
        List<String> key = columnNames(t, columns);
        t.primaryKey = key.isEmpty() ? null : new PrimaryKey(named ? constraintName(draft, 0) : null, key);
      });
    }
  }

  /** {@code ADD CONSTRAINT ... UNIQUE}. */
  record AddUnique(int table, List<Integer> columns, boolean named) implements Step {
    @Override
    public void apply(Draft draft) {
      draft.table(table).ifPresent(t -> {
        List<String> key = columnNames(t, columns);
        if (!key.isEmpty()) {
          t.uniques.add(new UniqueConstraint(named ? constraintName(draft, 1) : null, key));
        }
      });
    }
  }

  /**
   * {@code ADD CONSTRAINT ... FOREIGN KEY}, with new columns of the referenced key's types: to any
   * table with a primary key or unique constraint, itself included, so cycles and self references
   * occur.
   */
  record AddForeignKey(int table, int referenced, int key, ReferentialAction onDelete, ReferentialAction onUpdate,
      boolean named) implements Step {
    @Override
    public void apply(Draft draft) {
      Optional<TableDraft> from = draft.table(table);
      Optional<TableDraft> to = draft.table(referenced);
      if (from.isEmpty() || to.isEmpty() || to.get().keys().isEmpty()) {
        return;
      }
      List<List<String>> keys = to.get().keys();
      List<String> referencedColumns = keys.get(Math.floorMod(key, keys.size()));
      List<String> columns = new ArrayList<>();
      for (String k : referencedColumns) {
        SqlType type = to.get().column(k).orElseThrow().type();
        String name = Names.fresh("ref " + k, from.get().columnNames());
        from.get().columns.add(new Column(name, type, true, null, null, null));
        columns.add(name);
      }
      from.get().foreignKeys.add(new ForeignKey(named ? constraintName(draft, 2) : null, columns,
          new QualifiedName(Draft.SCHEMA, to.get().name), referencedColumns, onDelete, onUpdate));
    }
  }

  /** {@code ADD CONSTRAINT ... CHECK} on one column, an expression its type family allows. */
  record AddCheck(int table, int column, int expression, boolean named) implements Step {
    @Override
    public void apply(Draft draft) {
      draft.table(table).ifPresent(t -> t.column(column).ifPresent(c -> ColumnType.of(c.type()).ifPresent(type -> {
        List<String> checks = type.checks(quote(c.name()));
        if (!checks.isEmpty()) {
          t.checks.add(new CheckConstraint(named ? constraintName(draft, 3) : null,
              checks.get(Math.floorMod(expression, checks.size()))));
        }
      })));
    }
  }

  /**
   * How one index key is written: plain, {@code desc}, {@code (lower(c))}, {@code nulls first}, {@code
   * desc nulls last}, {@code collate "C"}, {@code text_pattern_ops}. A style the column's type does not
   * allow falls back to plain.
   */
  enum KeyStyle { PLAIN, DESC, LOWER, NULLS_FIRST, DESC_NULLS_LAST, COLLATE, PATTERN_OPS }

  /**
   * @param column which column
   * @param style how the key is written; {@code LOWER} falls back to plain on a non-text column
   */
  record KeyPart(int column, KeyStyle style) {}

  /** Index access methods: btree with any keys, the others on one plain key of a type they fit. */
  enum Method { BTREE, HASH, GIN, BRIN }

  /**
   * {@code CREATE [UNIQUE] INDEX ... [USING method] (keys) [WHERE predicate]}. A method that does
   * not fit the first key's type falls back to btree.
   */
  record AddIndex(int table, List<KeyPart> keys, Method method, boolean unique, int predicate, boolean named,
      List<Integer> include) implements Step {
    @Override
    public void apply(Draft draft) {
      draft.table(table).ifPresent(t -> {
        List<String> written = new ArrayList<>();
        for (KeyPart part : keys) {
          t.column(part.column()).ifPresent(c -> written.add(key(c, part.style())));
        }
        List<String> distinct = written.stream().distinct().toList();
        if (distinct.isEmpty()) {
          return;
        }
        String name = named ? Names.fresh(Names.INDEX.name(t.indexes.size()), draft.names()) : null;
        Column first = t.column(firstColumn(t, distinct.get(0))).orElseThrow();
        String where = predicate == 0 ? null
            : Validity.predicates(first).get(Math.floorMod(predicate - 1, Validity.predicates(first).size()));
        Optional<ColumnType> type = ColumnType.of(first.type());
        boolean fits = type.isPresent() && switch (method) {
          case BTREE -> false;
          case HASH -> type.get().hashable();
          case GIN -> type.get().ginnable();
          case BRIN -> type.get().brinnable();
        };
        if (fits) {
          t.indexes.add(new Index(name, List.of(first.name()), false, where, method.name().toLowerCase()));
        } else {
          List<String> keyColumns = distinct.stream().map(k -> firstColumn(t, k)).toList();
          List<String> included = columnNames(t, include).stream().filter(c -> !keyColumns.contains(c)).toList();
          t.indexes.add(new Index(name, distinct, unique, where, null, included));
        }
      });
    }

    private static String key(Column c, KeyStyle style) {
      Optional<ColumnType> type = ColumnType.of(c.type());
      boolean text = type.map(t -> t.family == ColumnType.Family.TEXT).orElse(false);
      boolean patterns = type.equals(Optional.of(ColumnType.TEXT)) || type.equals(Optional.of(ColumnType.VARCHAR));
      return switch (style) {
        case PLAIN -> c.name();
        case DESC -> c.name() + " desc";
        case LOWER -> text ? Validity.lower(c.name()) : c.name();
        case NULLS_FIRST -> c.name() + " nulls first";
        case DESC_NULLS_LAST -> c.name() + " desc nulls last";
        case COLLATE -> text ? c.name() + Validity.COLLATE_C : c.name();
        case PATTERN_OPS -> patterns ? c.name() + Validity.TEXT_PATTERN_OPS : c.name();
      };
    }

    private static String firstColumn(TableDraft t, String key) {
      return Validity.keyColumn(t, key).orElseThrow().name();
    }
  }

  /** What {@link DropConstraint} drops. */
  enum ConstraintKind { FOREIGN_KEY, UNIQUE, CHECK, INDEX }

  /** {@code DROP CONSTRAINT} or {@code DROP INDEX}. */
  record DropConstraint(int table, ConstraintKind kind, int which) implements Step {
    @Override
    public void apply(Draft draft) {
      draft.table(table).ifPresent(t -> {
        List<?> list = switch (kind) {
          case FOREIGN_KEY -> t.foreignKeys;
          case UNIQUE -> t.uniques;
          case CHECK -> t.checks;
          case INDEX -> t.indexes;
        };
        if (!list.isEmpty()) {
          list.remove(Math.floorMod(which, list.size()));
        }
      });
    }
  }

  private static List<String> columnNames(TableDraft t, List<Integer> choices) {
    return choices.stream().map(t::column).flatMap(Optional::stream).map(Column::name).distinct().toList();
  }

  /** @return a constraint name not in use, from a number; {@code salt} separates kinds of constraint */
  private static String constraintName(Draft draft, int salt) {
    return Names.fresh(Names.CONSTRAINT.name(draft.names().size() * 4 + salt), draft.names());
  }
}
