package dev.autogen.model;

import java.util.List;
import java.util.Objects;

/**
 * An index that does not merely back a primary key or unique constraint.
 *
 * @param name the index name, or null when the source does not name it; never compared
 * @param keys the key parts in index order, never empty. Each is a column name or an expression in
 *     parentheses (e.g. {@code (lower(email))}), followed only where they differ from the defaults by,
 *     in this order and each after one space: {@code collate "name"}, an operator class name (e.g.
 *     {@code text_pattern_ops}), {@code desc}, and {@code nulls first} (ascending) or {@code nulls
 *     last} (descending). Defaults (PostgreSQL docs, CREATE INDEX): the column's collation, the type's
 *     default operator class, ascending, NULLS LAST when ascending and NULLS FIRST when descending.
 *     Example: {@code name text_pattern_ops desc nulls last}
 * @param unique whether the index enforces uniqueness
 * @param predicate the WHERE clause of a partial index without {@code WHERE}, or null
 * @param method the access method, lower case ({@code btree} by default), never null
 * @param include the non-key columns of an {@code INCLUDE} clause (PostgreSQL 11+), in order; empty
 *     when there are none, never null
 * @param valid false for an index the database marks INVALID ({@code pg_index.indisvalid}, PostgreSQL
 *     "CREATE INDEX", Building Indexes Concurrently: a failed {@code CREATE INDEX CONCURRENTLY} leaves
 *     one behind, which queries never use and which enforces no uniqueness, yet writes keep updating);
 *     true for every index an entity describes
 */
public record Index(
    String name, List<String> keys, boolean unique, String predicate, String method, List<String> include,
    boolean valid)
    implements java.io.Serializable {

  /** The access method PostgreSQL and most databases use when none is given. */
  public static final String DEFAULT_METHOD = "btree";

  /**
   * @throws NullPointerException when keys or include is null
   * @throws IllegalArgumentException when keys is empty
   */
  public Index {
    keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
    include = List.copyOf(Objects.requireNonNull(include, "include"));
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("an index needs at least one key");
    }
    method = method == null || method.isBlank() ? DEFAULT_METHOD : method.toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * A valid index.
   *
   * @param name the index name, or null
   * @param keys the key parts (see the record's description), never empty
   * @param unique whether the index enforces uniqueness
   * @param predicate the partial-index predicate, or null
   * @param method the access method, or null for {@code btree}
   * @param include the INCLUDE columns, never null
   * @throws NullPointerException when keys or include is null
   * @throws IllegalArgumentException when keys is empty
   */
  public Index(String name, List<String> keys, boolean unique, String predicate, String method, List<String> include) {
    this(name, keys, unique, predicate, method, include, true);
  }

  /**
   * A valid index without INCLUDE columns.
   *
   * @param name the index name, or null
   * @param keys the key parts (see the record's description), never empty
   * @param unique whether the index enforces uniqueness
   * @param predicate the partial-index predicate, or null
   * @param method the access method, or null for {@code btree}
   * @throws NullPointerException when keys is null
   * @throws IllegalArgumentException when keys is empty
   */
  public Index(String name, List<String> keys, boolean unique, String predicate, String method) {
    this(name, keys, unique, predicate, method, List.of());
  }

  private static final java.util.regex.Pattern KEY_OPTIONS = java.util.regex.Pattern.compile(
      "(?: collate \"(?:[^\"]|\"\")+\")?(?: [a-z0-9_]+_ops)?(?: desc)?(?: nulls (?:first|last))?$");

  /**
   * Splits an index key (see the record's description) into what it indexes and its options.
   * Operator classes are recognised by PostgreSQL's naming convention ({@code ..._ops}).
   *
   * @param key one of {@link #keys()}, never null
   * @return the column name or the parenthesised expression, without collation, operator class,
   *     ordering or NULLS placement
   */
  public static String keyTarget(String key) {
    return key.substring(0, key.length() - keyOptions(key).length());
  }

  /**
   * @param key one of {@link #keys()}, never null
   * @return the key's options in canonical order with a leading space (e.g. {@code " text_pattern_ops
   *     desc"}), or the empty string when it has none
   */
  public static String keyOptions(String key) {
    java.util.regex.Matcher m = KEY_OPTIONS.matcher(key);
    return m.find() ? key.substring(m.start()) : "";
  }

  /**
   * @param columnNames the names of the table's columns, never null
   * @return whether every key is one of those columns as it is (no expression, collation, operator
   *     class or ordering) and there are no INCLUDE columns
   */
  public boolean onPlainColumns(java.util.Collection<String> columnNames) {
    return include.isEmpty() && columnNames.containsAll(keys);
  }
}
