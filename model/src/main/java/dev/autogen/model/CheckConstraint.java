package dev.autogen.model;

import java.util.Objects;

/**
 * A check constraint. Checks are matched by their expression after the dialect's normalisation
 * ({@link Dialect#normalizeExpression(String)}), never by name.
 *
 * @param name the constraint name, or null when the source does not name it
 * @param expression the boolean expression without the surrounding {@code CHECK ( )}, as the source
 *     spelled it, never null
 */
public record CheckConstraint(String name, String expression) implements java.io.Serializable {

  /** @throws NullPointerException when expression is null */
  public CheckConstraint {
    Objects.requireNonNull(expression, "expression");
  }
}
