package dev.autogen.diff;

import dev.autogen.model.Catalog;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.Schema;
import dev.autogen.model.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Foreign keys that both sides have, but that must be dropped and added again around other changes:
 * PostgreSQL refuses to drop a primary key or unique constraint that a foreign key depends on ("cannot
 * drop constraint ... because other objects depend on it"), and a type change of a referencing or
 * referenced column can leave the two sides of a key incompatible while the migration runs. A change
 * of collation is a type change too ({@code ALTER COLUMN ... TYPE ... COLLATE}), and PostgreSQL 15
 * fails to re-check a foreign key with an array column when another of its columns changes type that
 * way ("could not find cast from 1007 to 2277": {@code foreign key (int_array, name)}, then {@code
 * alter column name type text}), so the key is dropped and added again around it.
 */
final class ForeignKeyDependencies {

  private record ColumnRef(QualifiedName table, String column) {}

  private record KeyRef(QualifiedName table, Set<String> columns) {}

  private final Catalog current;
  private final Catalog target;
  /** Target tables by name, built on first use: looked up once per disturbed foreign key. */
  private java.util.Map<QualifiedName, Table> targetTables;

  /**
   * @param current the current catalog after confirmed renames
   * @param target the target catalog
   */
  ForeignKeyDependencies(Catalog current, Catalog target) {
    this.current = current;
    this.target = target;
  }

  /**
   * @param changes the changes found so far
   * @return a drop and an add for every kept foreign key that one of the changes disturbs
   */
  List<Change> rebuilds(List<Change> changes) {
    Set<ColumnRef> retyped = new HashSet<>();
    Set<KeyRef> droppedKeys = new HashSet<>();
    Set<Change> present = new HashSet<>(changes);
    for (Change c : changes) {
      if (c instanceof Change.AlterColumn a
          && (a.aspects().contains(Change.Aspect.TYPE) || a.aspects().contains(Change.Aspect.COLLATION))) {
        retyped.add(new ColumnRef(a.table(), a.from().name()));
      } else if (c instanceof Change.DropPrimaryKey d) {
        droppedKeys.add(new KeyRef(d.table(), Set.copyOf(d.key().columns())));
      } else if (c instanceof Change.DropUnique d) {
        droppedKeys.add(new KeyRef(d.table(), Set.copyOf(d.unique().columns())));
      } else if (c instanceof Change.DropIndex d && d.index().unique()) {
        droppedKeys.add(new KeyRef(d.table(), Set.copyOf(d.index().keys())));
      }
    }
    List<Change> rebuilds = new ArrayList<>();
    if (retyped.isEmpty() && droppedKeys.isEmpty()) {
      return rebuilds;
    }
    for (Schema schema : current.schemas()) {
      for (Table table : schema.tables()) {
        QualifiedName name = new QualifiedName(schema.name(), table.name());
        for (ForeignKey fk : table.foreignKeys()) {
          // the cheap test first: whether the plan already drops the key hashes the whole change
          boolean disturbed = droppedKeys.contains(new KeyRef(fk.referencedTable(), Set.copyOf(fk.referencedColumns())))
              || fk.columns().stream().anyMatch(c -> retyped.contains(new ColumnRef(name, c)))
              || fk.referencedColumns().stream().anyMatch(c -> retyped.contains(new ColumnRef(fk.referencedTable(), c)));
          if (disturbed && !present.contains(new Change.DropForeignKey(name, fk))) {
            kept(name, fk).ifPresent(targetKey -> {
              rebuilds.add(new Change.DropForeignKey(name, fk));
              rebuilds.add(new Change.AddForeignKey(name, targetKey));
            });
          }
        }
      }
    }
    return rebuilds;
  }

  private Optional<ForeignKey> kept(QualifiedName table, ForeignKey fk) {
    if (targetTables == null) {
      targetTables = new java.util.HashMap<>();
      for (Schema schema : target.schemas()) {
        schema.tables().forEach(t -> targetTables.put(new QualifiedName(schema.name(), t.name()), t));
      }
    }
    return Optional.ofNullable(targetTables.get(table)).stream()
        .flatMap(t -> t.foreignKeys().stream())
        .filter(t -> t.structure().equals(fk.structure()))
        .findFirst();
  }
}
