package dev.autogen.model.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares expressions as Hibernate and people write them with the same expressions as PostgreSQL 15
 * deparses them ({@code pg_get_constraintdef}, {@code pg_get_expr}, pretty and plain), and checks
 * on sample rows that the canonical text is valid SQL with the written expression's meaning.
 */
class PostgresExpressionsDatabaseTest {

  private static final String COLUMNS = """
      id bigint, status varchar(20), note text, code varchar(10), kind integer, level smallint,
      price numeric(10,2), qty integer, rating double precision, start_date date, end_date date,
      email varchar(100), a integer, b integer, active boolean, grade char(2), created timestamptz,
      tags text[]""";

  private static final String SAMPLES = """
      (1, 'NEW', 'a', 'ABC', 1, 0, 10.00, 3, 1.0, '2020-01-01', '2020-02-01', 'x@y.com', 1, 2, true, 'A', '2024-01-01', '{x}'),
      (2, 'PAID', 'b', 'ab', 2, 1, 0.00, 0, 5.0, '2021-05-05', null, 'nobody', null, 0, false, 'B ', now(), '{}'),
      (3, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null),
      (4, 'X', 'c', 'A', 3, 3, -1.00, 7, 0.5, '1999-12-31', '1999-01-01', 'A@EXAMPLE.COM', -3, -3, null, 'C', '2000-01-01', '{a,b}'),
      (5, 'new', 'zz', 'AB1', 7, 2, 999999.99, 1000000, 5.5, '2000-01-01', '2000-01-01', '@', 0, 5, true, 'A ', '2030-01-01', null),
      (6, 'NEW', 'a', 'abc', 0, 4, 0.50, 2, 0.99, null, '2020-01-01', 'a@b', 5, null, false, null, '2020-06-01', '{x,y}')""";

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static ScratchDatabase db;

  @BeforeAll
  static void createTables() throws SQLException {
    db = ScratchDatabase.create("model_expressions");
    db.execute("create table item (" + COLUMNS + ")");
    db.execute("create table sample (" + COLUMNS + ")");
    db.execute("insert into sample values " + SAMPLES);
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (db != null) {
      db.close();
    }
  }

