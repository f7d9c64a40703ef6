package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.codegen.Statement;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.Catalog;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The central property of DESIGN.md on hand-made schema pairs that stress ordering: build "current"
 * and "target" in two real databases, diff them, apply the upgrade to current, re-introspect: no
 * changes left; apply the downgrade: back to the original current.
 */
class RoundTripTest {

  static Stream<Arguments> scenarios() {
    return Stream.of(
        Arguments.of("confirmed table and column renames next to constraint changes",
            "create table client (id bigint primary key, code varchar(10) unique, full_name text);"
                + "create table orders (id bigint primary key, client_id bigint references client (id));",
            "create table customer (id bigint primary key, code varchar(10), display_name text, email text unique);"
                + "create table orders (id bigint primary key, client_id bigint references customer (id) on delete cascade);",
            List.of("client=customer", "customer.full_name=display_name")),
        Arguments.of("type change of a referenced key and its referencing column",
            "create table parent (id integer primary key); create table child (id integer primary key,"
                + " parent_id integer references parent (id));",
            "create table parent (id bigint primary key); create table child (id integer primary key,"
                + " parent_id bigint references parent (id));",
            List.of()),
        Arguments.of("new table takes the index and constraint names of a dropped one",
            "create table client (id bigint constraint pk_party primary key, email text constraint uk_party_email unique);"
                + "create index ix_party_email on client (lower(email));",
            "create table customer (id bigint constraint pk_party primary key, email text constraint uk_party_email unique);"
                + "create index ix_party_email on customer (lower(email));",
            List.of()),
        Arguments.of("primary key moved while another table references the old one",
            "create table account (id bigint primary key, code text not null unique);"
                + "create table entry (id bigint primary key, account_code text references account (code));",
            "create table account (id bigint, code text not null primary key);"
                + "create table entry (id bigint primary key, account_code text references account (code));",
            List.of()),
        Arguments.of("sequences, enums, defaults, checks and a partial index",
            "create type mood as enum ('sad', 'ok'); create sequence ticket_seq increment by 50;"
                + "create table ticket (id bigint primary key default nextval('ticket_seq'), m mood, n int check (n > 0),"
                + " closed boolean default false); create index ix_open on ticket (id) where not closed;",
            "create type mood as enum ('sad', 'ok'); create sequence ticket_seq increment by 20;"
                + "create table ticket (id bigint primary key default nextval('ticket_seq'), m mood, n int check (n >= 0),"
                + " closed boolean default true, note varchar(20) default 'x'); create index ix_open on ticket (id) where closed is not true;",
            List.of()),
        Arguments.of("identifiers that need quoting",
            "create table \"Order\" (\"select\" int primary key, \"we\"\"ird\" text);",
            "create table \"Order\" (\"select\" int primary key, \"we\"\"ird\" varchar(10) not null default 'a', \"User\" int);",
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void upgradeConvergesAndDowngradeRestores(String name, String currentSql, String targetSql, List<String> renames) {
    try (TestDatabase current = TestDatabase.create("rtcur"); TestDatabase target = TestDatabase.create("rttgt")) {
      current.execute(currentSql);
      target.execute(targetSql);
      Catalog before = RoundTrips.introspect(current);
      Catalog after = RoundTrips.introspect(target);
      List<Statement> migration = RoundTrips.migration(before, after, renames);
      assertThat(migration).isNotEmpty();

      RoundTrips.upgrade(current, migration);
      assertThat(RoundTrips.changes(RoundTrips.introspect(current), after)).as("left after the upgrade").isEmpty();

      RoundTrips.downgrade(current, migration);
      assertThat(RoundTrips.changes(RoundTrips.introspect(current), before)).as("left after the downgrade").isEmpty();
    }
  }
}
