package dev.autogen.diff.rename;

import dev.autogen.model.Dialect;
import dev.autogen.model.SqlType;

/**
 * How well the values of a dropped column's type fit an added column's type, best first, with the
 * weight each gives a rename candidate.
 */
enum TypeCompatibility {

  /** The same canonical type: a rename keeps every value as it is. */
  SAME(1.0, "same type"),
  /** One family and no value is lost ({@link Dialect#isNarrowing} false): {@code varchar(80)} to {@code text}. */
  WIDENING(0.8, "wider type of the same family"),
  /** One family but values may be cut or rejected: {@code bigint} to {@code integer}. */
  NARROWING(0.5, "narrower type of the same family"),
  /**
   * Different families, but PostgreSQL converts one into the other: any type to and from a string
   * type through its text form (PostgreSQL "CREATE CAST": automatic I/O conversion casts), integer to
   * and from boolean ({@code pg_cast}).
   */
  CASTABLE(0.25, "castable type"),
  /** Nothing converts one into the other without an expression: not a rename candidate. */
  UNRELATED(0, "unrelated type");

  private final double weight;
  private final String words;

  TypeCompatibility(double weight, String words) {
    this.weight = weight;
    this.words = words;
  }

  /** @return the signal's value in [0, 1] */
  double weight() {
    return weight;
  }

  /** @return how a message says it, e.g. {@code same type} */
  String words() {
    return words;
  }

  /** @return whether every value of the old type is kept unchanged by the new one */
  boolean keepsEveryValue() {
    return this == SAME || this == WIDENING;
  }

  /**
   * @param dialect the dialect's type knowledge, never null
   * @param from the dropped column's type, never null
   * @param to the added column's type, never null
   * @return how well they fit
   */
  static TypeCompatibility of(Dialect dialect, SqlType from, SqlType to) {
    if (from.equals(to)) {
      return SAME;
    }
    if (dialect.sameFamily(from, to)) {
      return dialect.isNarrowing(from, to) ? NARROWING : WIDENING;
    }
    boolean scalars = from.arrayDimensions() == 0 && to.arrayDimensions() == 0;
    if (scalars && (from.isText() || to.isText() || integerAndBoolean(from, to) || integerAndBoolean(to, from))) {
      return CASTABLE;
    }
    return UNRELATED;
  }

  private static boolean integerAndBoolean(SqlType a, SqlType b) {
    return a.name().equals("integer") && b.name().equals("boolean");
  }
}
