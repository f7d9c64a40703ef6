package dev.autogen.diff;

import dev.autogen.model.EnumType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

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
 *
 * <p>An enum type alteration runs where the labels it touches are safe: one that only adds labels
 * before the tables and columns that may use them (with the creates), one that removes or reorders
 * labels once the columns and defaults that used a removed label have changed (with the drops of
 * types). Its reverse then lands on the mirrored side: the labels a downgrade adds back exist before
 * the downgrade's defaults use them again. One that does both is split in two ({@link
 * #splitEnumAlteration}): the labels added first, the rest after.
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
    return changes.stream().flatMap(ChangeOrder::splitEnumAlteration).sorted(ORDER).toList();
  }

  /**
   * @param change a change
   * @return an {@link Change.AlterEnum} that both adds labels and removes or reorders others as two:
   *     from {@code from} to {@code from} plus the added labels (appended), then from there to {@code
   *     to}; any other change as it is
   */
  private static Stream<Change> splitEnumAlteration(Change change) {
    if (change instanceof Change.AlterEnum e && !e.onlyAddsValues() && !e.addedValues().isEmpty()) {
      List<String> values = new ArrayList<>(e.from().values());
      values.addAll(e.addedValues());
      EnumType between = new EnumType(e.to().name(), values);
      return Stream.of(new Change.AlterEnum(e.schema(), e.from(), between), new Change.AlterEnum(e.schema(), between, e.to()));
    }
    return Stream.of(change);
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
      // an enum alteration that only adds labels; one that removes or reorders runs in phase 11
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
      Map.entry(Change.AddForeignKey.class, 14),
      // views re-created around column changes (--recreate-dependent-views) are placed by SchemaDiff
      // in dependency order after sorting; these phases only keep a re-sort well defined
      Map.entry(Change.DropView.class, 1),
      Map.entry(Change.CreateView.class, 15));

  /** The phase of {@link Change.AlterEnum}s that remove or reorder labels: with the drops of types. */
  private static final int ENUM_LABELS_REMOVED = 11;

  private static int phase(Change change) {
    if (change instanceof Change.AlterEnum e && !e.onlyAddsValues()) {
      return ENUM_LABELS_REMOVED;
    }
    return PHASES.get(change.getClass());
  }
}
