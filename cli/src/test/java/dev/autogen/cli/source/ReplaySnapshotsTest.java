package dev.autogen.cli.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.autogen.cli.cache.CatalogCache;
import dev.autogen.cli.cache.Noted;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental replay on a real dev server (the local PostgreSQL, as {@code --dev-url}): the head of each
 * replay is kept as a snapshot database, and the state before the newest migration as a checkpoint; the
 * next replay copies the longest prefix it can and applies only the rest, an edited earlier migration
 * never reuses a state it changed, a directory with repeatable migrations or per-run callbacks replays from
 * nothing, and the server keeps at most {@link CurrentSchema#SNAPSHOTS_KEPT}.
 */
class ReplaySnapshotsTest {

  @TempDir Path dir;

  /** The server's own login, which makes and drops each test's role. */
  private final DatabaseLogin server = new DatabaseLogin(TestDatabase.adminUrl(), TestDatabase.user(), null);

  /**
   * A role of this test's own: snapshots are per role, and the tests running beside this one (with the
   * server's role) would otherwise count towards the snapshots kept, and evict this test's.
   */
  private final String role = "autogen_snaptest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  private final DatabaseLogin admin = new DatabaseLogin(TestDatabase.adminUrl(), role, null);

  /** In every migration file name of this test: its snapshots are those whose last migration has it. */
  private final String token = "t" + System.nanoTime();

  @BeforeEach
  void createTheRole() {
    ScratchDatabase.execute(server, "create role " + role + " login createdb");
  }

  @AfterEach
  void dropTheSnapshotsAndTheRole() {
    new ReplaySnapshots(admin, CurrentSchema.SNAPSHOTS_KEPT).prune();
    ScratchDatabase.execute(server, "drop role " + role);
  }

  private Path write(Path migrations, int version, String sql) throws Exception {
    return Files.writeString(migrations.resolve("V" + version + "__" + token + "_" + version + ".sql"), sql);
  }

  private Path migrations() throws Exception {
    return Files.createDirectories(dir.resolve("db/migration"));
  }

  private Catalog replay(Path migrations, CatalogCache cache) {
    return replayNoted(migrations, cache).value();
  }

  /** @return the replayed catalog, noted with what the replay did ({@link ReplayTrace}) */
  private Noted<Catalog> replayNoted(Path migrations, CatalogCache cache) {
    return new CurrentSchema(null, admin.url(), admin.user(), null,
        new FlywayMigrations(migrations, List.of()), null, IntrospectOptions.defaults()).read(cache);
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
    try (Connection c = DriverManager.getConnection(admin.withDatabase(database).url(), server.user(), null);
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
    // the head, and the checkpoint before the newest migration
    assertThat(ours()).extracting(ReplaySnapshots.Snapshot::migrations, ReplaySnapshots.Snapshot::last)
        .containsExactlyInAnyOrder(tuple(2, "V2__" + token + "_2.sql"), tuple(1, "V1__" + token + "_1.sql"));
    String v1First = installedOn(ours().stream().filter(s -> s.migrations() == 2).findFirst().orElseThrow()
        .database(), "1");

    Thread.sleep(1100);  // installed_on has second resolution in what is compared below
    write(migrations, 3, "alter table " + table + " add column three text;");
    Noted<Catalog> replayed = replayNoted(migrations, freshCache());

    assertThat(replayed.note()).contains("from a snapshot of 2 migrations, 1 applied");
    assertThat(replayed.value().table(new QualifiedName("public", table)).orElseThrow().column("three")).isPresent();
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
    Noted<Catalog> edited = replayNoted(migrations, freshCache());

    assertThat(edited.note()).contains("from an empty database, 2 applied");
    assertThat(edited.value().table(new QualifiedName("public", table)).orElseThrow().column("one")).isPresent();
  }

  @Test
  void editingTheNewestMigrationReplaysOnlyIt() throws Exception {
    String table = "snap_d_" + System.nanoTime();
    Path migrations = migrations();
    write(migrations, 1, "create table " + table + " (id bigint primary key);");
    write(migrations, 2, "alter table " + table + " add column two text;");
    write(migrations, 3, "alter table " + table + " add column three text;");
    assertThat(replayNoted(migrations, freshCache()).note()).contains("from an empty database, 3 applied");

    write(migrations, 3, "alter table " + table + " add column three int;");
    Noted<Catalog> edited = replayNoted(migrations, freshCache());

    assertThat(edited.note()).contains("from a snapshot of 2 migrations, 1 applied");
    assertThat(edited.value().table(new QualifiedName("public", table)).orElseThrow().column("three")
        .orElseThrow().type().toString()).contains("int");
  }

  @Test
  void aRepeatableMigrationOrAPerRunCallbackKeepsTheReplayFromNothing() throws Exception {
    String table = "snap_e_" + System.nanoTime();
    Path migrations = migrations();
    write(migrations, 1, "create table " + table + " (id bigint primary key);");
    Files.writeString(migrations.resolve("R__" + token + "_view.sql"),
        "create or replace view " + table + "_v as select * from " + table + ";");
    Noted<Catalog> first = replayNoted(migrations, freshCache());
    write(migrations, 2, "alter table " + table + " add column two text;");
    Noted<Catalog> second = replayNoted(migrations, freshCache());

    // a snapshot of V1 would hold the view without the column V2 adds: Flyway runs R__ after V2 only from nothing
    assertThat(first.note()).contains("from an empty database: repeatable migration R__" + token + "_view.sql");
    assertThat(second.note()).contains("from an empty database: repeatable migration");
    assertThat(ours()).isEmpty();

    Files.delete(migrations.resolve("R__" + token + "_view.sql"));
    Files.writeString(migrations.resolve("afterMigrate__" + token + ".sql"), "select 1;");
    assertThat(replayNoted(migrations, freshCache()).note()).contains("from an empty database: callback afterMigrate__");
    Files.writeString(migrations.resolve("afterMigrate__" + token + ".sql"), "");
    Files.delete(migrations.resolve("afterMigrate__" + token + ".sql"));
    Files.writeString(migrations.resolve("beforeEachMigrate__" + token + ".sql"), "select 1;");
    assertThat(replayNoted(migrations, freshCache()).note()).as("a per-migration callback fires as it would")
        .contains("from an empty database, 2 applied");
    assertThat(ours()).isNotEmpty();
  }

  /** @return the catalog a Liquibase changelog replays to, noted with what the replay did */
  private Noted<Catalog> replayChangelog(Path root, CatalogCache cache) {
    return new CurrentSchema(null, admin.url(), admin.user(), null, null,
        new LiquibaseChangelog(root.toAbsolutePath(), "changelog.sql", "", ""), IntrospectOptions.defaults())
        .read(cache);
  }

  @Test
  void aLiquibaseChangelogReplaysOnlyTheChangesetsAfterTheLongestSnapshot() throws Exception {
    String table = "snap_l_" + System.nanoTime();
    Path root = Files.createDirectories(dir.resolve("liquibase"));
    Path changelog = root.resolve("changelog.sql");
    String two = "--liquibase formatted sql\n\n--changeset " + token + ":1\ncreate table " + table
        + " (id bigint primary key);\n\n--changeset " + token + ":2\nalter table " + table + " add column two text;\n";
    Files.writeString(changelog, two);
    assertThat(replayChangelog(root, freshCache()).note()).contains("from an empty database");
    assertThat(ours()).singleElement().satisfies(s -> assertThat(s.migrations()).isEqualTo(2));

    Files.writeString(changelog, two + "\n--changeset " + token + ":3\nalter table " + table
        + " add column three text;\n");
    Noted<Catalog> third = replayChangelog(root, freshCache());

    assertThat(third.note()).contains("from a snapshot of 2 changesets, 1 applied");
    assertThat(third.value().table(new QualifiedName("public", table)).orElseThrow().column("three")).isPresent();

    // a changeset that runs on every update would run again after a snapshot's: no snapshot then
    Files.writeString(changelog, two + "\n--changeset " + token + ":4 runAlways:true\nselect 1;\n");
    assertThat(replayChangelog(root, freshCache()).note())
        .contains("from an empty database: runAlways changeset changelog.sql::4::" + token);
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
