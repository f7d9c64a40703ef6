package dev.autogen.cli.cache;

import dev.autogen.model.Catalog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * A directory of {@link Catalog}s that took long to compute (entities read through Hibernate, migrations
 * replayed into a dev database), and of texts ({@link #text}: the class path a Maven build resolved), each stored under the {@link CacheKey} of everything it depends on.
 *
 * <p>Format of an entry ({@code <kind>-<hash>.bin}): one header line {@code autogen-cache 2 <autogen
 * version> <kind> <hash> <payload length> <payload CRC-32C in hex>}, then the payload, the catalog as
 * {@link CatalogCodec} writes it: every record component in order, read back through the records'
 * canonical constructors, which validate and normalise exactly as for any other source. Format 1 was
 * Java serialization, which does the same but took 0.5-0.8 s to read 10,000 tables; its entries no
 * longer match the header and are misses. Jackson would need mixins for the sealed {@code DefaultExpr}
 * and care for every derived accessor a record declares, and would load its own classes on a path
 * whose point is to start fast.
 *
 * <p>Rules:
 * <ul>
 *   <li>Autogen's version is part of every key ({@link #key(String)}) and of every header; an entry
 *       written by another version is never read, even under a forged file name.
 *   <li>Entries are written to a temporary file in the directory and moved into place, so that a
 *       reader (another process too) sees a whole entry or none.
 *   <li>An entry whose header, length or checksum does not match, or whose payload does not
 *       deserialise to a valid catalog, is a miss and is deleted; reading never fails a run. Writing
 *       never fails a run either: it warns on standard error.
 *   <li>Reading builds only the model's records, strings and lists ({@link CatalogCodec}), so a planted
 *       file cannot instantiate anything else.
 *   <li>Each kind keeps its {@value #KEEP_PER_KIND} most recently used entries; a hit renews an entry's
 *       modification time.
 *   <li>The directory gets a {@code .gitignore} that ignores everything in it, as a safety net beside
 *       the README's advice to ignore {@code .autogen/}.
 * </ul>
 */
public final class CatalogCache {

  /** The file name suffix of entries. */
  static final String SUFFIX = ".bin";

  /** How many entries of one kind are kept. */
  static final int KEEP_PER_KIND = 8;

  /** The first two words of every header: the magic word and the format version. */
  private static final String FORMAT = "autogen-cache 2";

  /** Longest header read; a longer first line is not a header. */
  private static final int MAX_HEADER = 1024;


  private final Path directory;
  private final String version;

  private CatalogCache(Path directory, String version) {
    this.directory = directory;
    this.version = version;
  }

  /**
   * @param directory where entries live; created on the first write
   * @param version the version of autogen that reads and writes the entries, see {@link
   *     AutogenBuild#identity()}; never null
   * @return a cache in that directory
   * @throws NullPointerException when an argument is null
   */
  public static CatalogCache in(Path directory, String version) {
    return new CatalogCache(Objects.requireNonNull(directory, "directory"), Objects.requireNonNull(version, "version"));
  }

  /** @return a cache that stores nothing and computes every value ({@code --no-cache}) */
  public static CatalogCache off() {
    return new CatalogCache(null, "");
  }

  /** @return false for {@link #off()}: nothing is read or kept, replay snapshots included */
  public boolean isOn() {
    return directory != null;
  }

  /** @return where entries live; empty for {@link #off()} */
  public Optional<Path> directory() {
    return Optional.ofNullable(directory);
  }

  /**
   * @param kind what the entries hold, a lower-case word
   * @return a hasher for a key of that kind, already holding the cache format and autogen's version
   */
  public KeyHasher key(String kind) {
    return new KeyHasher(kind).text("format", FORMAT).text("autogen", version);
  }

  /**
   * Returns the cached catalog or computes and stores it.
   *
   * @param key computes the key; called only when the cache is on; may return null when the value
   *     must not be cached this time (something it depends on cannot be identified); when it throws
   *     {@link UncheckedIOException} (an input cannot be read) the value is computed and not cached,
   *     so that the computation reports the problem in its own terms
   * @param compute computes the catalog on a miss; its exceptions propagate and nothing is stored
   * @return the catalog, noted {@code cache hit}, {@code cache miss}, {@code cache off} or {@code not
   *     cached}
   */
  public Noted<Catalog> get(Supplier<CacheKey> key, Supplier<Catalog> compute) {
    return cached(key, compute, c -> true, CatalogCache::deserialize, this::write);
  }

  /**
   * @param key the entry's key
   * @return the entry's catalog, or empty when there is no valid entry (an invalid one is deleted);
   *     empty when the cache is off
   */
  Optional<Catalog> read(CacheKey key) {
    return read(key, CatalogCache::deserialize);
  }

  /**
   * Returns a cached text (e.g. a resolved class path) or computes and stores it: the same entries,
   * keys and rules as catalogs, with a UTF-8 payload.
   *
   * @param key computes the key, as in {@link #get}
   * @param compute computes the text on a miss; its exceptions propagate and nothing is stored
   * @param valid whether a cached text still holds (e.g. the files it names exist); an invalid entry is
   *     a miss and is replaced
   * @return the text, noted as in {@link #get}
   */
  public Noted<String> text(Supplier<CacheKey> key, Supplier<String> compute, java.util.function.Predicate<String> valid) {
    return cached(key, compute, valid, payload -> Optional.of(new String(payload, StandardCharsets.UTF_8)),
        (k, text) -> write(k, text.getBytes(StandardCharsets.UTF_8)));
  }

  private <T> Noted<T> cached(Supplier<CacheKey> key, Supplier<T> compute, java.util.function.Predicate<T> valid,
      java.util.function.Function<byte[], Optional<T>> decode, java.util.function.BiConsumer<CacheKey, T> write) {
    if (directory == null) {
      return new Noted<>(compute.get(), "cache off");
    }
    CacheKey k;
    try {
      k = key.get();
    } catch (UncheckedIOException e) {
      k = null;
    }
    if (k == null) {
      return new Noted<>(compute.get(), "not cached");
    }
    Optional<T> cached = read(k, decode);
    if (cached.isPresent() && valid.test(cached.get())) {
      return new Noted<>(cached.get(), "cache hit");
    }
    T computed = compute.get();
    write.accept(k, computed);
    return new Noted<>(computed, "cache miss");
  }

  private <T> Optional<T> read(CacheKey key, java.util.function.Function<byte[], Optional<T>> decode) {
    if (directory == null) {
      return Optional.empty();
    }
    Path file = directory.resolve(key.fileName());
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return Optional.empty(); // none (NoSuchFileException), or unreadable: a miss either way
    }
    Optional<T> catalog = payload(key, bytes).flatMap(decode);
    try {
      if (catalog.isPresent()) {
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
      } else {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // another process may have replaced or pruned it; the value read is still whole
    }
    return catalog;
  }

  /**
   * Stores a catalog atomically, then prunes the kind's oldest entries. Never throws: a cache that
   * cannot be written costs time, not correctness.
   *
   * @param key the entry's key
   * @param catalog the catalog
   */
  void write(CacheKey key, Catalog catalog) {
    if (directory == null) {
      return;
    }
    byte[] payload;
    try {
      payload = serialize(catalog);
    } catch (IOException | RuntimeException e) {
      System.err.println("autogen: warning: could not write a cache entry in " + directory + " (" + e
          + "); pass --no-cache or another --cache-dir to stop this message");
      return;
    }
    write(key, payload);
  }

  private void write(CacheKey key, byte[] payload) {
    if (directory == null) {
      return;
    }
    try {
      Files.createDirectories(directory);
      ignoreInGit();
      byte[] header = (prefix(key) + payload.length + " " + Long.toHexString(crc(payload, 0, payload.length)) + "\n")
          .getBytes(StandardCharsets.UTF_8);
      Path temporary = Files.createTempFile(directory, key.kind() + "-", ".tmp");
      try {
        try (OutputStream out = Files.newOutputStream(temporary)) {
          out.write(header);
          out.write(payload);
        }
        moveIntoPlace(temporary, directory.resolve(key.fileName()));
      } finally {
        Files.deleteIfExists(temporary);
      }
      prune(key.kind());
    } catch (IOException | RuntimeException e) {
      System.err.println("autogen: warning: could not write a cache entry in " + directory + " (" + e
          + "); pass --no-cache or another --cache-dir to stop this message");
    }
  }

  private String prefix(CacheKey key) {
    return FORMAT + " " + version + " " + key.kind() + " " + key.hash() + " ";
  }

  /** @return the payload of an entry whose header, length and checksum match the key, else empty */
  private Optional<byte[]> payload(CacheKey key, byte[] bytes) {
    int newline = -1;
    for (int i = 0; i < Math.min(bytes.length, MAX_HEADER); i++) {
      if (bytes[i] == '\n') {
        newline = i;
        break;
      }
    }
    if (newline < 0) {
      return Optional.empty();
    }
    String header = new String(bytes, 0, newline, StandardCharsets.UTF_8);
    String prefix = prefix(key);
    if (!header.startsWith(prefix)) {
      return Optional.empty();
    }
    String[] check = header.substring(prefix.length()).split(" ");
    int offset = newline + 1;
    int length = bytes.length - offset;
    try {
      if (check.length != 2 || Integer.parseInt(check[0]) != length
          || Long.parseLong(check[1], 16) != crc(bytes, offset, length)) {
        return Optional.empty();
      }
      return Optional.of(java.util.Arrays.copyOfRange(bytes, offset, bytes.length));
    } catch (RuntimeException e) {
      return Optional.empty(); // NumberFormatException
    }
  }

  private static Optional<Catalog> deserialize(byte[] payload) {
    return CatalogCodec.decode(payload);
  }

  private static byte[] serialize(Catalog catalog) throws IOException {
    return CatalogCodec.encode(catalog);
  }

  private static long crc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return crc.getValue();
  }

  private static void moveIntoPlace(Path temporary, Path target) throws IOException {
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void ignoreInGit() throws IOException {
    Path gitignore = directory.resolve(".gitignore");
    if (!Files.exists(gitignore)) {
      Files.writeString(gitignore, "# autogen's cache: local to this machine, never committed\n*\n");
    }
  }

  private void prune(String kind) throws IOException {
    List<Path> entries;
    try (Stream<Path> files = Files.list(directory)) {
      entries = files.filter(p -> {
        String name = p.getFileName().toString();
        return name.startsWith(kind + "-") && name.endsWith(SUFFIX);
      }).sorted(Comparator.comparing(CatalogCache::modified).reversed()).toList();
    }
    for (Path old : entries.subList(Math.min(KEEP_PER_KIND, entries.size()), entries.size())) {
      Files.deleteIfExists(old);
    }
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }
}
