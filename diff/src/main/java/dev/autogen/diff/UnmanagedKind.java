package dev.autogen.diff;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of database objects that JPA entities usually say nothing about. Such an object that
 * exists only in the database is <em>unmanaged</em>: reported, never dropped, unless the user opts in
 * per kind ({@link DiffOptions#dropUnmanaged()}). Entities describe tables, columns, their types and
 * nullability, primary and foreign keys, sequences and enum types: those are always managed.
 */
public enum UnmanagedKind {
  /** A non-unique or unique index (also partial or expression) no entity declares. */
  INDEXES("index", true),
  /** A unique constraint no entity declares. */
  UNIQUES("unique constraint", true),
  /** A check constraint no entity declares. */
  CHECKS("check", true),
  /** A column default ({@code DEFAULT ...}, also a {@code serial} column's {@code nextval}) no entity declares. */
  DEFAULTS("default", true),
  /** A table or column comment no entity declares. */
  COMMENTS("comment", true),
  /** A trigger: entities never declare triggers, so they are only ever reported. */
  TRIGGERS("trigger", false),
  /** A view or materialized view: only ever reported. */
  VIEWS("view", false),
  /** A domain: only ever reported. */
  DOMAINS("domain", false);

  private final String noun;
  private final boolean droppable;

  UnmanagedKind(String noun, boolean droppable) {
    this.noun = noun;
    this.droppable = droppable;
  }

  /** @return what one object of this kind is called in a sentence, e.g. {@code unique constraint} */
  public String noun() {
    return noun;
  }

  /** @return whether {@code --drop-unmanaged} may name this kind; triggers, views and domains are never dropped */
  public boolean droppable() {
    return droppable;
  }

  /** @return the lower-case name a user writes, e.g. {@code indexes} */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @return every kind that may be dropped on request */
  public static Set<UnmanagedKind> allDroppable() {
    return Arrays.stream(values()).filter(UnmanagedKind::droppable)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(UnmanagedKind.class)));
  }

  /**
   * @param label a kind as a user writes it: {@code indexes}, {@code uniques}, {@code checks},
   *     {@code defaults} or {@code comments}, any case, singular or plural; never null
   * @return the kind
   * @throws IllegalArgumentException when the label names no droppable kind; the message lists the
   *     valid labels
   */
  public static UnmanagedKind droppable(String label) {
    String l = label.trim().toLowerCase(Locale.ROOT);
    for (UnmanagedKind kind : values()) {
      if (kind.droppable && (kind.label().equals(l) || kind.label().equals(l + "s")
          || kind.label().equals(l + "es"))) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown kind of unmanaged object '" + label + "' (use "
        + allDroppable().stream().map(UnmanagedKind::label).collect(Collectors.joining(", "))
        + " or all; triggers, views and domains are never dropped)");
  }
}
