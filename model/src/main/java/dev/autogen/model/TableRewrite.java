package dev.autogen.model;

import java.util.Objects;

/**
 * Whether a statement rewrites a whole table (every row written anew, its indexes rebuilt), as a
 * {@link Dialect} knows it for one server version: not at all, certainly, or only under a condition the
 * statement text cannot tell (a session setting, the volatility of a user function).
 *
 * @param kind how sure the rewrite is, never null
 * @param reason why the table is (or may be) rewritten, as a clause for a message, e.g. {@code
 *     integer and bigint are not binary coercible}; null exactly when {@code kind} is {@link Kind#NONE}
 */
public record TableRewrite(Kind kind, String reason) {

  /** How sure a rewrite is. */
  public enum Kind {
    /** Only the catalog changes; the rows stay as they are. */
    NONE,
    /** Rewrites unless a condition named by {@link TableRewrite#reason()} holds when it runs. */
    POSSIBLE,
    /** Always rewrites. */
    CERTAIN
  }

  private static final TableRewrite NO_REWRITE = new TableRewrite(Kind.NONE, null);

  /**
   * @throws NullPointerException when kind is null
   * @throws IllegalArgumentException when a reason is given for no rewrite, or none for a rewrite
   */
  public TableRewrite {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.NONE) != (reason == null)) {
      throw new IllegalArgumentException("a rewrite needs a reason, and only a rewrite: " + kind + ", " + reason);
    }
  }

  /** @return the answer "the table is not rewritten" */
  public static TableRewrite none() {
    return NO_REWRITE;
  }

  /**
   * @param reason why, never null
   * @return the answer "the table is always rewritten"
   */
  public static TableRewrite certain(String reason) {
    return new TableRewrite(Kind.CERTAIN, Objects.requireNonNull(reason, "reason"));
  }

  /**
   * @param reason when the rewrite happens or is avoided, never null
   * @return the answer "the table may be rewritten"
   */
  public static TableRewrite possible(String reason) {
    return new TableRewrite(Kind.POSSIBLE, Objects.requireNonNull(reason, "reason"));
  }

  /** @return whether the table is or may be rewritten: the conservative yes/no */
  public boolean mayRewrite() {
    return kind != Kind.NONE;
  }
}
