package dev.autogen.cli.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.model.Catalog;
import dev.autogen.model.Column;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.EnumType;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.Identity;
import dev.autogen.model.Index;
import dev.autogen.model.PrimaryKey;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.ReferentialAction;
import dev.autogen.model.Schema;
import dev.autogen.model.Sequence;
import dev.autogen.model.SqlType;
import dev.autogen.model.Table;
import dev.autogen.model.UniqueConstraint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache store on its own: round trip, what it refuses to deserialise, pruning. No database needed. */
class CatalogCacheTest {

  private static final String VERSION = "1.2.3";

  @Test
  void aCatalogComesBackEqualAndIsComputedOnce(@TempDir Path dir) {
    CatalogCache cache = CatalogCache.in(dir, VERSION);
    CacheKey key = cache.key("entities").text("input", "a").key();
    AtomicInteger computed = new AtomicInteger();

    Noted<Catalog> miss = cache.get(() -> key, () -> {
      computed.incrementAndGet();
      return catalog();
    });
    Noted<Catalog> hit = cache.get(() -> key, () -> {
      computed.incrementAndGet();
      return catalog();
    });

    assertThat(miss.note()).isEqualTo("cache miss");
    assertThat(hit.note()).isEqualTo("cache hit");
    assertThat(hit.value()).isEqualTo(catalog());
    assertThat(computed).hasValue(1);
    assertThat(dir.resolve(".gitignore")).content().contains("*");
  }

  @Test
  void keysDependOnEveryPartAndOnTheVersion(@TempDir Path dir) {
    CatalogCache cache = CatalogCache.in(dir, VERSION);

    assertThat(cache.key("entities").text("a", "bc").key())
        .isEqualTo(cache.key("entities").text("a", "bc").key())
        .isNotEqualTo(cache.key("entities").text("ab", "c").key())
        .isNotEqualTo(cache.key("entities").text("a", null).key())
        .isNotEqualTo(cache.key("replay").text("a", "bc").key())
        .isNotEqualTo(CatalogCache.in(dir, "1.2.4").key("entities").text("a", "bc").key());
  }

  @Test
  void aPayloadOtherThanTheModelIsRefusedAndDeleted(@TempDir Path dir) throws IOException {
    CatalogCache cache = CatalogCache.in(dir, VERSION);
    CacheKey outside = cache.key("entities").text("input", "outside the model").key();
    CacheKey notACatalog = cache.key("entities").text("input", "not a catalog").key();
    plant(dir, outside, new AtomicLong(42)); // a Java-serialized object: not the cache's encoding
    plant(dir, notACatalog, List.of("a", "b")); // nor a serialized list

    assertThat(cache.read(outside)).isEmpty();
    assertThat(cache.read(notACatalog)).isEmpty();
    assertThat(dir.resolve(outside.fileName())).doesNotExist();
    assertThat(dir.resolve(notACatalog.fileName())).doesNotExist();
  }

  @Test
  void aValidEntryUnderAnotherKeysNameIsNotRead(@TempDir Path dir) throws IOException {
    CatalogCache cache = CatalogCache.in(dir, VERSION);
    CacheKey written = cache.key("entities").text("input", "a").key();
    CacheKey other = cache.key("entities").text("input", "b").key();
    cache.write(written, catalog());
    Files.copy(dir.resolve(written.fileName()), dir.resolve(other.fileName()));

    assertThat(cache.read(other)).isEmpty();
    assertThat(cache.read(written)).contains(catalog());
  }

  @Test
  void eachKindKeepsItsMostRecentlyUsedEntries(@TempDir Path dir) throws IOException {
    CatalogCache cache = CatalogCache.in(dir, VERSION);
    CacheKey first = cache.key("entities").text("n", "0").key();
    cache.write(first, catalog());
    CacheKey replay = cache.key("replay").text("n", "0").key();
    cache.write(replay, catalog());
    long past = System.currentTimeMillis() - 3_600_000;
    Files.setLastModifiedTime(dir.resolve(replay.fileName()), FileTime.fromMillis(past));
    for (int i = 1; i <= CatalogCache.KEEP_PER_KIND + 2; i++) {
      Files.setLastModifiedTime(dir.resolve(first.fileName()), FileTime.fromMillis(past + i));
      cache.read(first); // a hit makes it the most recently used again
      CacheKey next = cache.key("entities").text("n", Integer.toString(i)).key();
      cache.write(next, catalog());
      Files.setLastModifiedTime(dir.resolve(next.fileName()), FileTime.fromMillis(past + i));
    }

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("entities-")))
          .hasSize(CatalogCache.KEEP_PER_KIND).contains(first.fileName());
    }
    assertThat(dir.resolve(replay.fileName())).as("other kinds are not pruned").exists();
  }

  @Test
  void offComputesEveryTimeAndWritesNothing(@TempDir Path dir) {
    CatalogCache off = CatalogCache.off();

    Noted<Catalog> result = off.get(() -> {
      throw new AssertionError("no key is computed when the cache is off");
    }, CatalogCacheTest::catalog);

    assertThat(result.note()).isEqualTo("cache off");
    assertThat(result.value()).isEqualTo(catalog());
  }

  /** Writes a well-formed entry (right header, length and checksum) holding any object, Java-serialized. */
  private static void plant(Path dir, CacheKey key, Object payload) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(payload);
    }
    byte[] body = bytes.toByteArray();
    CRC32C crc = new CRC32C();
    crc.update(body);
    String header = "autogen-cache 2 " + VERSION + " " + key.kind() + " " + key.hash() + " " + body.length + " "
        + Long.toHexString(crc.getValue()) + "\n";
    Files.createDirectories(dir);
    Files.write(dir.resolve(key.fileName()), concat(header.getBytes(StandardCharsets.UTF_8), body));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** A catalog that uses every kind of model value. */
  private static Catalog catalog() {
    Table author = new Table("author",
        List.of(new Column("id", SqlType.parse("bigint"), false, null, Identity.BY_DEFAULT, "key"),
            new Column("name", SqlType.parse("character varying(80)"), false, new DefaultExpr.Literal("'x'"), null, null),
            new Column("n", SqlType.parse("numeric(10,2)[]"), true, new DefaultExpr.NextValue("s", "nextval('s')", true), null, null),
            new Column("at", SqlType.parse("timestamptz"), true, new DefaultExpr.Expression("now()"), null, null)),
        new PrimaryKey("author_pkey", List.of("id")), List.of(), List.of(new UniqueConstraint("author_name_key", List.of("name"))),
        List.of(new dev.autogen.model.CheckConstraint("author_n_check", "n > 0")),
        List.of(new Index("author_at_idx", List.of("at"), false, "at is not null", "btree")), "authors");
    Table book = new Table("book",
        List.of(new Column("author_id", SqlType.parse("bigint"), false, null, null, null)),
        null, List.of(new ForeignKey("book_author_fk", List.of("author_id"), new QualifiedName("app", "author"),
            List.of("id"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION)),
        List.of(), List.of(), List.of(), null);
    return new Catalog(List.of(new Schema("app", List.of(author, book), List.of(new Sequence("s", 1, 1)),
        List.of(new EnumType("mood", List.of("sad", "ok"))))));
  }
}
