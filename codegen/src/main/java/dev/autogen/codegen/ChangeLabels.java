package dev.autogen.codegen;

import dev.autogen.diff.Change;
import dev.autogen.diff.Change.AddCheck;
import dev.autogen.diff.Change.AddForeignKey;
import dev.autogen.diff.Change.DropCheck;
import dev.autogen.diff.Change.DropForeignKey;
import dev.autogen.diff.Change.RenameColumn;
import dev.autogen.diff.Change.RenameTable;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.UnmanagedObject;
import dev.autogen.model.ForeignKey;
import java.util.List;

/**
 * One-line human descriptions of changes, shared by migration file headers and text reports. Names
 * are written unquoted and tables always schema-qualified: these are for reading, never for running.
 * A key, constraint or index is named the way the SQL names it when the caller passes that name
 * ({@link Statement#name()}), so an unnamed object reads with the name the database will give it.
 */
public final class ChangeLabels {

  private ChangeLabels() {}

  /**
   * @param change a change, never null
   * @param name the name the SQL gives the key, constraint, index, sequence or enum type the change
   *     is on ({@link Statement#name()}), or null when there is none or it is not known; a sequence or
   *     enum type is named by the change's subject already
   * @return what the change is on, e.g. {@code public.customer.full_name}, {@code
   *     customer_email_key on public.customer (email)}, {@code public.customer (email)} without a
   *     name, {@code public.customer.name to full_name}, {@code public.order_seq}
   */
  public static String target(Change change, String name) {
    ChangeFacts facts = ChangeFacts.of(change);
    String object = change.subject().toString();
    if (name != null && facts.table() != null) {
      object = name + " on " + object;
    }
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
   * @param name as for {@link #target(Change, String)}
   * @return the kind in words and the target, e.g. {@code drop column public.customer.full_name}
   */
  public static String describe(Change change, String name) {
    return change.kind().replace('_', ' ') + " " + target(change, name);
  }

  /**
   * @param change a change, never null
   * @param name as for {@link #target(Change, String)}
   * @return {@link #describe} followed, for an alteration, by its two sides, e.g. {@code alter column
   *     public.customer.email: varchar(50) not null -> varchar(255) null}
   */
  public static String describeWithSides(Change change, String name) {
    ChangeFacts facts = ChangeFacts.of(change);
    String label = describe(change, name);
    if (facts.from() != null && facts.to() != null && !change.kind().startsWith("rename_")) {
      return label + ": " + facts.from() + " -> " + facts.to();
    }
    return label;
  }

  /**
   * @param object an object only the database has, never null
   * @return what and where it is, e.g. {@code index public.owner.ix_owner_city: index (city) where
   *     city is not null}, {@code default public.owner.created: default now()}
   */
  public static String unmanaged(UnmanagedObject object) {
    return object.kind().noun() + " " + object.schema()
        + (object.table() == null ? "" : "." + object.table())
        + (object.name() == null ? "" : "." + object.name())
        + ": " + object.definition();
  }

  /**
   * @param change a change, never null
   * @param name as for {@link #target(Change, String)}
   * @return the snake_case kind and the target, e.g. {@code drop_column public.customer.full_name}
   */
  public static String kindAndTarget(Change change, String name) {
    return change.kind() + " " + target(change, name);
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
