package dev.autogen.cli.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Computes a {@link CacheKey}: a SHA-256 over labelled parts. Every part is written as the lengths of
 * its label and value, then their bytes, so that no two different sequences of parts hash the same
 * input ({@code "ab","c"} and {@code "a","bc"} differ) and a null value differs from every string.
 * Instances come from {@link CatalogCache#key(String)}, which seeds them with the cache format,
 * autogen's version and the kind; not thread-safe, used once.
 */
public final class KeyHasher {

  private final String kind;
  private final MessageDigest sha256;

  /**
   * @param kind the kind of the entry, see {@link CacheKey#kind()}
   */
  KeyHasher(String kind) {
    this.kind = kind;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // every Java platform must implement SHA-256 (java.security.MessageDigest, "Java Security Standard Algorithm Names")
      throw new IllegalStateException(e);
    }
    text("kind", kind);
  }

  /**
   * @param label what the value is, e.g. {@code naming}
   * @param value the value, may be null
   * @return this
   */
  public KeyHasher text(String label, String value) {
    return part(label, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @param label what the values are
   * @param values the values in their order (which counts), never null
   * @return this
   */
  public KeyHasher texts(String label, List<String> values) {
    text(label, Integer.toString(values.size()));
    values.forEach(v -> text(label, v));
    return this;
  }

  /**
   * Adds a directory's files: for each regular file below it (at any depth) that {@code include}
   * accepts, in the order of their relative paths, the relative path (with {@code /} as separator, so
   * that the key does not depend on the platform or on where the directory is) and the content.
   *
   * @param label what the directory is
   * @param directory an existing directory
   * @param include which files count, given their path
   * @return this
   * @throws UncheckedIOException when the directory cannot be read
   */
  public KeyHasher tree(String label, Path directory, Predicate<Path> include) {
    List<String> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files = walk.filter(p -> include.test(p) && Files.isRegularFile(p))
          .map(p -> directory.relativize(p).toString().replace(directory.getFileSystem().getSeparator(), "/"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + directory + " for the cache key", e);
    }
    text(label, Integer.toString(files.size()));
    for (String file : files) {
      text("path", file);
      part("content", read(directory.resolve(file)));
    }
    return this;
  }

  /**
   * Adds a file's absolute path and content.
   *
   * @param label what the file is
   * @param file an existing regular file
   * @return this
   * @throws UncheckedIOException when it cannot be read
   */
  public KeyHasher file(String label, Path file) {
    text(label, file.toAbsolutePath().normalize().toString());
    return part("content", read(file));
  }

  /**
   * Adds a file's content alone, not where it is: the same file in another checkout gives the same key.
   *
   * @param label what the file is, e.g. its name relative to a directory
   * @param file an existing regular file
   * @return this
   * @throws UncheckedIOException when it cannot be read
   */
  public KeyHasher content(String label, Path file) {
    return part(label, read(file));
  }

  /**
   * Adds a file's identity without reading it: its absolute path, size and last-modified time (what a
   * build tool changes when it writes the file again).
   *
   * @param label what the file is
   * @param file an existing regular file
   * @return this
   * @throws UncheckedIOException when its attributes cannot be read
   */
  public KeyHasher fileStamp(String label, Path file) {
    try {
      return text(label, file.toAbsolutePath().normalize().toString())
          .text("size", Long.toString(Files.size(file)))
          .text("modified", Long.toString(Files.getLastModifiedTime(file).toMillis()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " for the cache key", e);
    }
  }

  /** @return the key of everything added so far */
  public CacheKey key() {
    return new CacheKey(kind, HexFormat.of().formatHex(sha256.digest()));
  }

  private KeyHasher part(String label, byte[] value) {
    byte[] name = label.getBytes(StandardCharsets.UTF_8);
    sha256.update(ByteBuffer.allocate(8).putInt(name.length).putInt(value == null ? -1 : value.length).flip());
    sha256.update(name);
    if (value != null) {
      sha256.update(value);
    }
    return this;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " for the cache key", e);
    }
  }
}
