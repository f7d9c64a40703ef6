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
 * nullability, foreign keys, sequences and enum types: those are always managed. A primary key is managed
 * where the entities declare the same one; a database primary key that differs from the entities' (or
 * where they declare none) is a stricter database, kept as long as the entities' keys stay enforced
 * (see {@code PrimaryKeyComparison}).
 */
public enum UnmanagedKind {
  /** A non-unique or unique index (also partial or expression) no entity declares. */
  INDEXES("index", true),
  /** A unique constraint no entity declares. */
  UNIQUES("unique constraint", true),
  /**
   * A primary key the entities do not declare: on other columns than theirs (e.g. {@code (owner_id,
   * element_id)} where Hibernate 7 declares {@code (element_id)}), or where they declare none (it then
   * satisfies their unique constraint on the same columns).
   */
  PRIMARY_KEYS("primary key", true),
  /** A check constraint no entity declares. */
  CHECKS("check", true),
  /** A column default ({@code DEFAULT ...}, also a {@code serial} column's {@code nextval}) no entity declares. */
  DEFAULTS("default", true),
  /** A table or column comment no entity declares. */
  COMMENTS("comment", true),
  /**
   * A table (or sequence) that a library on the application's class path owns and creates itself, e.g.
   * Spring Integration's {@code int_lock} or Quartz's {@code qrtz_triggers} ({@link LibraryTable}): no
   * entity maps it, yet the application needs it.
   */
  LIBRARY_TABLES("library table", true),
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

  /** @return the lower-case name a user writes, e.g. {@code indexes}, {@code primary-keys} */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** @return every kind that may be dropped on request */
  public static Set<UnmanagedKind> allDroppable() {
    return Arrays.stream(values()).filter(UnmanagedKind::droppable)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(UnmanagedKind.class)));
  }

  /**
   * @param label a kind as a user writes it: {@code indexes}, {@code uniques}, {@code primary-keys},
   *     {@code checks}, {@code defaults}, {@code comments} or {@code library-tables}, any case, singular or plural, {@code _}
   *     or {@code -} between words; never null
   * @return the kind
   * @throws IllegalArgumentException when the label names no droppable kind; the message lists the
   *     valid labels
   */
  public static UnmanagedKind droppable(String label) {
    String l = label.trim().toLowerCase(Locale.ROOT).replace('_', '-');
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
