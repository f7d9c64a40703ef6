package dev.autogen.cli.online;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.codegen.flyway.FlywayFiles;
import dev.autogen.codegen.postgres.online.OnlineOptions;
import dev.autogen.diff.Backfill;
import dev.autogen.diff.Change;
import dev.autogen.diff.DiffOptions;
import dev.autogen.diff.Hazard;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.Catalog;
import dev.autogen.model.postgres.PostgresDialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The seeded scenario (a column dropped, another renamed, a varchar narrowed, a NOT NULL
 * column added with a backfill, an enum-backed check, an index and a foreign key added, a table
 * dropped) as an online plan, applied by Flyway's library on a populated PostgreSQL 15 while another
 * connection keeps inserting and updating rows as the older application version would.
 */
class OnlineSeededScenarioTest {

  static final String CURRENT = """
      create table author (id bigint primary key, name varchar(100) not null);
      create table book (
        id bigint primary key,
        title varchar(200) not null,
        subtitle varchar(200),
        legacy_code varchar(20),
        status varchar(20),
        author_id bigint,
        isbn varchar(40)
      );
      create table old_stats (id bigint primary key, hits integer);
      """;

  static final String TARGET = """
      create table author (id bigint primary key, name varchar(100) not null);
      create table book (
        id bigint primary key,
        title varchar(200) not null,
        tagline varchar(200),
        status varchar(20) constraint book_status_check check (status in ('DRAFT', 'PUBLISHED')),
        author_id bigint constraint book_author_id_fkey references author (id),
        isbn varchar(13),
        slug varchar(220) not null
      );
      create index book_author_id_idx on book (author_id);
      """;

  static final String SEED = """
      insert into author select g, 'author ' || g from generate_series(1, 100) g;
      insert into book select g, 'Title ' || g, 'sub ' || g, 'L' || g, case when g % 2 = 0 then 'DRAFT' else 'PUBLISHED' end,
        1 + g % 100, lpad(g::text, 13, '0') from generate_series(1, 20000) g;
      insert into old_stats select g, g from generate_series(1, 10) g;
      """;

  static final List<String> RENAMES = List.of("book.subtitle=tagline");

  static DiffOptions options() {
    return new DiffOptions(PostgresDialect.INSTANCE, RENAMES)
        .withFills(List.of(Backfill.parse("book.slug=lower(title) || '-' || id", "public")));
  }

  @Test
  void appliesWhileTheOldApplicationWritesAndConvergesAfterTheContractStep() throws Exception {
    Path dir = OnlinePlans.outputDirectory("seeded");
    try (TestDatabase db = TestDatabase.create("online_seeded"); TestDatabase want = TestDatabase.create("online_target")) {
      db.execute(CURRENT);
      db.execute(SEED);
      want.execute(TARGET);
      Catalog current = OnlinePlans.introspect(db);
      Catalog target = OnlinePlans.introspect(want);
      MigrationPlan plan = OnlinePlans.plan(current, target, options());
      assertThat(plan.diagnostics()).noneMatch(d -> d.hazard() == Hazard.NOT_NULL_NO_DEFAULT)
          .anyMatch(d -> d.hazard() == Hazard.DATA_DEPENDENT && d.message().contains("backfilled with"));

      OnlineOptions online = new OnlineOptions(true, Duration.ofSeconds(2), Duration.ZERO, options().fills(), 500);
      List<FlywayFiles> files = OnlinePlans.write(dir, "seeded changes", current, plan, online);
      assertThat(files).hasSize(3);
      assertThat(files.get(1).configs()).hasSize(2);
      assertThat(Files.readString(files.get(1).configs().get(0))).isEqualTo("executeInTransaction=false\n");
      assertThat(Files.readString(files.get(2).upgrade())).contains("CONTRACT STEP FOR A LATER RELEASE");
      Writer writer = new Writer(db);
      Thread thread = new Thread(writer);
      thread.start();
      try {
        Thread.sleep(300);
        OnlinePlans.migrate(db, dir, OnlinePlans.version(files.get(1).upgrade()));
        Thread.sleep(300);
      } finally {
        writer.running.set(false);
        thread.join();
      }
      System.out.printf("online seeded scenario: writer ran %d statements during the migrations, longest %d ms"
          + " (lock_timeout 2000 ms), %d errors%n", writer.statements.get(), writer.longestMillis.get(),
          writer.errors.get());
      assertThat(writer.errors.get()).as(writer.firstError.toString()).isZero();
      assertThat(writer.statements.get()).isGreaterThan(10);

      // before the contract step, only what it does is left
      // (the rename is done, both columns exist: re-diffs need no --rename and no --fill)
      DiffOptions plain = new DiffOptions(PostgresDialect.INSTANCE, List.of());
      List<Change> left = OnlinePlans.plan(OnlinePlans.introspect(db), target, plain).changes();
      assertThat(left).allMatch(c -> c instanceof Change.DropColumn || c instanceof Change.DropTable
          || c instanceof Change.AlterColumn a && a.aspects().equals(java.util.Set.of(Change.Aspect.TYPE)), left.toString());
      assertThat(count(db, "select count(*) from book where slug is null or tagline is distinct from subtitle")).isZero();

      OnlinePlans.migrate(db, dir, null);
      assertThat(OnlinePlans.plan(OnlinePlans.introspect(db), target, plain).changes()).isEmpty();
      assertThat(count(db, "select count(*) from book")).isGreaterThan(20000);

      // the undo files, last migration first, give back the schema it started with
      for (int i = files.size() - 1; i >= 0; i--) {
        OnlinePlans.undo(db, files.get(i));
      }
      assertThat(OnlinePlans.plan(OnlinePlans.introspect(db), current, plain).changes()).isEmpty();
      // last: without Squawk this aborts as skipped (a JUnit assumption), after everything else ran
      assertThat(Squawk.unaccounted(dir)).as("Squawk findings without an autogen hazard").isEmpty();
    }
  }

  static long count(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The older application: inserts books without the new columns and updates titles and subtitles. */
  static final class Writer implements Runnable {
    final AtomicBoolean running = new AtomicBoolean(true);
    final AtomicLong statements = new AtomicLong();
    final AtomicLong longestMillis = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final StringBuilder firstError = new StringBuilder();
    private final TestDatabase db;

    Writer(TestDatabase db) {
      this.db = db;
    }

    @Override
    public void run() {
      try (Connection c = db.connect();
          PreparedStatement insert = c.prepareStatement("insert into book (id, title, subtitle, status, author_id, isbn)"
              + " values (?, ?, ?, 'DRAFT', 7, '978')");
          PreparedStatement update = c.prepareStatement("update book set title = title || '.', subtitle = ? where id = ?")) {
        // a write the migration blocks for longer than its own lock_timeout fails and counts as an error:
        // "no errors" is the online guarantee, measured by the server's lock waits, not by wall-clock time
        c.createStatement().execute("set lock_timeout = '2s'");
        long id = 1_000_000;
        while (running.get()) {
          id++;
          insert.setLong(1, id);
          insert.setString(2, "New " + id);
          insert.setString(3, "sub new " + id);
          timed(insert);
          update.setString(1, "changed " + id);
          update.setLong(2, id % 20000 + 1);
          timed(update);
        }
      } catch (SQLException e) {
        errors.incrementAndGet();
        firstError.append(e);
      }
    }

    private void timed(PreparedStatement statement) {
      long start = System.nanoTime();
      try {
        statement.executeUpdate();
      } catch (SQLException e) {
        if (errors.getAndIncrement() == 0) {
          firstError.append(e.getMessage());
        }
      }
      longestMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
      statements.incrementAndGet();
    }
  }
}
