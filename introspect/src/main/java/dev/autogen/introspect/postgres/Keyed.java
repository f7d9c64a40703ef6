package dev.autogen.introspect.postgres;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A value read from the catalog together with the key of what it belongs to: the {@code pg_class.oid}
 * of its table (columns, indexes, constraints) or the name of its schema (sequences, enum types).
 *
 * @param key what the value belongs to, never null
 * @param value the value, never null
 * @param <K> the kind of key
 * @param <T> the kind of value
 */
record Keyed<K, T>(K key, T value) {

  /**
   * @param values values in query order
   * @param <K> the kind of key
   * @param <T> the kind of value
   * @return the values of each key, each list in query order
   */
  static <K, T> Map<K, List<T>> group(List<Keyed<K, T>> values) {
    Map<K, List<T>> grouped = new HashMap<>();
    for (Keyed<K, T> v : values) {
      grouped.computeIfAbsent(v.key(), k -> new ArrayList<>()).add(v.value());
    }
    return grouped;
  }
}
