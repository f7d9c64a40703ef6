package dev.autogen.diff.risk;

import dev.autogen.diff.Change;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.Hazard;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.ReferentialAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Hazard#BACKWARD_INCOMPATIBLE} for a foreign key's referential actions: a key whose {@code ON
 * DELETE} or {@code ON UPDATE} action is dropped, changed or added between existing tables changes
 * what the running application's deletes and key updates do to the child rows (PostgreSQL "5.4.5.
 * Foreign Keys": {@code CASCADE} deletes them, {@code SET NULL}/{@code SET DEFAULT} rewrite their
 * columns, {@code NO ACTION}/{@code RESTRICT} make the delete fail while they exist), with no error
 * to tell.
 *
 * <p>The diff matches keys by structure, actions included, so a changed action is a drop of the old
 * key and an add of the new one on the same columns: the diagnostic goes on the add and says both
 * actions. A drop with no such add, of a key with an action other than {@code NO ACTION}/{@code
 * RESTRICT}, is flagged on the drop (unless the table itself goes). An added key with such an action
 * where none was is flagged on the add. Keys dropped and re-added unchanged (around a type change) are
 * not.
 */
final class ForeignKeyActionAnalyzer implements RiskAnalyzer {

  @Override
  public List<Diagnostic> analyze(Change change, PlanContext plan) {
    if (change instanceof Change.AddForeignKey add && plan.existing(add.table())
        && plan.existing(add.key().referencedTable())) {
      ForeignKey was = counterpart(plan, add.table(), add.key(), true).orElse(null);
      List<String> effects = new ArrayList<>();
      effect(was == null ? ReferentialAction.NO_ACTION : was.onDelete(), add.key().onDelete(), "delete", effects);
      effect(was == null ? ReferentialAction.NO_ACTION : was.onUpdate(), add.key().onUpdate(), "update", effects);
      return diagnostic(change, add.key(), effects);
    }
    if (change instanceof Change.DropForeignKey drop && !dropsTable(plan, drop.table())
        && counterpart(plan, drop.table(), drop.key(), false).isEmpty()) {
      List<String> effects = new ArrayList<>();
      effect(drop.key().onDelete(), ReferentialAction.NO_ACTION, "delete", effects);
      effect(drop.key().onUpdate(), ReferentialAction.NO_ACTION, "update", effects);
      return diagnostic(change, drop.key(), effects.stream()
          .map(e -> e.replace(" now fail while child rows reference them", " now leave the child rows as they are"))
          .toList());
    }
    return List.of();
  }

  private static List<Diagnostic> diagnostic(Change change, ForeignKey key, List<String> effects) {
    if (effects.isEmpty()) {
      return List.of();
    }
    return List.of(new Diagnostic(Hazard.BACKWARD_INCOMPATIBLE, Hazard.BACKWARD_INCOMPATIBLE.risk(), change,
        change.kind().replace('_', ' ') + " on " + change.subject() + " (" + String.join(", ", key.columns())
            + ") references " + key.referencedTable() + ": " + String.join("; ", effects)
            + " (what the running application's deletes do changes, with no error)",
        "check that the application expects the new behaviour, or keep the old action on the entity's @OnDelete"));
  }

  /** Adds the words for one action changing, when it changes what deletes or updates do. */
  private static void effect(ReferentialAction from, ReferentialAction to, String operation, List<String> effects) {
    if (strict(from) && strict(to) || from == to) {
      return;
    }
    effects.add("ON " + operation.toUpperCase(java.util.Locale.ROOT) + " " + from.sql().toUpperCase(java.util.Locale.ROOT)
        + " becomes " + to.sql().toUpperCase(java.util.Locale.ROOT) + ": " + operation + "s of referenced rows now "
        + does(to, operation));
  }

  private static boolean strict(ReferentialAction action) {
    return action == ReferentialAction.NO_ACTION || action == ReferentialAction.RESTRICT;
  }

  private static String does(ReferentialAction action, String operation) {
    return switch (action) {
      case CASCADE -> operation.equals("delete") ? "also delete the child rows" : "also change the child rows' keys";
      case SET_NULL -> "set the child rows' columns to NULL";
      case SET_DEFAULT -> "set the child rows' columns to their defaults";
      case NO_ACTION, RESTRICT -> "fail while child rows reference them";
    };
  }

  /**
   * @param dropped true to find the drop an add replaces, false to find the add a drop is replaced by
   * @return the key of the other change of the plan on the same table, columns and referenced columns
   */
  private static Optional<ForeignKey> counterpart(PlanContext plan, QualifiedName table, ForeignKey key,
      boolean dropped) {
    for (Change c : plan.changes()) {
      ForeignKey other = dropped
          ? c instanceof Change.DropForeignKey d && d.table().equals(table) ? d.key() : null
          : c instanceof Change.AddForeignKey a && a.table().equals(table) ? a.key() : null;
      if (other != null && other.columns().equals(key.columns()) && other.referencedTable().equals(key.referencedTable())
          && other.referencedColumns().equals(key.referencedColumns())) {
        return Optional.of(other);
      }
    }
    return Optional.empty();
  }

  private static boolean dropsTable(PlanContext plan, QualifiedName table) {
    return plan.changes().stream().anyMatch(c -> c instanceof Change.DropTable && c.subject().equals(table));
  }
}
