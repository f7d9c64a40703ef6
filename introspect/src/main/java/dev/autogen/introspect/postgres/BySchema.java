package dev.autogen.introspect.postgres;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A value read from the catalog together with the name of its schema.
 *
 * @param schema the schema name, exactly as stored
 * @param value the value, never null
 * @param <T> the kind of value: a sequence, an enum type
 */
record BySchema<T>(String schema, T value) {

  /**
   * @param values values in query order
   * @param <T> the kind of value
   * @return the values of each schema by schema name, each list in query order
   */
  static <T> Map<String, List<T>> group(List<BySchema<T>> values) {
    Map<String, List<T>> bySchema = new HashMap<>();
    for (BySchema<T> v : values) {
      bySchema.computeIfAbsent(v.schema(), s -> new ArrayList<>()).add(v.value());
    }
    return bySchema;
  }
}
