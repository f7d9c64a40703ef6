package dev.autogen.model;

import java.util.List;
import java.util.Objects;

/**
 * An index that does not merely back a primary key or unique constraint.
 *
 * @param name the index name, or null when the source does not name it; never compared
 * @param keys the key parts in index order: a column name, or an expression in parentheses (e.g.
 *     {@code (lower(email))}); a descending key ends in {@code " desc"}; never empty
 * @param unique whether the index enforces uniqueness
 * @param predicate the WHERE clause of a partial index without {@code WHERE}, or null
 * @param method the access method, lower case ({@code btree} by default), never null
 */
public record Index(String name, List<String> keys, boolean unique, String predicate, String method)
    implements java.io.Serializable {

  /** The access method PostgreSQL and most databases use when none is given. */
  public static final String DEFAULT_METHOD = "btree";

  /**
   * @throws NullPointerException when keys is null
   * @throws IllegalArgumentException when keys is empty
   */
  public Index {
    keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("an index needs at least one key");
    }
    method = method == null || method.isBlank() ? DEFAULT_METHOD : method.toLowerCase(java.util.Locale.ROOT);
  }

  /** @return whether every key is a plain column (no expression, no ordering) */
  public boolean onPlainColumns() {
    return keys.stream().noneMatch(k -> k.startsWith("(") || k.endsWith(" desc"));
  }
}
