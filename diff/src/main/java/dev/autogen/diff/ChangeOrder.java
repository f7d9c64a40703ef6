package dev.autogen.diff;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Orders changes so that each runs after what it depends on. Changes fall into phases that form a
 * topological order by construction: confirmed renames first (the other changes use the new names),
 * dependents dropped before what they depend on (foreign keys first, columns and tables before the
 * sequences and types they use), drops before creates (a new object may reuse an old name), objects
 * created before their dependents, and foreign keys added last, which breaks every cycle between new
 * tables. Within a phase the
 * order is by schema, table, column and then the change's text, so equal input gives equal output.
 *
 * <p>The phases mirror each other, so the reverse changes in reverse order are again a valid order:
 * that is how the downgrade is built.
 */
final class ChangeOrder {

  private static final Comparator<Change> ORDER = Comparator.comparingInt(ChangeOrder::phase)
      .thenComparing(Change::subject)
      .thenComparing(c -> Objects.toString(c.column(), ""))
      .thenComparing(Change::toString);

  private ChangeOrder() {}

  /**
   * @param changes unordered changes
   * @return the same changes in execution order
   */
  static List<Change> sort(List<Change> changes) {
    return changes.stream().sorted(ORDER).toList();
  }

  private static final Map<Class<? extends Change>, Integer> PHASES = Map.ofEntries(
      // confirmed renames first: every later change already uses the new names
      Map.entry(Change.RenameTable.class, 0),
      Map.entry(Change.RenameColumn.class, 1),
      // dependents before what they depend on
      Map.entry(Change.DropForeignKey.class, 2),
      Map.entry(Change.DropIndex.class, 3),
      Map.entry(Change.DropUnique.class, 3),
      Map.entry(Change.DropCheck.class, 3),
      Map.entry(Change.DropPrimaryKey.class, 4),
      // drops before creates, so a new object may take a name an old one had (index names are
      // unique per schema)
      Map.entry(Change.DropColumn.class, 5),
      Map.entry(Change.DropTable.class, 6),
      Map.entry(Change.CreateEnum.class, 7),
      Map.entry(Change.AlterEnum.class, 7),
      Map.entry(Change.CreateSequence.class, 7),
      Map.entry(Change.AlterSequence.class, 7),
      Map.entry(Change.CreateTable.class, 8),
      Map.entry(Change.AddColumn.class, 9),
      Map.entry(Change.AlterColumn.class, 10),
      Map.entry(Change.AlterTableComment.class, 10),
      // types and sequences go once no column uses them any more
      Map.entry(Change.DropSequence.class, 11),
      Map.entry(Change.DropEnum.class, 11),
      Map.entry(Change.AddPrimaryKey.class, 12),
      Map.entry(Change.AddUnique.class, 13),
      Map.entry(Change.AddCheck.class, 13),
      Map.entry(Change.CreateIndex.class, 13),
      // foreign keys last: every table and key they need exists, and cycles need no special case
      Map.entry(Change.AddForeignKey.class, 14));

  private static int phase(Change change) {
    return PHASES.get(change.getClass());
  }
}
