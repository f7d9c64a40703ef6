package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.DiffOptions;
import dev.autogen.diff.Hazard;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.diff.SchemaDiff;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import dev.autogen.introspect.IntrospectOptions;
import dev.autogen.introspect.PostgresIntrospector;
import dev.autogen.introspect.postgres.PostgresDataProbe;
import dev.autogen.model.Catalog;
import dev.autogen.model.postgres.PostgresDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Live mode end to end: a seeded database diffed against a target schema, hazards measured by the probe. */
class LiveHazardsTest {

  private static Catalog read(TestDatabase db) {
    return new PostgresIntrospector(db.url(), TestDatabase.user(), TestDatabase.password(),
        IntrospectOptions.defaults()).read();
  }

  @Test
  void diagnosticsCarryTheCountsOfTheSeededData() {
    try (TestDatabase live = TestDatabase.create("livehazards"); TestDatabase wanted = TestDatabase.create("wanted")) {
      live.execute("""
          create table owner (id bigint primary key, name varchar(40), email text);
          insert into owner values (1, 'Ann', 'a@x'), (2, 'Bartholomew Longname', null), (3, null, 'c@x');
          create table pet (id bigint primary key, owner_id bigint, tag text);
          insert into pet values (1, 1, 't'), (2, 9, 't'), (3, null, 'u');
          create table legacy (id integer);
          insert into legacy select generate_series(1, 5);""");
      wanted.execute("""
          create table owner (id bigint primary key, name varchar(10) not null);
          create table pet (id bigint primary key, owner_id bigint references owner (id), tag text unique);""");
      Catalog current = read(live);
      Catalog target = read(wanted);
      try (PostgresDataProbe probe = PostgresDataProbe.open(live.url(), TestDatabase.user(), TestDatabase.password())) {
        MigrationPlan plan = new SchemaDiff(DiffOptions.of(PostgresDialect.INSTANCE)
            .withServerVersion(probe.serverVersion()).withProbe(probe)).diff(current, target);
        List<String> messages = plan.diagnostics().stream().map(Diagnostic::message).toList();
        assertThat(messages).contains(
            "drops table public.legacy and its 5 rows",
            "drops column public.owner.email and its 2 values (NULLs aside)",
            "narrows public.owner.name from varchar(40) to varchar(10): values that do not fit make the migration"
                + " fail or are cut; found 1 value longer than 10 characters",
            "makes public.owner.name NOT NULL without a default: fails if any row holds NULL; found 1 row holding NULL",
            "add unique on public.pet fails if the table holds duplicate values; found 1 group of duplicate values",
            "add foreign key on public.pet fails if the table holds rows whose reference has no match; found 1 row"
                + " whose reference has no match");
        assertThat(plan.diagnostics()).filteredOn(d -> d.hazard() == Hazard.DATA_LOSS)
            .flatExtracting(Diagnostic::figures).contains(new Diagnostic.Figure("rows", 5, false));
      }
    }
  }

  @Test
  void theCommandLineMeasuresInLiveModeUnlessToldNotTo() {
    try (TestDatabase db = TestDatabase.create("livecli")) {
      db.execute(Bookstore.migrationSql(1));
      db.execute("insert into customer (email, full_name) values ('a@x', 'Ann'), ('b@x', null), ('c@x', 'Cy')");

      Cli.Result measured = Cli.run(Cli.command("diff", Cli.against(db, 2)));
      Cli.Result unmeasured = Cli.run(Cli.command("diff", Cli.against(db, 2, "--no-probe")));

      assertThat(measured.out()).as(measured.err())
          .contains("drops column public.customer.full_name and its 2 values (NULLs aside)");
      assertThat(unmeasured.out()).contains("drops column public.customer.full_name and every value in it");
    }
  }
}
