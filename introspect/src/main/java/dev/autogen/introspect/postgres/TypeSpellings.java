package dev.autogen.introspect.postgres;

import dev.autogen.model.SqlType;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link SqlType#parse(String)} with each distinct spelling parsed once, for one catalog read: a
 * schema of thousands of columns spells its types in a few dozen ways ({@code character varying(80)},
 * {@code bigint}, ...), and parsing (regular expressions) was the largest share of the time spent in
 * autogen's code while reading the columns of 10,000 tables. {@link SqlType} is an immutable value and
 * {@code parse} a function of the spelling alone, so the shared result equals a fresh parse. Not
 * thread-safe: one instance per read.
 */
final class TypeSpellings {

  private final Map<String, SqlType> parsed = new HashMap<>();

  /**
   * @param spelling a type as {@code format_type} spells it, never null
   * @return {@link SqlType#parse(String)} of it
   */
  SqlType parse(String spelling) {
    SqlType type = parsed.get(spelling);
    if (type == null) {
      type = SqlType.parse(spelling);
      parsed.put(spelling, type);
    }
    return type;
  }
}
