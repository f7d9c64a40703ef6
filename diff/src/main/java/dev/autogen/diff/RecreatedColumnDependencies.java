package dev.autogen.diff;

import dev.autogen.model.Catalog;
import dev.autogen.model.CheckConstraint;
import dev.autogen.model.Dialect;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.GenerationChange;
import dev.autogen.model.Index;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.Schema;
import dev.autogen.model.Table;
import dev.autogen.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Indexes and constraints that both sides keep on a column that the migration drops and adds again:
 * a change of a generated column's expression that the server cannot make in place ({@link
 * GenerationChange#RECREATE}, {@link Dialect#generationChange}). PostgreSQL drops the indexes and
 * table constraints that involve a dropped column with it ("ALTER TABLE ... DROP COLUMN"), and refuses
 * the drop while a foreign key of another table references it, so each such object becomes a drop
 * before and an add after the column's change (the ordering of {@link ChangeOrder} puts them there),
 * with its current definition, so that the database ends as the diff found it. Objects the plan drops
 * anyway are left to the plan. The same holds when only the reverse change recreates the column (a
 * generated column made plain by {@code DROP EXPRESSION}, whose undo drops and adds it again): the
 * undo is the plan's reverse, so the pairs are in the plan for both directions.
 */
final class RecreatedColumnDependencies {

  private final Catalog current;
  private final DiffOptions options;

  /**
   * @param current the current catalog after confirmed renames, never null
   * @param target the target catalog (unused: what is re-created is what the current side keeps and
   *     the plan leaves, which is by construction what the target has)
   * @param options the dialect and the server version, never null
   */
  RecreatedColumnDependencies(Catalog current, Catalog target, DiffOptions options) {
    this.current = current;
    this.options = options;
  }

  /**
   * @param changes the changes found so far, never null
   * @return a drop and an add for every index, unique, check, primary key and foreign key the
   *     recreated columns take with them and the plan does not already drop
   */
  List<Change> rebuilds(List<Change> changes) {
    Set<Change> present = new HashSet<>(changes);
    List<Change> rebuilds = new ArrayList<>();
    Dialect dialect = options.dialect();
    for (Change c : changes) {
      if (!(c instanceof Change.AlterColumn a) || !a.changesGeneration()
          || dialect.generationChange(a.from(), a.to(), options.serverVersion()) != GenerationChange.RECREATE
          && dialect.generationChange(a.to(), a.from(), options.serverVersion()) != GenerationChange.RECREATE) {
        continue;
      }
      String column = a.from().name();
      current.table(a.table()).ifPresent(table -> onTable(a.table(), table, column, present, rebuilds));
      for (Schema schema : current.schemas()) {
        for (Table other : schema.tables()) {
          QualifiedName name = new QualifiedName(schema.name(), other.name());
          other.foreignKeys().stream()
              .filter(fk -> fk.referencedTable().equals(a.table()) && fk.referencedColumns().contains(column))
              .forEach(fk -> pair(new Change.DropForeignKey(name, fk), present, rebuilds));
        }
      }
    }
    return rebuilds;
  }

  private void onTable(QualifiedName name, Table table, String column, Set<Change> present, List<Change> rebuilds) {
    for (Index index : table.indexes()) {
      boolean involved = index.include().contains(column)
          || index.keys().stream().map(Index::keyTarget).anyMatch(k -> k.equals(column) || references(k, column))
          || index.predicate() != null && references(index.predicate(), column);
      if (involved) {
        pair(new Change.DropIndex(name, index), present, rebuilds);
      }
    }
    for (UniqueConstraint unique : table.uniques()) {
      if (unique.columns().contains(column)) {
        pair(new Change.DropUnique(name, unique), present, rebuilds);
      }
    }
    for (CheckConstraint check : table.checks()) {
      if (references(check.expression(), column)) {
        pair(new Change.DropCheck(name, check), present, rebuilds);
      }
    }
    if (table.primaryKey() != null && table.primaryKey().columns().contains(column)) {
      pair(new Change.DropPrimaryKey(name, table.primaryKey()), present, rebuilds);
    }
    for (ForeignKey fk : table.foreignKeys()) {
      if (fk.columns().contains(column)) {
        pair(new Change.DropForeignKey(name, fk), present, rebuilds);
      }
    }
  }

  private boolean references(String expression, String column) {
    return options.dialect().references(expression, column);
  }

  /** Adds the drop and its reverse (the same object added again), unless the plan drops it already. */
  private static void pair(Change drop, Set<Change> present, List<Change> rebuilds) {
    if (present.add(drop)) {
      rebuilds.add(drop);
      rebuilds.add(drop.reverse());
    }
  }
}
