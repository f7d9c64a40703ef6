package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entity-model and replayed-schema caches, observed as a user sees them: through {@code
 * --timings} ({@code cache hit} / {@code cache miss}), the results of {@code check}, and the files in
 * {@code --cache-dir}. Each test has its own cache directory.
 */
class CacheTest {

  private static final Pattern TIMINGS = Pattern.compile(
      "timings: (?:jvm start-up \\d+ ms, )?entities \\d+ ms \\((?<entities>[^),]*), Hibernate [^)]*\\), "
          + "current schema \\d+ ms \\((?<current>[^)]*)\\), diff \\d+ ms, render \\d+ ms, other \\d+ ms, total \\d+ ms");

  @Test
  void secondReplayHitsBothCachesStartsNoServerAndAgrees(@TempDir Path migrations, @TempDir Path cache)
      throws IOException {
    Files.writeString(migrations.resolve("V1__create_bookstore.sql"), Bookstore.migrationSql(1));
    String role = "autogen_cache_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (TestDatabase admin = TestDatabase.create("cacherole")) {
      admin.execute("create role " + role + " login createdb");
      try {
        String[] args = {"check", "--timings", "--dev-url", TestDatabase.adminUrl(), "--user", role,
            "--classpath", Cli.fixturesClasspath(), "--packages", Bookstore.packageOf(2),
            "--migrations", migrations.toString(), "--cache-dir", cache.toString()};

        Cli.Result first = Cli.run(args);
        // the dev server now refuses scratch databases: only a replay cache hit can still succeed
        admin.execute("alter role " + role + " nocreatedb");
        Cli.Result second = Cli.run(args);
        Cli.Result uncached = Cli.run(Cli.command("--no-cache", args));

        assertThat(first.code()).as(first.err()).isEqualTo(ExitCode.DRIFT);
        assertThat(notes(first)).containsExactly("cache miss", "replay, cache miss");
        assertThat(second.code()).as(second.err()).isEqualTo(ExitCode.DRIFT);
        assertThat(notes(second)).containsExactly("cache hit", "replay, cache hit");
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(uncached.code()).as("the dev server is needed without the cache").isEqualTo(ExitCode.DATABASE);
        assertThat(entries(cache)).hasSize(2).anyMatch(n -> n.startsWith("entities-")).anyMatch(n -> n.startsWith("replay-"));
      } finally {
        // the replay snapshot the role's first run kept is its database: removed as a user removes it
        Cli.Result prune = Cli.run("dev-server", "prune", "--dev-url", TestDatabase.adminUrl(), "--user", role);
        assertThat(prune.out()).as(prune.err()).startsWith("Dropped 1 replay snapshot(s)");
        admin.execute("drop role " + role);
      }
    }
  }

  @Test
  void changingAMigrationMissesTheReplayCacheOnly(@TempDir Path migrations, @TempDir Path cache) throws IOException {
    Path v1 = migrations.resolve("V1__create_bookstore.sql");
    Files.writeString(v1, Bookstore.migrationSql(1));
    String[] args = replay(migrations, cache, 1);

    Cli.Result before = Cli.run(args);
    Files.writeString(v1, Bookstore.migrationSql(1) + "\ncreate table leftover (id integer primary key);\n");
    Cli.Result changed = Cli.run(args);

    assertThat(before.code()).as(before.out() + before.err()).isZero();
    assertThat(changed.code()).as(changed.err()).isEqualTo(ExitCode.DRIFT);
    assertThat(notes(changed)).containsExactly("cache hit", "replay, cache miss");
    assertThat(changed.out()).contains("leftover");
  }

  @Test
  void changingAClassFileMissesAndRewritingTheSameBytesHits(@TempDir Path sources, @TempDir Path classes,
      @TempDir Path cache) throws IOException {
    try (TestDatabase db = TestDatabase.create("cacheclass")) {
      db.execute("create table gadget (id bigint not null primary key, name varchar(255))");
      compileGadget(sources, classes, "String name;");
      String[] args = {"check", "--timings", "--url", db.url(), "--user", TestDatabase.user(),
          "--classpath", classes.toString(), "--packages", "cachetest", "--cache-dir", cache.toString()};

      Cli.Result first = Cli.run(args);
      Path gadget = classes.resolve("cachetest/Gadget.class");
      Files.write(gadget, Files.readAllBytes(gadget));
      Files.setLastModifiedTime(gadget, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
      Cli.Result rebuilt = Cli.run(args);
      compileGadget(sources, classes, "String name; String color;");
      Cli.Result changed = Cli.run(args);

      assertThat(first.code()).as(first.out() + first.err()).isZero();
      assertThat(notes(first)).containsExactly("cache miss", "live");
      assertThat(notes(rebuilt)).containsExactly("cache hit", "live");
      assertThat(rebuilt.code()).isZero();
      assertThat(notes(changed)).containsExactly("cache miss", "live");
      assertThat(changed.code()).as(changed.err()).isEqualTo(ExitCode.DRIFT);
      assertThat(changed.out()).contains("color");
      assertThat(entries(cache)).as("live mode never caches the database").allMatch(n -> n.startsWith("entities-"));
    }
  }

  @Test
  void corruptOrTruncatedEntriesAreMissesAndAreReplaced(@TempDir Path migrations, @TempDir Path cache)
      throws IOException {
    Files.writeString(migrations.resolve("V1__create_bookstore.sql"), Bookstore.migrationSql(1));
    String[] args = replay(migrations, cache, 2);
    Cli.Result first = Cli.run(args);
    Path entities = entry(cache, "entities-");
    Path replayed = entry(cache, "replay-");
    byte[] whole = Files.readAllBytes(entities);
    Files.write(entities, Arrays.copyOf(whole, whole.length / 2));
    byte[] flipped = Files.readAllBytes(replayed);
    flipped[flipped.length - 40] ^= 0x5a;
    Files.write(replayed, flipped);

    Cli.Result corrupt = Cli.run(args);
    Cli.Result after = Cli.run(args);

    assertThat(notes(corrupt)).containsExactly("cache miss", "replay, cache miss");
    assertThat(corrupt.code()).as(corrupt.err()).isEqualTo(first.code());
    assertThat(corrupt.out()).isEqualTo(first.out());
    assertThat(notes(after)).containsExactly("cache hit", "replay, cache hit");
    assertThat(Files.readAllBytes(entities)).isEqualTo(whole);
  }

  @Test
  void entriesOfAnotherVersionAreNotRead(@TempDir Path migrations, @TempDir Path cache) throws IOException {
    Files.writeString(migrations.resolve("V1__create_bookstore.sql"), Bookstore.migrationSql(1));
    String[] args = replay(migrations, cache, 2);
    Cli.Result first = Cli.run(args);
    List<String> headers = new ArrayList<>();
    for (String name : entries(cache)) {
      headers.add(forgeVersion(cache.resolve(name), "0.0.1-forged"));
    }

    Cli.Result forged = Cli.run(args);

    assertThat(headers).hasSize(2).allMatch(h -> h.startsWith("autogen-cache 2 " + VersionProvider.version()));
    assertThat(notes(forged)).containsExactly("cache miss", "replay, cache miss");
    assertThat(forged.out()).isEqualTo(first.out());
    for (String name : entries(cache)) {
      assertThat(header(cache.resolve(name))).doesNotContain("forged");
    }
  }

  @Test
  void noCacheWritesNothingAndTimingsAppearOnlyWhenAskedFor(@TempDir Path migrations, @TempDir Path dir)
      throws IOException {
    Files.writeString(migrations.resolve("V1__create_bookstore.sql"), Bookstore.migrationSql(1));
    Path cache = dir.resolve("cache");
    String[] args = replay(migrations, cache, 1);

    Cli.Result off = Cli.run(Cli.command("--no-cache", args));
    List<String> quiet = new ArrayList<>(Arrays.asList(args));
    quiet.remove("--timings");
    Cli.Result untimed = Cli.run(Cli.command("--no-cache", quiet.toArray(String[]::new)));

    assertThat(off.code()).as(off.out() + off.err()).isZero();
    assertThat(notes(off)).containsExactly("cache off", "replay, cache off");
    assertThat(cache).doesNotExist();
    assertThat(untimed.code()).isZero();
    assertThat(untimed.err()).doesNotContain("timings");
  }

  /** @return check in replay mode on the local server, bookstore entities of that version, timed */
  private static String[] replay(Path migrations, Path cache, int version) {
    return new String[] {"check", "--timings", "--dev-url", TestDatabase.adminUrl(), "--user", TestDatabase.user(),
        "--classpath", Cli.fixturesClasspath(), "--packages", Bookstore.packageOf(version),
        "--migrations", migrations.toString(), "--cache-dir", cache.toString()};
  }

  /**
   * @return the notes of the entities and current schema phases in the run's timings line; of the current
   *     schema's, the source and the cache's outcome (what a replay did follows a semicolon)
   */
  private static List<String> notes(Cli.Result result) {
    Matcher m = TIMINGS.matcher(result.err());
    assertThat(m.find()).as("a timings line in: " + result.err()).isTrue();
    return List.of(m.group("entities"), m.group("current").replaceFirst(";.*", ""));
  }

  private static List<String> entries(Path cache) throws IOException {
    try (Stream<Path> files = Files.list(cache)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bin")).sorted().toList();
    }
  }

  private static Path entry(Path cache, String prefix) throws IOException {
    List<String> names = entries(cache).stream().filter(n -> n.startsWith(prefix)).toList();
    assertThat(names).hasSize(1);
    return cache.resolve(names.get(0));
  }

  private static String header(Path entry) throws IOException {
    byte[] bytes = Files.readAllBytes(entry);
    int newline = 0;
    while (bytes[newline] != '\n') {
      newline++;
    }
    return new String(bytes, 0, newline, StandardCharsets.UTF_8);
  }

  /**
   * Rewrites the version in an entry's header ({@code autogen-cache 2 <version> ...}), leaving the
   * file name, the rest of the header and the payload as they are.
   *
   * @return the header before the change
   */
  private static String forgeVersion(Path entry, String version) throws IOException {
    byte[] bytes = Files.readAllBytes(entry);
    String header = header(entry);
    String[] words = header.split(" ");
    words[2] = version;
    byte[] forged = (String.join(" ", words) + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] payload = Arrays.copyOfRange(bytes, header.getBytes(StandardCharsets.UTF_8).length + 1, bytes.length);
    byte[] out = Arrays.copyOf(forged, forged.length + payload.length);
    System.arraycopy(payload, 0, out, forged.length, payload.length);
    Files.write(entry, out);
    return header;
  }

  /** Compiles {@code cachetest.Gadget}, an entity with an id and the given fields, into classes. */
  private static void compileGadget(Path sources, Path classes, String fields) throws IOException {
    Path source = sources.resolve("cachetest/Gadget.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "package cachetest;\n@jakarta.persistence.Entity\npublic class Gadget {\n"
        + "  @jakarta.persistence.Id Long id;\n  " + fields + "\n}\n");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int code = javac.run(null, null, null, "--release", "17", "-classpath", jarOf(Entity.class),
        "-d", classes.toString(), source.toString());
    assertThat(code).as("javac exit code").isZero();
  }

  private static String jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
