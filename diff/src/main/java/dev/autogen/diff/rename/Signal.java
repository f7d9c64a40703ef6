package dev.autogen.diff.rename;

import java.util.Objects;

/**
 * One piece of evidence for or against a rename candidate.
 *
 * @param key a stable snake_case name: {@code name_similarity}, {@code type_compatibility}, {@code
 *     position}, {@code constraints} (columns), {@code column_overlap}, {@code keys} (tables), {@code
 *     conversion} (live mode: the share of sampled values a type change keeps); never null
 * @param value the signal's value in [0, 1], 1 the strongest evidence of a rename
 * @param weight how much of the candidate's score it makes up, in [0, 1]; 0 for a signal that scales
 *     the score instead of adding to it ({@code conversion})
 * @param words what a message says, e.g. {@code names 0.52 alike}; never null
 */
public record Signal(String key, double value, double weight, String words) {

  /**
   * @throws NullPointerException when key or words is null
   * @throws IllegalArgumentException when value or weight is outside [0, 1]
   */
  public Signal {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(words, "words");
    if (!(value >= 0 && value <= 1 && weight >= 0 && weight <= 1)) {
      throw new IllegalArgumentException(key + ": value " + value + ", weight " + weight);
    }
  }

  /** @return the value as a whole percentage, as a figure carries it */
  long percent() {
    return Math.round(value * 100);
  }
}
