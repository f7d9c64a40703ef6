package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code autogen status} (issue 11, #4) through the command line, on the bookstore's migrations applied
 * with Flyway to real test databases: at head, one pending, a failed entry, an edited applied file, a
 * column added by hand, and the directory alone. The live database is never written: its history rows
 * are counted before and after.
 */
class StatusTest {

  /** @return the bookstore's V1..V3 in a fresh directory */
  private static Path bookstore(Path dir) throws IOException {
    Path m = Files.createDirectories(dir.resolve("migrations"));
    List<String> names = Bookstore.migrationNames(Bookstore.LATEST);
    for (int v = 1; v <= names.size(); v++) {
      Files.writeString(m.resolve(names.get(v - 1)), Bookstore.migrationSql(v));
    }
    return m;
  }

  /** @return status of that directory against that database, the test server as dev server */
  private static String[] status(Path migrations, TestDatabase db, String... more) {
    List<String> all = new ArrayList<>(List.of("status", "--migrations", migrations.toString(),
        "--url", db.url(), "--user", TestDatabase.user(), "--dev-url", TestDatabase.adminUrl()));
    all.addAll(Arrays.asList(more));
    return all.toArray(String[]::new);
  }

  private static void migrate(TestDatabase db, Path migrations, String target) {
    TestFlyway.configure(db, migrations).target(MigrationVersion.fromVersion(target)).load().migrate();
  }

  private static long historyRows(TestDatabase db) throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select count(*) from flyway_schema_history")) {
      r.next();
      return r.getLong(1);
    }
  }

  @Test
  void aDatabaseAtHeadWithoutDriftExitsZeroOnTheEmbeddedDevServer(@TempDir Path dir) throws Exception {
    Path m = bookstore(dir);
    try (TestDatabase db = TestDatabase.create("status_head")) {
      migrate(db, m, "3");
      long before = historyRows(db);
      // no --dev-url: the replay runs on the embedded PostgreSQL
      Cli.Result head = Cli.run("status", "--migrations", m.toString(), "--url", db.url(),
          "--user", TestDatabase.user());
      assertThat(head.code()).as(head.out() + head.err()).isZero();
      assertThat(head.out()).contains("Head: 3 (V3__bookstore_v3.sql)", "Current: 3 (V3__bookstore_v3.sql)",
          "Drift: none, the live schema is exactly what the history builds (replayed up to 3 (V3__bookstore_v3.sql))",
          "Status: at head, no drift").doesNotContain("Pending:");
      assertThat(historyRows(db)).isEqualTo(before);

      Cli.Result json = Cli.run(status(m, db, "--format", "json"));
      assertThat(json.code()).as(json.out() + json.err()).isZero();
      JsonNode root = new ObjectMapper().readTree(json.out());
      assertThat(root.get("formatVersion").asInt()).isEqualTo(1);
      assertThat(root.get("ok").asBoolean()).isTrue();
      assertThat(root.at("/database/current/version").asText()).isEqualTo("3");
      assertThat(root.at("/database/atHead").asBoolean()).isTrue();
      assertThat(root.at("/database/drift/outcome").asText()).isEqualTo("none");
      assertThat(root.at("/migrations/2/state").asText()).isEqualTo("Success");
    }
  }

  @Test
  void aPendingMigrationIsNamedAndExitsOne(@TempDir Path dir) throws Exception {
    Path m = bookstore(dir);
    try (TestDatabase db = TestDatabase.create("status_pending")) {
      migrate(db, m, "2");
      Cli.Result behind = Cli.run(status(m, db));
      assertThat(behind.code()).as(behind.out() + behind.err()).isEqualTo(ExitCode.DRIFT);
      assertThat(behind.out()).contains("Current: 2 (V2__bookstore_v2.sql)", "Pending: 3 (V3__bookstore_v3.sql)",
          "Drift: none", "Status: 1 pending migration");
      assertThat(behind.out()).containsPattern("V3__bookstore_v3\\.sql +bookstore v3 +\\[Pending\\]");

      JsonNode root = new ObjectMapper().readTree(Cli.run(status(m, db, "--format", "json")).out());
      assertThat(root.at("/database/pending/0/script").asText()).isEqualTo("V3__bookstore_v3.sql");
      assertThat(root.at("/database/atHead").asBoolean()).isFalse();
    }
  }

  @Test
  void aFailedEntryIsReported(@TempDir Path dir) throws Exception {
    Path m = bookstore(dir);
    try (TestDatabase db = TestDatabase.create("status_failed")) {
      migrate(db, m, "3");
      // outside a transaction, Flyway records the failure in its history (success = false)
      Files.writeString(m.resolve("V4__broken.sql"), "create table broken_one (id integer);\nselect 1/0;\n");
      Files.writeString(m.resolve("V4__broken.sql.conf"), "executeInTransaction=false\n");
      try {
        migrate(db, m, "4");
      } catch (FlywayException expected) {
        // the entry is recorded as failed
      }
      Cli.Result failed = Cli.run(status(m, db));
      assertThat(failed.code()).as(failed.out() + failed.err()).isEqualTo(ExitCode.DRIFT);
      assertThat(failed.out()).contains("Current: 3 (V3__bookstore_v3.sql)", "Failed: 4 (V4__broken.sql)",
          "failed entr");
      assertThat(failed.out()).containsPattern("V4__broken\\.sql +broken +\\[non-transactional\\]  \\[Failed\\]");
    }
  }

  @Test
  void anAppliedFileEditedAfterwardsIsAChecksumMismatch(@TempDir Path dir) throws Exception {
    Path m = bookstore(dir);
    try (TestDatabase db = TestDatabase.create("status_checksum")) {
      migrate(db, m, "3");
      Path v2 = m.resolve("V2__bookstore_v2.sql");
      Files.writeString(v2, Files.readString(v2) + "\n-- edited after it was applied\n");
      Cli.Result edited = Cli.run(status(m, db));
      assertThat(edited.code()).as(edited.out() + edited.err()).isEqualTo(ExitCode.DRIFT);
      assertThat(edited.out()).contains("Checksum mismatch: 2 (V2__bookstore_v2.sql): the history records ",
          "Status: 1 checksum mismatch").doesNotContain("Checksum mismatch: 1 ").doesNotContain("Checksum mismatch: 3 ");
    }
  }

  @Test
  void aColumnAddedByHandIsDriftFromTheHistory(@TempDir Path dir) throws Exception {
    Path m = bookstore(dir);
    try (TestDatabase db = TestDatabase.create("status_drift")) {
      migrate(db, m, "3");
      db.execute("alter table customer add column nickname text");
      Cli.Result drift = Cli.run(status(m, db));
      assertThat(drift.code()).as(drift.out() + drift.err()).isEqualTo(ExitCode.DRIFT);
      assertThat(drift.out()).contains("Drift: column public.customer.nickname: missing in the replayed history, "
          + "present in the live database (replayed up to 3 (V3__bookstore_v3.sql))", "Status: schema drift from the history");
      assertThat(drift.out()).doesNotContain("Pending:");
    }
  }

  @Test
  void withoutAUrlTheHeadAndHistoryAreListed(@TempDir Path dir) throws Exception {
    Path m = bookstore(dir);
    Files.writeString(m.resolve("U3__bookstore_v3.sql"), "-- undoes V3\n");
    Files.writeString(m.resolve("V4__add_index.sql"), "create index concurrently ix_customer_email on customer (email);\n");
    Files.writeString(m.resolve("V4__add_index.sql.conf"), "executeInTransaction=false\n");
    Cli.Result listed = Cli.run("status", "--migrations", m.toString());
    assertThat(listed.code()).as(listed.out() + listed.err()).isZero();
    assertThat(listed.out()).contains("Head: 4 (V4__add_index.sql)", "Status: ok, 4 migrations, no version conflict");
    assertThat(listed.out().lines().filter(l -> l.startsWith("  ")).toList()).containsExactly(
        "  1  V1__create_bookstore.sql  create bookstore",
        "  2  V2__bookstore_v2.sql      bookstore v2",
        "  3  V3__bookstore_v3.sql      bookstore v3      [undo U3__bookstore_v3.sql]",
        "  4  V4__add_index.sql         add index         [non-transactional]");

    Files.writeString(m.resolve("V4__seed.sql"), "select 1;\n");
    Cli.Result conflict = Cli.run("status", "--migrations", m.toString());
    assertThat(conflict.code()).as(conflict.out() + conflict.err()).isEqualTo(ExitCode.DRIFT);
    assertThat(conflict.out()).contains("Warning: Version conflict: V4__add_index.sql and V4__seed.sql share version 4",
        "Status: 1 version conflict");
  }

  @Test
  void anUnreachableDatabaseExitsThree(@TempDir Path dir) throws Exception {
    Path m = bookstore(dir);
    Cli.Result down = Cli.run("status", "--migrations", m.toString(), "--url", "jdbc:postgresql://127.0.0.1:1/nothing",
        "--user", TestDatabase.user());
    assertThat(down.code()).as(down.out() + down.err()).isEqualTo(ExitCode.DATABASE);
    assertThat(down.err()).doesNotContain("\tat ");
  }
}
