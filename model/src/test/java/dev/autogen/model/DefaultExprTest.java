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
  void ownershipOfTheSequenceIsCarriedButNotCompared() {
    DefaultExpr.NextValue parsed = (DefaultExpr.NextValue) DefaultExpr.parse("nextval('app.t_id_seq'::regclass)");
    assertThat(parsed.owned()).as("parsing cannot know who owns the sequence").isFalse();
    assertThat(new DefaultExpr.NextValue("t_id_seq", null).owned()).isFalse();

    DefaultExpr.NextValue owned = parsed.withOwned(true);
    assertThat(owned.owned()).isTrue();
    assertThat(owned.sequence()).isEqualTo("app.t_id_seq");
    assertThat(owned.sql()).isEqualTo(parsed.sql());
    assertThat(owned.withOwned(false).owned()).isFalse();
    assertThat(owned).isEqualTo(parsed).isEqualTo(DefaultExpr.parse("nextval('t_id_seq')"))
        .hasSameHashCodeAs(parsed);
    assertThat(owned).isNotEqualTo(new DefaultExpr.NextValue("other_seq", null, true));
  }

  @Test
  void theSequenceNameIsThePartAfterTheSchema() {
    assertThat(new DefaultExpr.NextValue("app.t_id_seq", null).sequenceName()).isEqualTo("t_id_seq");
    assertThat(new DefaultExpr.NextValue("t_id_seq", null).sequenceName()).isEqualTo("t_id_seq");
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
