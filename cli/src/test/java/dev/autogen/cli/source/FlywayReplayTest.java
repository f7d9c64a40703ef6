package dev.autogen.cli.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.cli.AutogenException;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import dev.autogen.introspect.IntrospectOptions;
import dev.autogen.introspect.PostgresIntrospector;
import dev.autogen.model.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay's migration group gives what Flyway's own one-migration-at-a-time {@code migrate} gives,
 * callbacks and placeholders included, and a history that one transaction cannot hold still replays,
 * as Flyway applies it.
 */
class FlywayReplayTest {

  private static final String SERVER = TestDatabase.adminUrl();

  @Test
  void groupedReplayGivesFlywaysOwnCatalogAndRunsCallbacksPerMigration(@TempDir Path dir) throws Exception {
    for (int v = 1; v <= Bookstore.LATEST; v++) {
      Files.writeString(dir.resolve("V" + v + "__bookstore_" + v + ".sql"), Bookstore.migrationSql(v));
    }
    Files.writeString(dir.resolve("V9__placeholder.sql"), "create table placed (id int);\n"
        + "comment on table placed is '${flyway:filename}';\n");
    Files.writeString(dir.resolve("beforeMigrate.sql"), "create table if not exists callback_log (n int);\n");
    Files.writeString(dir.resolve("afterEachMigrate.sql"), "insert into callback_log values (1);\n");
    FlywayMigrations migrations = new FlywayMigrations(dir, List.of());

    try (TestDatabase exact = TestDatabase.create("replay_exact");
        TestDatabase grouped = TestDatabase.create("replay_grouped")) {
      int exactCount = migrations.migrate(login(exact));
      int groupedCount = migrations.migrateGrouped(login(grouped));

      assertThat(groupedCount).isEqualTo(exactCount).isEqualTo(Bookstore.LATEST + 1);
      assertThat(catalog(grouped)).isEqualTo(catalog(exact));
      assertThat(single(grouped, "select count(*) from callback_log")).isEqualTo(String.valueOf(exactCount));
      assertThat(single(grouped, "select obj_description('placed'::regclass)")).isEqualTo("V9__placeholder.sql");
    }
  }

  @Test
  void enumValueUsedByALaterMigrationReplaysAsFlywayAppliesIt(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("V1__mood.sql"), "create type mood as enum ('calm');\n");
    Files.writeString(dir.resolve("V2__glad.sql"), "alter type mood add value 'glad';\n");
    Files.writeString(dir.resolve("V3__person.sql"),
        "create table person (id bigint primary key, m mood not null default 'glad');\n");
    FlywayMigrations migrations = new FlywayMigrations(dir, List.of());

    try (TestDatabase grouped = TestDatabase.create("replay_enum")) {
      // PostgreSQL refuses a new enum value in the transaction that added it: one group cannot hold this
      assertThatThrownBy(() -> migrations.migrateGrouped(login(grouped)))
          .isInstanceOf(AutogenException.class).rootCause().hasMessageContaining("unsafe use of new value");
    }
    try (DevServer server = DevServer.resolve(SERVER, TestDatabase.user(), TestDatabase.password());
        ScratchDatabase replayed = FlywayReplay.apply(migrations, () -> ScratchDatabase.create(server), new ReplayTrace())) {
      assertThat(single(replayed.login(), "select column_default from information_schema.columns"
          + " where table_name = 'person' and column_name = 'm'")).isEqualTo("'glad'::mood");
      assertThat(single(replayed.login(), "select count(*) from flyway_schema_history where success")).isEqualTo("3");
    }
  }

  @Test
  void nonTransactionalMigrationAmongTransactionalOnesReplays(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("V1__item.sql"), "create table item (id bigint primary key, name text);\n");
    Files.writeString(dir.resolve("V2__item_name.sql"), "create index concurrently item_name on item (name);\n");
    Files.writeString(dir.resolve("V3__tag.sql"), "create table tag (id bigint primary key);\n");
    FlywayMigrations migrations = new FlywayMigrations(dir, List.of());

    try (TestDatabase grouped = TestDatabase.create("replay_mixed")) {
      // Flyway (mixed=false) refuses a group of transactional and non-transactional migrations
      assertThatThrownBy(() -> migrations.migrateGrouped(login(grouped))).isInstanceOf(AutogenException.class);
    }
    try (DevServer server = DevServer.resolve(SERVER, TestDatabase.user(), TestDatabase.password());
        ScratchDatabase replayed = FlywayReplay.apply(migrations, () -> ScratchDatabase.create(server), new ReplayTrace())) {
      assertThat(single(replayed.login(), "select count(*) from pg_indexes where indexname = 'item_name'"))
          .isEqualTo("1");
      assertThat(single(replayed.login(), "select count(*) from pg_tables where tablename = 'tag'")).isEqualTo("1");
    }
  }

  @Test
  void failingMigrationIsReportedWithFlywaysMessage(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("V1__ok.sql"), "create table ok (id int);\n");
    Files.writeString(dir.resolve("V2__broken.sql"), "create table broken (id no_such_type);\n");
    FlywayMigrations migrations = new FlywayMigrations(dir, List.of());

    try (DevServer server = DevServer.resolve(SERVER, TestDatabase.user(), TestDatabase.password())) {
      assertThatThrownBy(() -> FlywayReplay.apply(migrations, () -> ScratchDatabase.create(server), new ReplayTrace()))
          .isInstanceOf(AutogenException.class)
          .hasMessageContaining("V2__broken.sql")
          .hasMessageNotContaining("as one group")
          .rootCause().hasMessageContaining("no_such_type");
    }
  }

  private static DatabaseLogin login(TestDatabase db) {
    return new DatabaseLogin(db.url(), TestDatabase.user(), TestDatabase.password());
  }

  private static Catalog catalog(TestDatabase db) {
    return new PostgresIntrospector(db.url(), TestDatabase.user(), TestDatabase.password(),
        IntrospectOptions.defaults()).read();
  }

  private static String single(TestDatabase db, String sql) throws SQLException {
    return single(login(db), sql);
  }

  private static String single(DatabaseLogin login, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(login.url(), login.user(), login.password());
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      assertThat(r.next()).as(sql).isTrue();
      return r.getString(1);
    }
  }
}
