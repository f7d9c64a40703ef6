package dev.autogen.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefaultExprTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "'x'::character varying|'x'",
      "'it''s'::text|'it''s'",
      "('NEW'::character varying)|'NEW'",
      "0|0", "(0)|0", "'0'::integer|'0'", "(-1)|-1", "+5|5", "1.50::numeric|1.50",
      "true|TRUE", "false::boolean|false",
  })
  void castsAndParenthesesDoNotMatter(String catalog, String entity) {
    assertThat(DefaultExpr.parse(catalog)).isEqualTo(DefaultExpr.parse(entity));
  }

  @Test
  void sequenceDefaultsAreModelledNotCompared() {
    DefaultExpr nextval = DefaultExpr.parse("nextval('customer_id_seq'::regclass)");
    assertThat(nextval).isInstanceOf(DefaultExpr.NextValue.class);
    assertThat(((DefaultExpr.NextValue) nextval).sequence()).isEqualTo("customer_id_seq");
    assertThat(nextval).isEqualTo(DefaultExpr.parse("nextval('public.customer_id_seq')"));
    assertThat(nextval).isNotEqualTo(DefaultExpr.parse("nextval('other_seq'::regclass)"));
    assertThat(((DefaultExpr.NextValue) DefaultExpr.parse("nextval('\"Odd\"\"Seq\"'::regclass)")).sequence())
        .isEqualTo("Odd\"Seq");
  }

  @Test
  void expressionsAndEmptyDefaults() {
    assertThat(DefaultExpr.parse("now()")).isEqualTo(new DefaultExpr.Expression("now()"));
    assertThat(DefaultExpr.parse(null)).isNull();
    assertThat(DefaultExpr.parse("  ")).isNull();
    assertThat(DefaultExpr.parse("'a'")).isNotEqualTo(DefaultExpr.parse("'b'"));
    assertThat(DefaultExpr.parse("1")).isNotEqualTo(DefaultExpr.parse("'1'"));
  }
}
