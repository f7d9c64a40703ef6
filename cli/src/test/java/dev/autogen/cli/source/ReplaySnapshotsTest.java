package dev.autogen.cli.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.cli.cache.CatalogCache;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.introspect.IntrospectOptions;
import dev.autogen.model.Catalog;
import dev.autogen.model.QualifiedName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental replay on a real dev server (the local PostgreSQL, as {@code --dev-url}): the head of each
 * replay is kept as a snapshot database, the next replay copies the longest prefix it can and applies
 * only the rest, an edited earlier migration never reuses a state it changed, and the server keeps at
 * most {@link CurrentSchema#SNAPSHOTS_KEPT}.
 */
class ReplaySnapshotsTest {

  @TempDir Path dir;

  private final DatabaseLogin admin = new DatabaseLogin(TestDatabase.adminUrl(), TestDatabase.user(), null);

  /** In every migration file name of this test: its snapshots are those whose last migration has it. */
  private final String token = "t" + System.nanoTime();

  @AfterEach
  void dropTheSnapshotsMade() throws Exception {
    try (Connection c = DriverManager.getConnection(admin.url(), admin.user(), admin.password())) {
      for (ReplaySnapshots.Snapshot s : ours()) {
        c.createStatement().execute("drop database if exists " + s.database() + " with (force)");
      }
    }
  }

  private Path write(Path migrations, int version, String sql) throws Exception {
    return Files.writeString(migrations.resolve("V" + version + "__" + token + "_" + version + ".sql"), sql);
  }

  private Path migrations() throws Exception {
    return Files.createDirectories(dir.resolve("db/migration"));
  }

  private Catalog replay(Path migrations, CatalogCache cache) {
    return new CurrentSchema(null, admin.url(), admin.user(), null,
        new FlywayMigrations(migrations, List.of()), null, IntrospectOptions.defaults()).read(cache).value();
  }

  /** A fresh cache each time: the replayed-catalog cache would otherwise answer without a replay. */
  private CatalogCache freshCache() throws Exception {
    return CatalogCache.in(Files.createTempDirectory(dir, "cache"), "test-build");
  }

  private List<ReplaySnapshots.Snapshot> ours() {
    return new ReplaySnapshots(admin, CurrentSchema.SNAPSHOTS_KEPT).list().stream()
        .filter(s -> s.last() != null && s.last().contains(token)).toList();
  }

  private String installedOn(String database, String version) throws Exception {
    try (Connection c = DriverManager.getConnection(admin.withDatabase(database).url(), admin.user(), null);
        ResultSet rows = c.createStatement().executeQuery(
            "select installed_on from flyway_schema_history where version = '" + version + "'")) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  @Test
  void aNewMigrationIsAppliedOnACopyOfThePreviousHead() throws Exception {
    String table = "snap_a_" + System.nanoTime();
    Path migrations = migrations();
    write(migrations, 1, "create table " + table + " (id bigint primary key);");
    write(migrations, 2, "alter table " + table + " add column two text;");
    replay(migrations, freshCache());
    assertThat(ours()).singleElement().satisfies(s -> {
      assertThat(s.migrations()).isEqualTo(2);
      assertThat(s.last()).isEqualTo("V2__" + token + "_2.sql");
    });
    String v1First = installedOn(ours().get(0).database(), "1");

    Thread.sleep(1100);  // installed_on has second resolution in what is compared below
    write(migrations, 3, "alter table " + table + " add column three text;");
    Catalog catalog = replay(migrations, freshCache());

    assertThat(catalog.table(new QualifiedName("public", table)).orElseThrow().column("three")).isPresent();
    ReplaySnapshots.Snapshot head = ours().stream().filter(s -> s.migrations() == 3).findFirst().orElseThrow();
    // V1 was not applied again: the new head holds the row the first replay wrote
    assertThat(installedOn(head.database(), "1")).isEqualTo(v1First);
  }

  @Test
  void anEditedEarlierMigrationIsReplayedFromItsChangeNotFromAStaleState() throws Exception {
    String table = "snap_b_" + System.nanoTime();
    Path migrations = migrations();
    write(migrations, 1, "create table " + table + " (id bigint primary key);");
    write(migrations, 2, "alter table " + table + " add column two text;");
    replay(migrations, freshCache());

    write(migrations, 1, "create table " + table + " (id bigint primary key, one int);");
    Catalog catalog = replay(migrations, freshCache());

    assertThat(catalog.table(new QualifiedName("public", table)).orElseThrow().column("one")).isPresent();
    assertThat(ours()).hasSize(2);
  }

  @Test
  void theServerKeepsTheMostRecentlyUsedSnapshotsAndNoneWithoutTheCache() throws Exception {
    String table = "snap_c_" + System.nanoTime();
    Path migrations = migrations();
    write(migrations, 1, "create table " + table + " (id bigint primary key);");
    replay(migrations, CatalogCache.off());
    assertThat(ours()).as("--no-cache keeps nothing").isEmpty();

    for (int v = 2; v <= CurrentSchema.SNAPSHOTS_KEPT + 2; v++) {
      write(migrations, v, "alter table " + table + " add column c" + v + " text;");
      replay(migrations, freshCache());
    }

    assertThat(ours()).hasSizeLessThanOrEqualTo(CurrentSchema.SNAPSHOTS_KEPT)
        .extracting(ReplaySnapshots.Snapshot::migrations).contains(CurrentSchema.SNAPSHOTS_KEPT + 2);
  }
}
