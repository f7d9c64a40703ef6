package dev.autogen.cli.cache;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The address of one cache entry: what kind of value it holds and the SHA-256 of everything the value
 * depends on. Built with {@link KeyHasher}.
 *
 * @param kind what the entry holds, a lower-case word such as {@code entities}; part of the file name
 * @param hash 64 lower-case hexadecimal digits
 */
public record CacheKey(String kind, String hash) {

  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9]*");
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  /**
   * @throws NullPointerException when kind or hash is null
   * @throws IllegalArgumentException when kind is not a lower-case word or hash not a SHA-256 in hex
   *     (both end up in a file name and in the entry's one-line header)
   */
  public CacheKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(hash, "hash");
    if (!KIND.matcher(kind).matches() || !HASH.matcher(hash).matches()) {
      throw new IllegalArgumentException("not a cache key: " + kind + " " + hash);
    }
  }

  /** @return the entry's file name, {@code <kind>-<hash>.bin} */
  public String fileName() {
    return kind + "-" + hash + CatalogCache.SUFFIX;
  }
}
