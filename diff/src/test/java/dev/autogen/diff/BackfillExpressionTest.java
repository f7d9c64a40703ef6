package dev.autogen.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A {@code --fill} expression must be one whole SQL expression (issue 9, #10). */
class BackfillExpressionTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "lower(name)", "'n/a'", "coalesce(nick, 'it''s')", "E'a\\'b'", "\"Odd Name\" || '-' || id",
      "$$x;y$$", "$tag$ ) ( $tag$", "arr[1]", "price * 2 -- a comment with ( and ;", "/* nested /* ( */ */ 1",
      "'$backfill$'", "price::numeric(10, 2)"})
  void wholeExpressionsAreTakenAsGiven(String expression) {
    assertThat(Backfill.parse("t.c=" + expression, "public").expression()).isEqualTo(expression.trim());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "lower(((", "lower(name))", "'abc", "\"abc", "$backfill$ x", "$$ x", "/* x", "arr[1", "1; drop table t",
      "(1]", "E'a\\'"})
  void incompleteExpressionsAreRejectedWithTheReason(String expression) {
    assertThatThrownBy(() -> Backfill.parse("t.c=" + expression, "public"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--fill t.c")
        .hasMessageContaining("is not one SQL expression");
  }
}
