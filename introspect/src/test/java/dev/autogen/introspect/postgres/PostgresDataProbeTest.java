package dev.autogen.introspect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.DataProbe;
import dev.autogen.model.DataProbe.Count;
import dev.autogen.model.QualifiedName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every question of {@link PostgresDataProbe} against a real PostgreSQL database. */
class PostgresDataProbeTest {

  private static final QualifiedName PET = new QualifiedName("public", "pet");
  private static final QualifiedName OWNER = new QualifiedName("public", "owner");
  private static final QualifiedName ODD = new QualifiedName("Odd Schema", "Order");
  private static final QualifiedName BIG = new QualifiedName("public", "big");

  private static TestDatabase db;

  @BeforeAll
  static void seed() {
    db = TestDatabase.create("probe");
    db.execute("""
        create table owner (id bigint primary key);
        insert into owner values (1), (2);
        create table pet (id bigint primary key, owner_id bigint, owner_kind bigint, name varchar(40),
          weight numeric(8,2), tag text, legs integer);
        insert into pet values
          (1, 1, 1, 'Rex', 12.50, 'a', 4),
          (2, 1, null, 'Bartholomew the Magnificent', 123.45, 'a', 4),
          (3, 3, 1, 'Tom', 9999.90, 'b', -1),
          (4, null, null, null, 1.5, 'b', 3),
          (5, 4, null, 'Kitty', null, 'b', null),
          (6, 2, 2, 'Fido', 'NaN', null, 2);
        create sequence pet_seq;
        create schema "Odd Schema";
        create table "Odd Schema"."Order" ("select" text, "we""ird" integer);
        insert into "Odd Schema"."Order" values ('x', 1), ('x', 1), (null, 2);
        create table big (id integer primary key, code text, half integer);
        insert into big select i, 'code' || i, case when i % 2 = 0 then null else i end from generate_series(1, 1000) i;
        analyze big;""");
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  private static PostgresDataProbe probe(PostgresDataProbe.Limits limits) {
    return PostgresDataProbe.open(db.url(), TestDatabase.user(), TestDatabase.password(), limits);
  }

  private static Optional<Count> exact(DataProbe.Question question) {
    try (PostgresDataProbe probe = probe(PostgresDataProbe.Limits.DEFAULT)) {
      return probe.count(question);
    }
  }

  private static Optional<Count> exactly(long value) {
    return Optional.of(new Count(value, false));
  }

  @Test
  void countsRowsValuesAndNulls() {
    assertThat(exact(new DataProbe.Rows(PET))).isEqualTo(exactly(6));
    assertThat(exact(new DataProbe.NonNullValues(PET, "name"))).isEqualTo(exactly(5));
    assertThat(exact(new DataProbe.Nulls(PET, "weight"))).isEqualTo(exactly(1));
  }

  @Test
  void countsValuesANarrowedTypeCannotHold() {
    assertThat(exact(new DataProbe.LongerThan(PET, "name", 5))).isEqualTo(exactly(1));
    assertThat(exact(new DataProbe.LongerThan(PET, "name", 3))).isEqualTo(exactly(3));
    // numeric(5,1): 12.50 fits, 123.45 is rounded, 9999.90 fits (9999.9), 1.5 fits, NaN fits
    assertThat(exact(new DataProbe.OutsideNumeric(PET, "weight", 5, 1))).isEqualTo(exactly(1));
    // numeric(4,1): at most 999.9, so 9999.90 does not fit either
    assertThat(exact(new DataProbe.OutsideNumeric(PET, "weight", 4, 1))).isEqualTo(exactly(2));
    // an integer column to numeric(1,0): -1 and 3, 2, 4 fit; nothing else is there
    assertThat(exact(new DataProbe.OutsideNumeric(PET, "legs", 1, 0))).isEqualTo(exactly(0));
  }

  @Test
  void countsWhatBlocksNewConstraints() {
    assertThat(exact(new DataProbe.DuplicateGroups(PET, List.of("tag")))).isEqualTo(exactly(2));
    assertThat(exact(new DataProbe.DuplicateGroups(PET, List.of("tag", "legs")))).isEqualTo(exactly(1));
    assertThat(exact(new DataProbe.Orphans(PET, List.of("owner_id"), OWNER, List.of("id")))).isEqualTo(exactly(2));
    // MATCH SIMPLE: a NULL in any referencing column makes the row no orphan; of (1,1), (3,1) and (2,2)
    // only (1,1) is a pet's (id, owner_id)
    assertThat(exact(new DataProbe.Orphans(PET, List.of("owner_id", "owner_kind"), PET, List.of("id", "owner_id"))))
        .isEqualTo(exactly(2));
    assertThat(exact(new DataProbe.CheckViolations(PET, "legs >= 0"))).isEqualTo(exactly(1));
    assertThat(exact(new DataProbe.CheckViolations(PET, "pet.legs in (2, 4)"))).isEqualTo(exactly(2));
  }

  @Test
  void quotesEveryIdentifier() {
    assertThat(exact(new DataProbe.Rows(ODD))).isEqualTo(exactly(3));
    assertThat(exact(new DataProbe.Nulls(ODD, "select"))).isEqualTo(exactly(1));
    assertThat(exact(new DataProbe.DuplicateGroups(ODD, List.of("select", "we\"ird")))).isEqualTo(exactly(1));
  }

  @Test
  void aMissingObjectOrARejectedExpressionIsUnknown() {
    assertThat(exact(new DataProbe.Rows(new QualifiedName("public", "nothing")))).isEmpty();
    assertThat(exact(new DataProbe.Nulls(PET, "nothing"))).isEmpty();
    assertThat(exact(new DataProbe.CheckViolations(PET, "legs >"))).isEmpty();
  }

  @Test
  void probesAreReadOnly() throws Exception {
    try (PostgresDataProbe probe = probe(PostgresDataProbe.Limits.DEFAULT)) {
      assertThat(probe.count(new DataProbe.CheckViolations(PET, "nextval('pet_seq') < 0"))).isEmpty();
      assertThat(probe.count(new DataProbe.Rows(PET))).isEqualTo(exactly(6));
    }
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select last_value, is_called from pet_seq")) {
      rs.next();
      assertThat(rs.getBoolean("is_called")).as("the sequence was never advanced").isFalse();
    }
  }

