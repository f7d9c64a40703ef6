package dev.autogen.cli.online;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.codegen.flyway.FlywayFiles;
import dev.autogen.codegen.postgres.online.OnlineOptions;
import dev.autogen.diff.Backfill;
import dev.autogen.diff.DiffOptions;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.Catalog;
import dev.autogen.model.postgres.PostgresDialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The other online transformations on a populated PostgreSQL 15, applied with Flyway's library: a
 * unique constraint and a primary key over indexes built concurrently, a foreign key that references
 * the new unique key (added after it, in the online step), an index dropped concurrently, a column
 * made NOT NULL with a backfill of its NULLs and one without; then the undo files. And the backfill
 * without {@code --online}: one transactional migration.
 */
class OnlineKeysAndNotNullTest {

  static final String CURRENT = """
      create table account (id bigint, email varchar(100), region varchar(10), note text);
      create index account_note_idx on account (note);
      create table login (id bigint primary key, account_email varchar(100));
      insert into account select g, 'u' || g || '@x', case when g % 3 = 0 then null else 'eu' end, 'n' from generate_series(1, 5000) g;
      insert into login select g, 'u' || g || '@x' from generate_series(1, 1000) g;
      """;

  static final String TARGET = """
      create table account (id bigint not null constraint account_pkey primary key, email varchar(100) not null
        constraint account_email_key unique, region varchar(10) not null, note text);
      create table login (id bigint primary key, account_email varchar(100)
        constraint login_account_email_fkey references account (email));
      """;

  static final List<Backfill> FILLS = List.of(Backfill.parse("account.region='unknown'", "public"));

  @Test
  void keysIndexesAndNotNullApplyOnlineAndUndo(@TempDir Path dir) throws Exception {
    try (TestDatabase db = TestDatabase.create("online_keys"); TestDatabase want = TestDatabase.create("online_keys_t")) {
      db.execute(CURRENT);
      want.execute(TARGET);
      Catalog current = OnlinePlans.introspect(db);
      Catalog target = OnlinePlans.introspect(want);
      DiffOptions options = new DiffOptions(PostgresDialect.INSTANCE, List.of()).withFills(FILLS);
      MigrationPlan plan = OnlinePlans.plan(current, target, options);

      List<FlywayFiles> files = OnlinePlans.write(dir, "keys", current, plan, OnlineOptions.of(true, FILLS));
      String online = Files.readString(files.get(1).upgrade());
      assertThat(online).contains(
          "drop index concurrently if exists account_note_idx;",
          "create unique index concurrently if not exists account_email_key on account (email);",
          "alter table account add constraint account_email_key unique using index account_email_key;",
          "alter table account add constraint account_pkey primary key using index account_pkey;",
          "alter table account add constraint account_region_not_null check (region is not null) not valid;",
          "alter table account alter column region set not null;");
      assertThat(online.indexOf("add constraint login_account_email_fkey"))
          .isGreaterThan(online.indexOf("unique using index account_email_key"));

      OnlinePlans.migrate(db, dir, null);
      DiffOptions plain = new DiffOptions(PostgresDialect.INSTANCE, List.of());
      assertThat(OnlinePlans.plan(OnlinePlans.introspect(db), target, plain).changes()).isEmpty();
      assertThat(OnlineSeededScenarioTest.count(db, "select count(*) from account where region = 'unknown'"))
          .isEqualTo(1666);

      for (int i = files.size() - 1; i >= 0; i--) {
        OnlinePlans.undo(db, files.get(i));
      }
      assertThat(OnlinePlans.plan(OnlinePlans.introspect(db), current, plain).changes()).isEmpty();
    }
  }

  @Test
  void aBackfillWithoutOnlineIsOneTransactionalMigration(@TempDir Path dir) throws Exception {
    try (TestDatabase db = TestDatabase.create("fill_plain"); TestDatabase want = TestDatabase.create("fill_plain_t")) {
      db.execute("create table item (id bigint primary key, name text); insert into item select g, 'i' || g from generate_series(1, 100) g;");
      want.execute("create table item (id bigint primary key, name text, code text not null);");
      Catalog current = OnlinePlans.introspect(db);
      List<Backfill> fills = List.of(Backfill.parse("item.code=upper(name)", "public"));
      MigrationPlan plan = OnlinePlans.plan(current, OnlinePlans.introspect(want),
          new DiffOptions(PostgresDialect.INSTANCE, List.of()).withFills(fills));

      List<FlywayFiles> files = OnlinePlans.write(dir, "code", current, plan, OnlineOptions.of(false, fills));
      assertThat(files).hasSize(1);
      assertThat(files.get(0).configs()).isEmpty();
      assertThat(Files.readString(files.get(0).upgrade())).contains(
          "alter table item add column code text;",
          "update item set code = (upper(name)) where code is null;",
          "alter table item alter column code set not null;");
      OnlinePlans.migrate(db, dir, null);
      assertThat(OnlineSeededScenarioTest.count(db, "select count(*) from item where code = upper(name)")).isEqualTo(100);
    }
  }
}
