package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.DiffOptions;
import dev.autogen.diff.Hazard;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.diff.SchemaDiff;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.introspect.IntrospectOptions;
import dev.autogen.introspect.PostgresIntrospector;
import dev.autogen.introspect.postgres.PostgresDataProbe;
import dev.autogen.model.Catalog;
import dev.autogen.model.postgres.PostgresDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Live mode: the rename candidates carry what PostgreSQL's data shows. */
class RenameLiveSignalsTest {

  private static Catalog read(TestDatabase db) {
    return new PostgresIntrospector(db.url(), TestDatabase.user(), TestDatabase.password(),
        IntrospectOptions.defaults()).read();
  }

  @Test
  void suspectedRenamesSayWhatTheDataHoldsAndWhetherItConverts() {
    try (TestDatabase live = TestDatabase.create("renamelive"); TestDatabase wanted = TestDatabase.create("renamewant")) {
      live.execute("""
          create table item (id bigint primary key, code text, label varchar(40));
          insert into item values (1, '17', 'short'), (2, '42', 'a label far too long'), (3, 'x1', 'ok'),
            (4, '5', 'ok'), (5, null, 'ok');
          create table memo (id bigint primary key, note text);
          create table legacy_owner (id bigint primary key, name text);
          insert into legacy_owner values (1, 'Ann'), (2, 'Bo');""");
      wanted.execute("""
          create table item (id bigint primary key, code_number integer, label_text varchar(10));
          create table memo (id bigint primary key, remark text);
          create table owner (id bigint primary key, name text);""");
      try (PostgresDataProbe probe = PostgresDataProbe.open(live.url(), TestDatabase.user(), TestDatabase.password())) {
        MigrationPlan plan = new SchemaDiff(DiffOptions.of(PostgresDialect.INSTANCE).withProbe(probe))
            .diff(read(live), read(wanted));

        List<Diagnostic> suspected = plan.diagnostics().stream()
            .filter(d -> d.hazard() == Hazard.SUSPECTED_RENAME).toList();
        assertThat(suspected).extracting(Diagnostic::message).anySatisfy(m -> assertThat(m)
            .startsWith("column public.item.code is dropped and public.item.code_number (integer) added")
            .contains("1 of 4 sampled values do not convert to integer unchanged", "holds 4 values"));
        assertThat(suspected).extracting(Diagnostic::message).anySatisfy(m -> assertThat(m)
            .contains("public.item.label_text (varchar(10))", "1 of 5 sampled values do not convert to varchar(10)"));
        assertThat(suspected).extracting(Diagnostic::message).anySatisfy(m -> assertThat(m)
            .contains("public.memo.remark (text)", "holds 0 values").doesNotContain("sampled"));
        assertThat(suspected).extracting(Diagnostic::message).anySatisfy(m -> assertThat(m)
            .startsWith("table public.legacy_owner is dropped and public.owner created").contains("holds 2 rows"));
        assertThat(suspected).flatExtracting(Diagnostic::figures).contains(
            new Diagnostic.Figure("values", 4, false), new Diagnostic.Figure("unconvertible", 1, true),
            new Diagnostic.Figure("rows", 2, false));
      }
    }
  }
}
