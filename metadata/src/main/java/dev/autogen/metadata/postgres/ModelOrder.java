package dev.autogen.metadata.postgres;

import java.util.Comparator;
import java.util.function.Function;

/**
 * Deterministic order for named model objects: by name (unnamed ones last), then by their content, so
 * that equal inputs give equal, identically ordered catalogs.
 */
final class ModelOrder {

  private ModelOrder() {}

  /**
   * @param name the object's name, may return null
   * @param content a text that tells unnamed objects apart, e.g. their columns
   * @return the comparator
   */
  static <T> Comparator<T> byName(Function<T, String> name, Function<T, String> content) {
    return Comparator.comparing(name, Comparator.nullsLast(Comparator.<String>naturalOrder()))
        .thenComparing(content);
  }
}
