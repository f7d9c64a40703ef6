package dev.autogen.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlTypeTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "int4|integer", "int|integer", "INTEGER|integer",
      "int8|bigint", "int2|smallint",
      "bool|boolean",
      "character varying(255)|varchar(255)", "VARCHAR(255)|varchar(255)",
      "character varying|varchar",
      "character(1)|char", "bpchar(1)|char(1)", "char|char(1)",
      "decimal(10,2)|numeric(10,2)", "numeric(10, 2)|numeric(10,2)", "numeric(10)|numeric(10,0)",
      "timestamp|timestamp(6)", "timestamp without time zone|timestamp(6)",
      "timestamp(6) without time zone|timestamp",
      "timestamptz|timestamp(6) with time zone", "timestamp with time zone|timestamp(6) with time zone",
      "timestamp(3) with time zone|timestamptz(3)",
      "time|time(6)", "timetz|time with time zone",
      "float8|double precision", "float(53)|double precision", "float|double precision",
      "float4|real", "float(24)|real",
      "_int4|integer[]", "integer array|int4[]", "varchar(255) array|character varying(255)[]",
  })
  void aliasesCollapse(String a, String b) {
    SqlType left = SqlType.parse(a);
    SqlType right = SqlType.parse(b.equals("timestamptz(3)") ? "timestamp(3) with time zone" : b);
    assertThat(left).isEqualTo(right);
    assertThat(left.hashCode()).isEqualTo(right.hashCode());
    assertThat(left.sql()).isEqualTo(right.sql());
  }

  @ParameterizedTest(name = "{0} <> {1}")
  @CsvSource(delimiter = '|', value = {
      "varchar(64)|varchar(32)", "varchar|text", "integer|bigint", "numeric(10,2)|numeric(10,3)",
      "numeric|numeric(38,2)", "timestamp|timestamptz", "timestamp(3)|timestamp(6)", "char(2)|char(1)",
      "integer|integer[]", "real|double precision", "json|jsonb",
  })
  void differentTypesStayDifferent(String a, String b) {
    assertThat(SqlType.parse(a)).isNotEqualTo(SqlType.parse(b));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "character varying(255)|varchar(255)", "int8|bigint", "decimal(12,2)|numeric(12,2)",
      "timestamptz|timestamp(6) with time zone", "_int4|integer[]", "float(53)|double precision",
      "\"OrderStatus\"|\"OrderStatus\"", "app.mood|app.mood",
  })
  void canonicalSpelling(String spelling, String sql) {
    assertThat(SqlType.parse(spelling).sql()).isEqualTo(sql);
  }

  @ParameterizedTest(name = "{0} is written {1}")
  @CsvSource(delimiter = '|', value = {
      "timestamp without time zone|timestamp", "timestamp|timestamp", "timestamp(6) without time zone|timestamp(6)",
      "timestamp with time zone|timestamp with time zone", "timestamptz(6)|timestamp(6) with time zone",
      "time without time zone|time", "timetz|time with time zone", "timestamp(3)|timestamp(3)",
      "timestamp without time zone[]|timestamp[]", "character varying(20)|varchar(20)", "int4|integer",
  })
  void spelledSqlKeepsAnUnwrittenTimePrecisionUnwritten(String spelling, String sql) {
    assertThat(SqlType.parse(spelling).spelledSql()).isEqualTo(sql);
  }

  @org.junit.jupiter.api.Test
  void aDomainEqualsItsBaseTypeAndKeepsItsName() {
    SqlType email = SqlType.ofDomain("email", SqlType.parse("character varying(200)"));

    assertThat(email).isEqualTo(SqlType.parse("varchar(200)")).hasSameHashCodeAs(SqlType.parse("varchar(200)"));
    assertThat(email.domain()).isTrue();
    assertThat(email.raw()).isEqualTo("email");
    assertThat(email.sql()).isEqualTo("varchar(200)");
    assertThat(SqlType.parse("varchar(200)").domain()).isFalse();
  }

  @ParameterizedTest(name = "{0} keeps its raw spelling")
  @CsvSource({"character varying(10)", "int4", "\"Mood\""})
  void rawSpellingIsKeptForMessages(String spelling) {
    assertThat(SqlType.parse(spelling).raw()).isEqualTo(spelling);
  }
}
