package dev.autogen.codegen;

import dev.autogen.diff.Change;
import dev.autogen.diff.Change.AddCheck;
import dev.autogen.diff.Change.AddForeignKey;
import dev.autogen.diff.Change.DropCheck;
import dev.autogen.diff.Change.DropForeignKey;
import dev.autogen.diff.Change.RenameColumn;
import dev.autogen.diff.Change.RenameTable;
import dev.autogen.diff.Diagnostic;
import dev.autogen.model.ForeignKey;
import java.util.List;

/**
 * One-line human descriptions of changes, shared by migration file headers and text reports. Names
 * are written unquoted and always schema-qualified: these are for reading, never for running.
 */
public final class ChangeLabels {

  private ChangeLabels() {}

  /**
   * @param change a change, never null
   * @return what the change is on, e.g. {@code public.customer.full_name}, {@code public.customer
   *     (email)}, {@code public.customer.name to full_name}, {@code public.order_seq}
   */
  public static String target(Change change) {
    ChangeFacts facts = ChangeFacts.of(change);
    String object = facts.schema() + "." + (facts.table() != null ? facts.table() : facts.name());
    if (change instanceof RenameTable r) {
      return object + " to " + r.to();
    } else if (change instanceof RenameColumn r) {
      return object + "." + r.from() + " to " + r.to();
    } else if (change instanceof AddCheck c) {
      return object + " (" + c.check().expression() + ")";
    } else if (change instanceof DropCheck c) {
      return object + " (" + c.check().expression() + ")";
    } else if (change instanceof AddForeignKey f) {
      return object + references(f.key());
    } else if (change instanceof DropForeignKey f) {
      return object + references(f.key());
    } else if (facts.column() != null) {
      return object + "." + facts.column();
    } else if (!facts.columns().isEmpty()) {
      return object + " (" + String.join(", ", facts.columns()) + ")";
    }
    return object;
  }

  /**
   * @param change a change, never null
   * @return the kind in words and the target, e.g. {@code drop column public.customer.full_name}
   */
  public static String describe(Change change) {
    return change.kind().replace('_', ' ') + " " + target(change);
  }

  /**
   * @param change a change, never null
   * @return the snake_case kind and the target, e.g. {@code drop_column public.customer.full_name}
   */
  public static String kindAndTarget(Change change) {
    return change.kind() + " " + target(change);
  }

  /**
   * @param hazards diagnostics, never null
   * @return their codes, distinct, in order, joined by {@code ", "}, e.g. {@code DATA_LOSS,
   *     BACKWARD_INCOMPATIBLE}; empty for none
   */
  public static String codes(List<Diagnostic> hazards) {
    return String.join(", ", hazards.stream().map(d -> d.hazard().name()).distinct().toList());
  }

  private static String references(ForeignKey key) {
    return " (" + String.join(", ", key.columns()) + ") references " + key.referencedTable() + " ("
        + String.join(", ", key.referencedColumns()) + ")";
  }
}
