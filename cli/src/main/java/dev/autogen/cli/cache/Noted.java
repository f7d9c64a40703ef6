package dev.autogen.cli.cache;

/**
 * A value together with a few words on how it was obtained, for {@code --timings}: {@code cache hit},
 * {@code cache miss}, {@code live}, ...
 *
 * @param value the value, may be null only where the producer says so
 * @param note how it was obtained, or null when there is nothing to say
 * @param <T> the value's type
 */
public record Noted<T>(T value, String note) {

  /**
   * @param prefix what to put before the note, e.g. {@code replay}
   * @return the same value with the note {@code prefix, note} (just {@code prefix} without a note)
   */
  public Noted<T> prefixed(String prefix) {
    return new Noted<>(value, note == null ? prefix : prefix + ", " + note);
  }
}
