package dev.autogen.diff.baseline;

import java.util.Objects;

/**
 * The identity of one difference, independent of autogen's SQL rendering and of Java's {@code
 * toString}: the change kind, the qualified object, and the two sides in canonical form. When either
 * side moves to another state the fingerprint changes, so an accepted difference that becomes a
 * different one shows as new.
 *
 * @param kind the snake_case change kind ({@link dev.autogen.diff.Change#kind()}), e.g. {@code
 *     alter_column}, never null
 * @param object what the change is on: {@code schema.table}, {@code schema.table.column}, {@code
 *     schema.table (columns)} for keys, constraints and indexes, {@code schema.name} for sequences and
 *     enum types; never null
 * @param detail the sides in canonical form, e.g. {@code type varchar(100)->varchar(200)}; empty when
 *     the kind and object say everything; never null
 */
public record ChangeFingerprint(String kind, String object, String detail) {

  /** @throws NullPointerException when an argument is null */
  public ChangeFingerprint {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(detail, "detail");
  }

  /**
   * @return the fingerprint as one line, e.g. {@code alter_column public.book.title type
   *     varchar(100)->varchar(200)}: kind, object and detail separated by single spaces
   */
  public String value() {
    return kind + " " + object + (detail.isEmpty() ? "" : " " + detail);
  }

  /**
   * @return a human one-liner, e.g. {@code alter column public.book.title: type
   *     varchar(100)->varchar(200)}
   */
  public String description() {
    return kind.replace('_', ' ') + " " + object + (detail.isEmpty() ? "" : ": " + detail);
  }

  /** @return {@link #value()} */
  @Override
  public String toString() {
    return value();
  }
}
