package dev.autogen.diff.rename;

import dev.autogen.diff.Change;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.Index;
import dev.autogen.model.PrimaryKey;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.Table;
import dev.autogen.model.UniqueConstraint;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a column takes part in, as words that are equal for equal parts on both sides of a rename:
 * {@code primary key}, {@code unique}, {@code index}, {@code foreign key to public.owner}. Keys and
 * indexes are named by kind only (never by constraint name, which Hibernate hashes from the column
 * names), so a renamed column's unique constraint and the new column's unique constraint match.
 */
final class ColumnRoles {

  private ColumnRoles() {}

  /**
   * @param table a whole table (dropped or created), never null
   * @param column one of its columns
   * @return the keys, indexes and foreign keys of that table the column takes part in
   */
  static Set<String> in(Table table, String column) {
    Set<String> roles = new TreeSet<>();
    add(roles, table.primaryKey(), column);
    table.uniques().forEach(u -> add(roles, u, column));
    table.indexes().forEach(i -> add(roles, i, column));
    table.foreignKeys().forEach(fk -> add(roles, fk, column));
    return roles;
  }

  /**
   * The roles a dropped column loses or an added column gains, as the plan's other changes on its
   * table show them: a dropped column's keys, indexes and foreign keys are dropped with it, an added
   * column's are added with it.
   *
   * @param changes the plan's changes, never null
   * @param table the table as the plan names it
   * @param column the column
   * @param dropped true for the dropped side (the {@code Drop...} changes), false for the added side
   * @return the roles
   */
  static Set<String> inPlan(List<Change> changes, QualifiedName table, String column, boolean dropped) {
    Set<String> roles = new TreeSet<>();
    for (Change c : changes) {
      if (!c.subject().equals(table)) {
        continue;
      }
      Object part = dropped ? droppedPart(c) : addedPart(c);
      if (part != null) {
        add(roles, part, column);
      }
    }
    return roles;
  }

  private static Object droppedPart(Change c) {
    if (c instanceof Change.DropPrimaryKey k) {
      return k.key();
    } else if (c instanceof Change.DropUnique u) {
      return u.unique();
    } else if (c instanceof Change.DropIndex i) {
      return i.index();
    } else if (c instanceof Change.DropForeignKey f) {
      return f.key();
    }
    return null;
  }

  private static Object addedPart(Change c) {
    if (c instanceof Change.AddPrimaryKey k) {
      return k.key();
    } else if (c instanceof Change.AddUnique u) {
      return u.unique();
    } else if (c instanceof Change.CreateIndex i) {
      return i.index();
    } else if (c instanceof Change.AddForeignKey f) {
      return f.key();
    }
    return null;
  }

  private static void add(Set<String> roles, Object part, String column) {
    if (part instanceof PrimaryKey k && k.columns().contains(column)) {
      roles.add("primary key");
    } else if (part instanceof UniqueConstraint u && u.columns().contains(column)) {
      roles.add("unique");
    } else if (part instanceof Index i && i.keys().stream().anyMatch(k -> Index.keyTarget(k).equals(column))) {
      roles.add(i.unique() ? "unique" : "index");
    } else if (part instanceof ForeignKey fk && fk.columns().contains(column)) {
      roles.add("foreign key to " + fk.referencedTable());
    }
  }
}
