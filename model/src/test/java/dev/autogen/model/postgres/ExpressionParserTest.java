package dev.autogen.model.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.model.postgres.Expr.Between;
import dev.autogen.model.postgres.Expr.Binary;
import dev.autogen.model.postgres.Expr.Bool;
import dev.autogen.model.postgres.Expr.Call;
import dev.autogen.model.postgres.Expr.Cast;
import dev.autogen.model.postgres.Expr.InList;
import dev.autogen.model.postgres.Expr.IsTest;
import dev.autogen.model.postgres.Expr.Name;
import dev.autogen.model.postgres.Expr.Not;
import dev.autogen.model.postgres.Expr.Num;
import dev.autogen.model.postgres.Expr.Quantified;
import dev.autogen.model.postgres.Expr.Str;
import dev.autogen.model.postgres.Expr.Unary;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionParserTest {

  private static final Name A = name("a");
  private static final Name B = name("b");
  private static final Name C = name("c");

  private static Name name(String n) {
    return new Name(List.of(n));
  }

  @Test
  void andBindsTighterThanOr() {
    assertThat(ExpressionParser.parse("a or b and c")).isEqualTo(new Bool(false, List.of(A, new Bool(true, List.of(B, C)))));
    assertThat(ExpressionParser.parse("(a or b) and c")).isEqualTo(new Bool(true, List.of(new Bool(false, List.of(A, B)), C)));
  }

  @Test
  void notBindsLooserThanComparisonAndIs() {
    assertThat(ExpressionParser.parse("not a = b")).isEqualTo(new Not(new Binary("=", A, B)));
    assertThat(ExpressionParser.parse("not a is null")).isEqualTo(new Not(new IsTest(A, "null", false)));
  }

  @Test
  void comparisonBindsTighterThanIs() {
    assertThat(ExpressionParser.parse("a = b is null")).isEqualTo(new IsTest(new Binary("=", A, B), "null", false));
  }

  @Test
  void predicatesBindTighterThanComparison() {
    assertThat(ExpressionParser.parse("a = b like c")).isEqualTo(new Binary("=", A, new Binary("~~", B, C)));
    assertThat(ExpressionParser.parse("a like b || c")).isEqualTo(new Binary("~~", A, new Binary("||", B, C)));
  }

  @Test
  void otherOperatorsBindLooserThanArithmetic() {
    assertThat(ExpressionParser.parse("a || b + c")).isEqualTo(new Binary("||", A, new Binary("+", B, C)));
    assertThat(ExpressionParser.parse("a - b - c")).isEqualTo(new Binary("-", new Binary("-", A, B), C));
    assertThat(ExpressionParser.parse("a + b * c")).isEqualTo(new Binary("+", A, new Binary("*", B, C)));
    assertThat(ExpressionParser.parse("a * b ^ c")).isEqualTo(new Binary("*", A, new Binary("^", B, C)));
  }

  @Test
  void unaryMinusBindsTighterThanExponentAndLooserThanCast() {
    assertThat(ExpressionParser.parse("-a ^ b")).isEqualTo(new Binary("^", new Unary("-", A), B));
    TypeName integer = new TypeName("integer", List.of(), 0);
    assertThat(ExpressionParser.parse("-a::int")).isEqualTo(new Unary("-", new Cast(A, integer)));
  }

  @Test
  void betweenTakesTheNearestAnd() {
    assertThat(ExpressionParser.parse("a between 1 and 2 and b"))
        .isEqualTo(new Bool(true, List.of(new Between(A, new Num("1"), new Num("2"), false, false), B)));
  }

  @Test
  void sqlSyntaxFunctionsBecomeCalls() {
    assertThat(ExpressionParser.parse("position('x' in a)")).isEqualTo(new Call(List.of("position"), List.of(A, new Str("x"))));
    assertThat(ExpressionParser.parse("extract(Year from a)")).isEqualTo(new Call(List.of("extract"), List.of(new Str("year"), A)));
    assertThat(ExpressionParser.parse("extract('year', a)")).isEqualTo(new Call(List.of("extract"), List.of(new Str("year"), A)));
    assertThat(ExpressionParser.parse("trim(trailing from a)")).isEqualTo(new Call(List.of("rtrim"), List.of(A)));
  }

  @Test
  void inListsAndQuantifiers() {
    assertThat(ExpressionParser.parse("a not in (1, b)")).isEqualTo(new InList(A, List.of(new Num("1"), B), true));
    assertThat(ExpressionParser.parse("a = any (b)")).isEqualTo(new Quantified("=", false, A, B));
    assertThat(ExpressionParser.parse("a not like all (b)")).isEqualTo(new Quantified("!~~", true, A, B));
  }

  @Test
  void columnNamedLikeATypeIsAColumn() {
    assertThat(ExpressionParser.parse("date > timestamp")).isEqualTo(new Binary(">", name("date"), name("timestamp")));
    assertThat(ExpressionParser.parse("date '2020-01-01'"))
        .isEqualTo(new Cast(new Str("2020-01-01"), new TypeName("date", List.of(), 0)));
  }

  @ParameterizedTest
  @MethodSource("dev.autogen.model.postgres.PostgresExpressionsTest#canonicalForms")
  void canonicalTextsAreWithinTheSubset(String input, String canonical) {
    assertThatCode(() -> ExpressionParser.parse(canonical)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a =", "a in (select 1)", "(a, b) = (1, 2)", "count(*)", "f(distinct a)", "sum(a) over ()",
      "exists (select 1)", "a between 1", "case end", "a is of (integer)", "a b", "a = any", "array(select 1)",
      "cast(a as)", "a at time zone 'UTC'", "a[1:2]", "x::interval day"})
  void rejectsWhatIsOutsideTheSubset(String input) {
    assertThatThrownBy(() -> ExpressionParser.parse(input)).isInstanceOf(ExpressionSyntaxException.class);
  }
}
