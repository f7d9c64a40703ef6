package dev.autogen.diff;

import dev.autogen.diff.Change.AddPrimaryKey;
import dev.autogen.diff.Change.DropPrimaryKey;
import dev.autogen.model.Index;
import dev.autogen.model.PrimaryKey;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.Table;
import dev.autogen.model.UniqueConstraint;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The key rules: what a table's primary key on each side means, so that the same uniqueness spelled
 * as a primary key on one side and as a unique constraint on the other is no change (Hibernate's
 * majors spell some keys differently: for a unidirectional {@code @OneToMany} join table 6.6 writes
 * {@code primary key (owner_id, element_id)} plus {@code unique (element_id)} where 7.x writes {@code
 * primary key (element_id)}; for a {@code Set} element collection 7.x writes {@code unique (owner_id,
 * value)} where a hand-written schema often has {@code primary key (owner_id, value)}).
 *
 * <p>A database primary key on other columns than the target's (or where the target has none) is
 * <em>kept</em>, as an unmanaged object of kind {@link UnmanagedKind#PRIMARY_KEYS}, when all of these
 * hold:
 *
 * <ul>
 *   <li>none of its columns is dropped (PostgreSQL drops the key with the column anyway);
 *   <li>the options do not drop {@link UnmanagedKind#PRIMARY_KEYS};
 *   <li>the target's primary key, if any, is still enforced while the database's key stays: by a
 *       unique constraint or plain unique index of the database on exactly its columns, or because the
 *       database's key is on a strict subset of its columns (uniqueness of fewer columns implies the
 *       uniqueness of more; the NOT NULL of each target key column is the column comparison's business).
 * </ul>
 *
 * A kept key enforces a unique constraint on exactly its columns (so it satisfies the target's unique
 * constraint on those columns: no drop-primary-key plus add-unique), and its columns stay NOT NULL
 * whatever the target says (PostgreSQL refuses {@code DROP NOT NULL} on a primary key column, ALTER
 * TABLE docs). A database key on a strict <em>superset</em> of a target unique's columns never satisfies
 * it: {@code primary key (owner_id, element_id)} lets one element belong to two owners, {@code unique
 * (element_id)} does not. Otherwise (the target's key would not be enforced, or the key is dropped by
 * policy or with a column) the database's key is dropped and the target's, if any, added.
 *
 * @param changes the key changes to make (drop and/or add), never null
 * @param kept the database's primary key when it is kept although it differs from the target's, else null
 * @param satisfiedTargetKey the target's primary key when a kept database key leaves it to a unique
 *     constraint or index of the database on exactly its columns, else null
 */
record PrimaryKeyComparison(List<Change> changes, PrimaryKey kept, PrimaryKey satisfiedTargetKey) {

  /**
   * @param name the table's qualified name
   * @param current the table as it is, never null
   * @param target the table as it should be, never null
   * @param dropped the columns the plan drops from the table, never null
   * @param dropsUnmanaged whether the options drop {@link UnmanagedKind#PRIMARY_KEYS}
   * @return what becomes of the two primary keys
   */
  static PrimaryKeyComparison of(QualifiedName name, Table current, Table target, Set<String> dropped,
      boolean dropsUnmanaged) {
    PrimaryKey c = current.primaryKey();
    PrimaryKey t = target.primaryKey();
    if (c == null) {
      return new PrimaryKeyComparison(t == null ? List.of() : List.of(new AddPrimaryKey(name, t)), null, null);
    }
    if (t != null && sameColumns(c.columns(), t.columns())) {
      return new PrimaryKeyComparison(List.of(), null, null);
    }
    boolean byUnique = t != null && uniqueOn(current, t.columns());
    boolean enforced = t == null || byUnique || strictSubset(c.columns(), t.columns());
    if (enforced && !dropsUnmanaged && c.columns().stream().noneMatch(dropped::contains)) {
      return new PrimaryKeyComparison(List.of(), c, byUnique ? t : null);
    }
    return new PrimaryKeyComparison(t == null ? List.of(new DropPrimaryKey(name, c))
        : List.of(new DropPrimaryKey(name, c), new AddPrimaryKey(name, t)), null, null);
  }

  /** @return the columns of the kept database key (which stay NOT NULL), empty when none is kept */
  Set<String> keptColumns() {
    return kept == null ? Set.of() : Set.copyOf(kept.columns());
  }

  /**
   * @param table the table's qualified name
   * @param target the table as it should be
   * @return the kept database key as an unmanaged object, saying what it stands for; null when none is kept
   */
  UnmanagedObject unmanaged(QualifiedName table, Table target) {
    if (kept == null) {
      return null;
    }
    String definition = "primary key (" + String.join(", ", kept.columns()) + ")"
        + (target.primaryKey() == null ? " (the entities declare none)"
            : " (the entities declare primary key (" + String.join(", ", target.primaryKey().columns()) + "))");
    return new UnmanagedObject(UnmanagedKind.PRIMARY_KEYS, table.schema(), table.name(), kept.name(), definition);
  }

  /** @return the kept database key as the unique constraint it enforces, or null when none is kept */
  UniqueConstraint keptAsUnique() {
    return kept == null ? null : new UniqueConstraint(kept.name(), kept.columns());
  }

  /** @return the target key a database unique stands for, as a unique constraint to match, or null */
  UniqueConstraint targetKeyAsUnique() {
    return satisfiedTargetKey == null ? null
        : new UniqueConstraint(satisfiedTargetKey.name(), satisfiedTargetKey.columns());
  }

  private static boolean uniqueOn(Table table, List<String> columns) {
    return table.uniques().stream().anyMatch(u -> sameColumns(u.columns(), columns))
        || table.indexes().stream().anyMatch(i -> i.valid() && i.unique() && i.predicate() == null
            && Index.DEFAULT_METHOD.equals(i.method()) && i.onPlainColumns(columns) && sameColumns(i.keys(), columns));
  }

  private static boolean strictSubset(List<String> smaller, List<String> larger) {
    return smaller.size() < larger.size() && new TreeSet<>(larger).containsAll(smaller);
  }

  /** @return whether two column lists name the same columns, in any order */
  static boolean sameColumns(List<String> a, List<String> b) {
    return a.size() == b.size() && new TreeSet<>(a).equals(new TreeSet<>(b));
  }
}
