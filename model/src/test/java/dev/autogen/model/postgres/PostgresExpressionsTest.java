package dev.autogen.model.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.autogen.model.Dialect;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PostgresExpressionsTest {

  private static String n(String expression) {
    return PostgresExpressions.normalize(expression);
  }

  /** Input, expected canonical text: one or more cases per rule. */
  static Stream<Arguments> canonicalForms() {
    return Stream.of(
        // case, spacing, redundant parentheses
        arguments("  PRICE  >=  0 ", "price >= 0"),
        arguments("((price >= 0))", "price >= 0"),
        arguments("a+b*c", "a + b * c"),
        arguments("(a + b) * c", "(a + b) * c"),
        arguments("a - (b - c)", "a - (b - c)"),
        arguments("(a - b) - c", "a - b - c"),
        arguments("a || (b || c)", "a || (b || c)"),
        // quoted identifiers
        arguments("\"status\" = 'A'", "status = 'A'"),
        arguments("\"Status\" = 'A'", "\"Status\" = 'A'"),
        arguments("\"user\" IS NULL", "\"user\" is null"),
        arguments("\"timestamp\" > \"from\"", "\"timestamp\" > \"from\""),
        arguments("\"a\"\"b\" = 1", "\"a\"\"b\" = 1"),
        arguments("t.\"Col\" = T.col", "t.\"Col\" = t.col"),
        // string constants
        arguments("code = 'It''s'", "code = 'It''s'"),
        arguments("code = E'It\\'s'", "code = 'It''s'"),
        arguments("code = E'a\\\\b'", "code = 'a\\b'"),
        arguments("code = $$x'y$$", "code = 'x''y'"),
        arguments("code = $q$x$q$", "code = 'x'"),
        arguments("code = 'MiXeD Case'", "code = 'MiXeD Case'"),
        // numbers
        arguments("x > 007", "x > 7"),
        arguments("x > .5", "x > 0.5"),
        arguments("x > 1.50", "x > 1.50"),
        arguments("x > +3", "x > 3"),
        arguments("x > - 3", "x > -3"),
        arguments("x > -(-3)", "x > 3"),
        // implicit casts dropped
        arguments("(status)::text = 'A'::text", "status = 'A'"),
        arguments("status::text = 'A'::character varying", "status = 'A'"),
        arguments("price >= (0)::numeric", "price >= 0"),
        arguments("price > '-1'::integer::numeric", "price > -1"),
        arguments("price > '1000'::numeric", "price > 1000"),
        arguments("rating > 0.5::double precision", "rating > 0.5"),
        arguments("grade = 'A'::bpchar", "grade = 'A'"),
        arguments("current_user <> 'x'::name", "current_user <> 'x'"),
        arguments("flag = 't'::boolean", "flag = true"),
        arguments("qty::numeric * price < 1000000::numeric", "qty * price < 1000000"),
        arguments("tags = ARRAY['a'::character varying]::text[]", "tags = array['a']"),
        arguments("tags = '{}'::text[]", "tags = '{}'"),
        arguments("COALESCE(status, code)::text <> ''::text", "coalesce(status, code) <> ''"),
        arguments("code::character varying(3)::text = 'abc'::text", "code::character varying(3) = 'abc'"),
        arguments("CAST(status AS text) = CAST('A' AS varchar)", "status = 'A'"),
        arguments("status = NULL::text", "status = null"),
        // casts that change the value stay, in canonical type spelling
        arguments("d > '2020-01-01'::date", "d > '2020-01-01'::date"),
        arguments("d > date '2020-01-01'", "d > '2020-01-01'::date"),
        arguments("d < now() + interval '1 day'", "d < current_timestamp + '1 day'::interval"),
        arguments("doc::jsonb ? 'k'", "doc::jsonb ? 'k'"),
        arguments("nextval('s'::regclass)", "nextval('s'::regclass)"),
        arguments("x::varchar(3) = 'abc'", "x::character varying(3) = 'abc'"),
        arguments("x::char = 'a'", "x::character(1) = 'a'"),
        arguments("x::int4 > 0", "x::integer > 0"),
        arguments("x::int8 > 0", "x::bigint > 0"),
        arguments("x::float(10) > 0", "x::real > 0"),
        arguments("x::float > 0", "x > 0"),
        arguments("x::decimal(10) > 0", "x::numeric(10,0) > 0"),
        arguments("x::timestamptz(3) > now()", "x::timestamp(3) with time zone > current_timestamp"),
        arguments("x::timestamp > now()", "x::timestamp without time zone > current_timestamp"),
        arguments("x::pg_catalog.int4 > 0", "x::integer > 0"),
        arguments("x::\"Mood\" = 'ok'", "x::\"Mood\" = 'ok'"),
        arguments("1.5::integer = x", "1.5::integer = x"),
        // division keeps numeric casts: they choose between integer and exact division
        arguments("qty::numeric / 2::numeric > 1::numeric", "qty::numeric / 2 > 1"),
        arguments("(qty + 1)::numeric / price > 1", "(qty + 1)::numeric / price > 1"),
        arguments("price / 1e3 > 1", "price / 1000::numeric > 1"),
        arguments("price / '1000'::numeric > 1", "price / 1000::numeric > 1"),
        // IN and ANY
        arguments("status IN ('NEW','PAID')", "status in ('NEW', 'PAID')"),
        arguments("(status)::text = ANY ((ARRAY['NEW'::character varying, 'PAID'::character varying])::text[])",
            "status in ('NEW', 'PAID')"),
        arguments("kind = ANY (ARRAY[1, 2, 3])", "kind in (1, 2, 3)"),
        arguments("kind <> ALL (ARRAY[1, 2, 3])", "kind not in (1, 2, 3)"),
        arguments("kind = SOME (ARRAY[1, 2])", "kind in (1, 2)"),
        arguments("status in ('NEW')", "status = 'NEW'"),
        arguments("status not in ('NEW')", "status <> 'NEW'"),
        arguments("kind in (1, 2, a)", "kind in (1, 2) or kind = a"),
        arguments("kind in (a, b)", "kind = a or kind = b"),
        arguments("kind not in (1, 2, a)", "kind not in (1, 2) and kind <> a"),
        arguments("kind < ANY (ARRAY[1, 2])", "kind < any (array[1, 2])"),
        arguments("kind = ANY (vals)", "kind = any (vals)"),
        arguments("email LIKE ANY (ARRAY['a%', 'b%'])", "email like any (array['a%', 'b%'])"),
        // BETWEEN
        arguments("status between 0 and 3", "status >= 0 and status <= 3"),
        arguments("status not between 0 and 3", "status < 0 or status > 3"),
        arguments("k between symmetric 3 and 0", "k >= 3 and k <= 0 or k >= 0 and k <= 3"),
        arguments("a or k between 1 and 2", "a or k >= 1 and k <= 2"),
        // current timestamp spellings
        arguments("now()", "current_timestamp"),
        arguments("CURRENT_TIMESTAMP", "current_timestamp"),
        arguments("transaction_timestamp()", "current_timestamp"),
        arguments("pg_catalog.now()", "current_timestamp"),
        arguments("current_timestamp(3)", "current_timestamp(3)"),
        arguments("statement_timestamp()", "statement_timestamp()"),
        // operator spellings
        arguments("a != b", "a <> b"),
        arguments("email ~~ '%@%'", "email like '%@%'"),
        arguments("email !~~ '%@%'", "email not like '%@%'"),
        arguments("email ~~* '%@%'", "email ilike '%@%'"),
        arguments("email NOT ILIKE '%@%'", "email not ilike '%@%'"),
        arguments("email like 'a!%' escape '!'", "email like like_escape('a!%', '!')"),
        arguments("code similar to 'A%'", "code ~ similar_to_escape('A%')"),
        arguments("code not similar to 'A%'", "code !~ similar_to_escape('A%')"),
        // NOT, IS tests
        arguments("NOT (a IS NULL)", "a is not null"),
        arguments("NOT a IS NULL", "a is not null"),
        arguments("a IS NOT NULL", "a is not null"),
        arguments("a ISNULL", "a is null"),
        arguments("a NOTNULL", "a is not null"),
        arguments("NOT (a IS NOT NULL)", "a is null"),
        arguments("NOT (flag IS TRUE)", "flag is not true"),
        arguments("flag IS UNKNOWN", "flag is null"),
        arguments("NOT (NOT flag)", "flag"),
        arguments("NOT flag", "not flag"),
        arguments("NOT (a = 1)", "a <> 1"),
        arguments("NOT (a > 1 AND b = 2)", "a <= 1 or b <> 2"),
        arguments("NOT (kind IN (1, 2))", "kind not in (1, 2)"),
        arguments("NOT (email LIKE 'x%')", "email not like 'x%'"),
        arguments("NOT (a IS DISTINCT FROM b)", "a is not distinct from b"),
        arguments("NOT (a @> b)", "not a @> b"),
        arguments("NOT true", "false"),
        // AND / OR flattening
        arguments("a and (b and c)", "a and b and c"),
        arguments("(a or b) or c", "a or b or c"),
        // CASE
        arguments("CASE WHEN kind = 1 THEN 'a'::text ELSE NULL::text END", "case when kind = 1 then 'a' end"),
        arguments("CASE kind WHEN 1 THEN 'a' ELSE 'b' END", "case kind when 1 then 'a' else 'b' end"),
        // functions in their SQL-standard syntax and as plain calls
        arguments("EXTRACT(YEAR FROM d) > 2000::numeric", "\"extract\"('year', d) > 2000"),
        arguments("position('@' in email) > 1", "\"position\"(email, '@') > 1"),
        arguments("POSITION(('@'::text) IN (email)) > 1", "\"position\"(email, '@') > 1"),
        arguments("substring(code from 2 for 3)", "\"substring\"(code, 2, 3)"),
        arguments("substring(code for 3)", "\"substring\"(code, 1, 3)"),
        arguments("substring(code, 2)", "\"substring\"(code, 2)"),
        arguments("trim(code)", "btrim(code)"),
        arguments("TRIM(BOTH FROM code)", "btrim(code)"),
        arguments("trim(leading 'x' from code)", "ltrim(code, 'x')"),
        arguments("character_length(code) > 2", "char_length(code) > 2"),
        arguments("\"left\"(code::text, 2) = 'ab'", "left(code, 2) = 'ab'"),
        arguments("COALESCE(a, 0) > NULLIF(b, 0)", "coalesce(a, 0) > nullif(b, 0)"),
        arguments("gen_random_uuid()", "gen_random_uuid()"),
        // other syntax
        arguments("tags[1] = 'x'", "tags[1] = 'x'"),
        arguments("code COLLATE \"C\" > 'a'", "code collate \"C\" > 'a'"),
        arguments("(- a) < 5", "-a < 5"),
        arguments("2 ^ 3 ^ 2", "2 ^ 3 ^ 2"),
        arguments("2 ^ (3 ^ 2)", "2 ^ (3 ^ 2)"),
        arguments("a = b IS NULL", "a = b is null"),
        arguments("(a = b) IS NULL", "a = b is null"),
        arguments("a = (b IS NULL)", "a = (b is null)"),
        arguments("a<-1", "a < -1"),
        arguments("a--comment\n>1", "a > 1"),
        arguments("a /* c /* nested */ */ > 1", "a > 1"),
        arguments("ARRAY[[1,2],[3,4]] = m", "array[array[1, 2], array[3, 4]] = m"),
        arguments("user = 'x'", "current_user = 'x'"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("canonicalForms")
  void canonicalForm(String input, String expected) {
    assertThat(n(input)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("canonicalForms")
  void canonicalFormIsStable(String input, String expected) {
    assertThat(n(expected)).isEqualTo(expected);
  }

  /** Pairs that mean different things and must stay apart. */
  static Stream<Arguments> differentMeanings() {
    return Stream.of(
        arguments("(a or b) and c", "a or (b and c)"),
        arguments("(a or b) and c", "a or b and c"),
        arguments("not (a and b)", "not a and b"),
        arguments("a - (b - c)", "a - b - c"),
        arguments("(a + b) * c", "a + b * c"),
        arguments("status in ('A', 'B')", "status not in ('A', 'B')"),
        arguments("status in ('A', 'B')", "status in ('A', 'b')"),
        arguments("kind between 0 and 3", "kind between 0 and 4"),
        arguments("kind between 0 and 3", "kind not between 0 and 3"),
        arguments("price >= 0", "price > 0"),
        arguments("price > 1.5", "price > 1.5::integer"),
        arguments("price > 0", "price::integer > 0"),
        arguments("code = 'abc'", "code::varchar(2) = 'abc'"),
        arguments("qty / 2 > 1", "qty::numeric / 2 > 1"),
        arguments("qty / 2 > 1", "qty / 2.0 > 1"),
        arguments("email like '%@%'", "email ilike '%@%'"),
        arguments("a is null", "a is not null"),
        arguments("\"Code\" = 1", "code = 1"),
        arguments("code = 'X'", "code = 'x'"),
        arguments("d > '2020-01-01'::date", "d > '2020-01-01'"),
        arguments("now()", "clock_timestamp()"),
        arguments("now()", "statement_timestamp()"),
        arguments("case when k = 1 then 'a' else 'b' end = 'a'", "case when k = 1 then 'a' end = 'a'"),
        arguments("kind in (1, a)", "kind in (1, b)"),
        arguments("a = 1 and b = 2", "a = 1 or b = 2"),
        arguments("x::timestamp > now()", "x::timestamptz > now()"),
        arguments("x::char(2) = 'ab'", "x = 'ab'"),
        arguments("a is distinct from b", "a <> b"),
        arguments("flag is not true", "not flag"),
        arguments("current_timestamp(3)", "current_timestamp"));
  }

  @ParameterizedTest(name = "{0} <> {1}")
  @MethodSource("differentMeanings")
  void differentMeaningsStayApart(String one, String other) {
    assertThat(n(one)).isNotEqualTo(n(other));
  }

  @Test
  void precedenceOfAndOverOrIsKept() {
    assertThat(n("(a OR b) AND c")).isEqualTo("(a or b) and c");
    assertThat(n("a OR (b AND c)")).isEqualTo("a or b and c");
    assertThat(n("a OR b AND c")).isEqualTo(n("a OR (b AND c)"));
  }

  @Test
  void unparsableTextFallsBackToPlainText() {
    assertThat(n("a IN (SELECT x FROM T)")).isEqualTo("a in (select x from t)");
    assertThat(n("  Count(*)   OVER  (PARTITION BY \"Grp\")  ")).isEqualTo("count(*) over (partition by \"Grp\")");
    assertThat(n("X = 'Unterminated  ")).isEqualTo("x = 'Unterminated  ");
    assertThat(n("")).isEmpty();
    assertThat(n("a = $1")).isEqualTo("a = $1");
    assertThat(n("B'101' = x")).isEqualTo("b'101' = x");
  }

  @Test
  void fallbackKeepsQuotedTextIntactAndDropsComments() {
    assertThat(PostgresExpressions.plainText("\"It's\" =  'A \"B\"'\n AND X")).isEqualTo("\"It's\" = 'A \"B\"' and x");
    assertThat(PostgresExpressions.plainText("E'A\\'B' || $Q$ Mixed 'Case $Q$ || Y")).isEqualTo("e'A\\'B' || $Q$ Mixed 'Case $Q$ || y");
    assertThat(PostgresExpressions.plainText("A -- it's\n > /* x */ B")).isEqualTo("a > b");
  }

  @Test
  void deepNestingFallsBackInsteadOfOverflowing() {
    String deep = "(".repeat(5000) + "a" + ")".repeat(5000);
    assertThat(n(deep)).isEqualTo(deep);
    assertThat(n("not ".repeat(5000) + "a")).startsWith("not not");
  }

  @Test
  void aMigrationsReorderedEnumCheckIsHibernatesCheck() {
    // Kogito data audit's V1.2.0 migration lists the enum's constants in another order than the enum
    // declares them (and Hibernate writes them): the same check
    assertThat(PostgresExpressions.normalize("(((event_type)::text = ANY ((ARRAY['ACTIVE'::character varying, "
        + "'COMPLETED'::character varying, 'SLA_VIOLATION'::character varying, 'MIGRATED'::character varying])::text[])))"))
        .isEqualTo(PostgresExpressions.normalize("event_type in ('ACTIVE','COMPLETED','MIGRATED','SLA_VIOLATION')"));
    // the constants of a list are a set: one order, each once
    assertThat(PostgresExpressions.normalize("status IN ('PAID','NEW')")).isEqualTo("status in ('NEW', 'PAID')");
    assertThat(PostgresExpressions.normalize("status IN ('PAID','NEW','PAID')")).isEqualTo("status in ('NEW', 'PAID')");
    assertThat(PostgresExpressions.normalize("kind not in (3, 1, 2)")).isEqualTo("kind not in (1, 2, 3)");
    assertThat(PostgresExpressions.normalize("status in ('A', 'B')")).isNotEqualTo(PostgresExpressions.normalize("status in ('A', 'C')"));
  }

  @Test
  void nullIsRejected() {
    assertThatNullPointerException().isThrownBy(() -> PostgresExpressions.normalize(null));
  }

  @Test
  void dialectDelegatesToNormalize() {
    Dialect dialect = PostgresDialect.INSTANCE;
    assertThat(dialect.normalizeExpression("((status)::text = ANY ((ARRAY['A'::character varying, 'B'::character varying])::text[]))"))
        .isEqualTo(dialect.normalizeExpression("status in ('A','B')"));
  }

  @Test
  void castsOfDomainColumnsToTheirBaseTypeAreRemoved() {
    java.util.Map<String, String> domains = java.util.Map.of("quantity", "integer", "email", "character varying(200)",
        "amount", "numeric(10,2)");

    assertThat(PostgresExpressions.withoutDomainCasts("((quantity)::integer > 0)", domains)).isEqualTo("quantity > 0");
    assertThat(PostgresExpressions.withoutDomainCasts("(((quantity)::integer >= 1) AND ((t.quantity)::integer <= 10))",
        domains)).isEqualTo("quantity >= 1 and t.quantity <= 10");
    assertThat(PostgresExpressions.withoutDomainCasts(
        "((COALESCE((email)::character varying, ''::character varying))::text <> 'x'::text)", domains))
        .isEqualTo("coalesce(email, ''::character varying)::text <> 'x'::text");
    assertThat(PostgresExpressions.withoutDomainCasts("((amount)::numeric > (0)::numeric)", domains))
        .isEqualTo("amount > 0::numeric");
    assertThat(n(PostgresExpressions.withoutDomainCasts("((quantity)::integer > 0)", domains)))
        .isEqualTo(n("quantity > 0"));
  }

  @Test
  void otherCastsAndOtherColumnsStay() {
    java.util.Map<String, String> domains = java.util.Map.of("quantity", "integer");
    for (String kept : new String[] {"((quantity)::bigint > 0)", "((other)::integer > 0)", "(quantity > 0)",
        "((quantity)::numeric(5,1) > 0)", "(lower(name) <> ''::text)", "quantity >"}) {
      assertThat(PostgresExpressions.withoutDomainCasts(kept, domains)).as(kept).isEqualTo(kept);
    }
    assertThat(PostgresExpressions.withoutDomainCasts("((quantity)::integer > 0)", java.util.Map.of()))
        .isEqualTo("((quantity)::integer > 0)");
  }

  /** Random cuts and splices of valid expressions: never an exception, and the result is stable. */
  @Test
  void mangledInputNeverThrowsAndIsIdempotent() {
    String[] seeds = canonicalForms().map(a -> (String) a.get()[0]).toArray(String[]::new);
    Random random = new Random(42);
    for (int i = 0; i < 5000; i++) {
      String a = seeds[random.nextInt(seeds.length)];
      String b = seeds[random.nextInt(seeds.length)];
      int cut = random.nextInt(a.length() + 1);
      String mangled = a.substring(0, cut) + b.substring(random.nextInt(b.length() + 1));
      String once = n(mangled);
      assertThat(n(once)).as("normalize(normalize(%s))", mangled).isEqualTo(once);
    }
  }
}