  /** Check constraints as Hibernate 7 generates them and as people write them. */
  static Stream<String> checks() {
    return Stream.of(
        "status in ('NEW','PAID')",
        "status in ('NEW')",
        "note in ('a','b','c')",
        "level between 0 and 3",
        "kind between 0 and 3",
        "kind not between 1 and 2",
        "rating>=1 and rating<=5",
        "rating > 0",
        "price >= 0",
        "price > 0.5",
        "price > -1",
        "price between 0.01 and 999.99",
        "char_length(code) > 2",
        "email like '%@%'",
        "email not ilike '%example.com'",
        "end_date is null or end_date > start_date",
        "kind in (1,2,3)",
        "kind not in (1,2,3)",
        "kind in (1, a)",
        "kind in (1, 2, a)",
        "not (a is null)",
        "a is not null and b is not null",
        "lower(code) = code",
        "qty * price < 1000000",
        "qty / 2 > 1",
        "qty::numeric / 2 > 1",
        "(a > 0 or b > 0) and kind > 2",
        "a > 0 or b > 0 and kind > 2",
        "not (kind = 1 and status = 'NEW')",
        "case when kind = 1 then status is not null else true end",
        "case kind when 1 then 'a' else 'b' end <> 'c'",
        "coalesce(status, code) <> ''",
        "code ~ '^[A-Z]+$'",
        "grade = 'A'",
        "start_date >= date '2000-01-01'",
        "created > now() - interval '100 years'",
        "kind % 2 = 0",
        "active = true",
        "active is not false",
        "not active",
        "length(trim(code)) > 0",
        "upper(status) in ('A', 'B')",
        "substring(code from 1 for 2) <> 'ZZ'",
        "position('@' in email) > 1",
        "extract(year from start_date) > 2000",
        "status similar to 'N%'",
        "level in (0, 1)",
        "id > 0",
        "email is distinct from code",
        "-kind < 5",
        "'x' = any(tags)",
        "cardinality(tags) < 5",
        "status collate \"C\" > 'M'",
        "\"status\" <> 'X' and \"level\" < 9");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("checks")
  void checkConstraintMatchesCatalog(String written) throws SQLException {
    String constraint = "c" + COUNTER.incrementAndGet();
    db.execute("alter table item add constraint " + constraint + " check (" + written + ")");
    for (boolean pretty : new boolean[] {true, false}) {
      String definition = db.queryString(
          "select pg_get_constraintdef(oid, ?) from pg_constraint where conname = ? and conrelid = 'item'::regclass",
          pretty, constraint);
      assertThat(definition).startsWith("CHECK (").endsWith(")");
      String deparsed = definition.substring("CHECK (".length(), definition.length() - 1);
      assertThat(PostgresExpressions.normalize(deparsed)).as("deparsed: %s", deparsed)
          .isEqualTo(PostgresExpressions.normalize(written));
    }
    assertSameMeaning(written);
  }

  /** Partial index predicates. */
  static Stream<String> predicates() {
    return Stream.of(
        "status = 'NEW'",
        "end_date is null",
        "active",
        "not active",
        "kind in (1, 2)",
        "price > 0 and status <> 'X'",
        "email like '%@example.com'",
        "lower(email) <> ''",
        "status is not null or kind between 1 and 5");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("predicates")
  void indexPredicateMatchesCatalog(String written) throws SQLException {
    String index = "i" + COUNTER.incrementAndGet();
    db.execute("create index " + index + " on item (id) where " + written);
    for (boolean pretty : new boolean[] {true, false}) {
      String deparsed = db.queryString(
          "select pg_get_expr(indpred, indrelid, ?) from pg_index where indexrelid = ?::regclass", pretty, index);
      assertThat(PostgresExpressions.normalize(deparsed)).as("deparsed: %s", deparsed)
          .isEqualTo(PostgresExpressions.normalize(written));
    }
    assertSameMeaning(written);
  }

  /** Column defaults: type, default as written, whether it yields one value per statement. */
  static Stream<Arguments> defaults() {
    return Stream.of(
        arguments("timestamptz", "now()", true),
        arguments("timestamptz", "current_timestamp", true),
        arguments("timestamptz", "transaction_timestamp()", true),
        arguments("timestamp", "(now() + '1 day'::interval)", true),
        arguments("timestamptz", "now() + interval '1 day'", true),
        arguments("varchar(5)", "'x'", true),
        arguments("text", "'it''s'", true),
        arguments("char(3)", "'ab'", true),
        arguments("integer", "0", true),
        arguments("integer", "-1", true),
        arguments("bigint", "0", true),
        arguments("numeric", "0", true),
        arguments("numeric(10,2)", "-1.5", true),
        arguments("double precision", "1", true),
        arguments("boolean", "true", true),
        arguments("date", "current_date", true),
        arguments("text[]", "'{}'", true),
        arguments("varchar(10)[]", "array['a', 'b']", true),
        arguments("uuid", "gen_random_uuid()", false));
  }

  @ParameterizedTest(name = "{0} default {1}")
  @MethodSource("defaults")
  void columnDefaultMatchesCatalog(String type, String written, boolean stable) throws SQLException {
    String column = "d" + COUNTER.incrementAndGet();
    db.execute("alter table item add column " + column + " " + type + " default " + written);
    String deparsed = db.queryString("""
        select pg_get_expr(adbin, adrelid) from pg_attrdef
        join pg_attribute on attrelid = adrelid and attnum = adnum
        where adrelid = 'item'::regclass and attname = ?""", column);
    assertThat(PostgresExpressions.normalize(deparsed)).as("deparsed: %s", deparsed)
        .isEqualTo(PostgresExpressions.normalize(written));
    if (stable) {
      String canonical = PostgresExpressions.normalize(written);
      assertThat(db.queryString("select (" + written + ")::" + type + " is not distinct from (" + canonical + ")::" + type))
          .as("%s and %s", written, canonical).isEqualTo("t");
    }
  }

  /** Pairs that mean different things: apart as written and as the catalog deparses them. */
  static Stream<Arguments> differentMeanings() {
    return Stream.of(
        arguments("(a > 0 or b > 0) and kind > 2", "a > 0 or (b > 0 and kind > 2)"),
        arguments("status in ('NEW','PAID')", "status in ('NEW','PAI')"),
        arguments("status in ('NEW','PAID')", "status not in ('NEW','PAID')"),
        arguments("price >= 0", "price > 0"),
        arguments("price > 1.5", "price > 1.5::integer"),
        arguments("price > 0", "price::integer > 0"),
        arguments("qty / 2 > 1", "qty::numeric / 2 > 1"),
        arguments("kind between 0 and 3", "kind between 0 and 4"),
        arguments("kind between 0 and 3", "kind not between 0 and 3"),
        arguments("a - (b - 1) > 0", "a - b - 1 > 0"),
        arguments("a + b * 2 > 0", "(a + b) * 2 > 0"),
        arguments("code::varchar(2) = 'ab'", "code = 'ab'"),
        arguments("email like '%@%'", "email ilike '%@%'"),
        arguments("a is null", "a is not null"),
        arguments("code = 'ABC'", "code = 'abc'"),
        arguments("start_date > '2020-01-01'::date", "start_date > '2020-01-02'::date"),
        arguments("coalesce(a, 0) > 0", "coalesce(a, 1) > 0"),
        arguments("kind in (1, a)", "kind in (1, b)"),
        arguments("not (a = 1 and b = 2)", "not a = 1 and b = 2"),
        arguments("case when kind = 1 then 'a' else 'b' end = 'a'", "case when kind = 1 then 'a' end = 'a'"),
        arguments("created < now()", "created < clock_timestamp()"),
        arguments("active is not true", "not active"));
  }

  @ParameterizedTest(name = "{0} <> {1}")
  @MethodSource("differentMeanings")
  void differentMeaningsStayApart(String one, String other) throws SQLException {
    assertThat(PostgresExpressions.normalize(one)).isNotEqualTo(PostgresExpressions.normalize(other));
    assertThat(PostgresExpressions.normalize(deparse(one))).isNotEqualTo(PostgresExpressions.normalize(deparse(other)));
  }

  private static String deparse(String expression) throws SQLException {
    String constraint = "c" + COUNTER.incrementAndGet();
    db.execute("alter table item add constraint " + constraint + " check (" + expression + ") not valid");
    String definition = db.queryString(
        "select pg_get_constraintdef(oid, true) from pg_constraint where conname = ? and conrelid = 'item'::regclass",
        constraint);
    return definition.substring("CHECK (".length(), definition.lastIndexOf(')'));
  }

  /** The canonical text runs, and agrees with the written expression on every sample row. */
  private static void assertSameMeaning(String written) throws SQLException {
    String canonical = PostgresExpressions.normalize(written);
    String differing = db.queryString(
        "select count(*) from sample where (" + written + ") is distinct from (" + canonical + ")");
    assertThat(differing).as("rows where %s and %s differ", written, canonical).isEqualTo("0");
  }
}