  @Test
  void aQuestionThatRunsOutOfTimeIsUnknownAndTheProbeGoesOn() {
    PostgresDataProbe.Limits tight = new PostgresDataProbe.Limits(Duration.ofMillis(200), 1_000_000, 30_000);
    try (PostgresDataProbe probe = probe(tight)) {
      // empty = unknown: the 200 ms statement timeout cancelled the 1 s query (it would have answered)
      assertThat(probe.count(new DataProbe.CheckViolations(PET, "pg_sleep(1) is null"))).isEmpty();
      assertThat(probe.count(new DataProbe.Rows(PET))).isEqualTo(exactly(6));
    }
  }

  @Test
  void aLargeTableIsEstimatedFromTheCatalogOrASample() {
    PostgresDataProbe.Limits small = new PostgresDataProbe.Limits(Duration.ofSeconds(2), 100, 30_000);
    try (PostgresDataProbe probe = probe(small)) {
      assertThat(probe.count(new DataProbe.Rows(BIG))).contains(new Count(1000, true));
      assertThat(probe.count(new DataProbe.Nulls(BIG, "half"))).contains(new Count(500, true));
      assertThat(probe.count(new DataProbe.NonNullValues(BIG, "half"))).contains(new Count(500, true));
      assertThat(probe.count(new DataProbe.DuplicateGroups(BIG, List.of("code")))).contains(new Count(0, true));
      assertThat(probe.count(new DataProbe.DuplicateGroups(BIG, List.of("half")))).isEmpty();
      // a sample of 30,000 rows reads the whole 1,000-row table: scaled by 1, still an estimate
      assertThat(probe.count(new DataProbe.LongerThan(BIG, "code", 6))).contains(new Count(901, true));
      assertThat(probe.count(new DataProbe.CheckViolations(BIG, "id <= 250"))).contains(new Count(750, true));
      // below the threshold the same question is counted exactly
      assertThat(probe.count(new DataProbe.Rows(PET))).isEqualTo(exactly(6));
    }
  }

  @Test
  void aSampleOfALargeTableIsScaledUp() {
    PostgresDataProbe.Limits sampled = new PostgresDataProbe.Limits(Duration.ofSeconds(2), 100, 300);
    try (PostgresDataProbe probe = probe(sampled)) {
      Count shortCodes = probe.count(new DataProbe.LongerThan(BIG, "code", 6)).orElseThrow();
      assertThat(shortCodes.estimate()).isTrue();
      // 901 of 1,000 codes are longer than 6; a 30 % page sample of a uniform table lands near it
      assertThat(shortCodes.value()).isBetween(700L, 1000L);
    }
  }

  @Test
  void readsTheServerVersion() throws Exception {
    try (PostgresDataProbe probe = probe(PostgresDataProbe.Limits.DEFAULT);
        Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select current_setting('server_version_num')::int")) {
      rs.next();
      assertThat(probe.serverVersion()).isEqualTo(rs.getInt(1)).isGreaterThanOrEqualTo(120000);
    }
  }
}
