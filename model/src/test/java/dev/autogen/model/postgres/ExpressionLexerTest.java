package dev.autogen.model.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.autogen.model.postgres.Token.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionLexerTest {

  private static List<String> texts(String input) {
    return ExpressionLexer.tokenize(input).stream().map(Token::text).toList();
  }

  private static List<Kind> kinds(String input) {
    return ExpressionLexer.tokenize(input).stream().map(Token::kind).toList();
  }

  @Test
  void stringConstantsAreDecoded() {
    assertThat(ExpressionLexer.tokenize("'it''s'").get(0)).isEqualTo(new Token(Kind.STRING, "it's", 0));
    assertThat(texts("E'a\\nb\\'c\\\\d\\x41\\101\\u00e9'").get(0)).isEqualTo("a\nb'c\\dAAé");
    assertThat(texts("e'x''y'").get(0)).isEqualTo("x'y");
    assertThat(texts("'a\\b'").get(0)).isEqualTo("a\\b");
    assertThat(texts("$$it's$$").get(0)).isEqualTo("it's");
    assertThat(texts("$tag$a$$b$tag$").get(0)).isEqualTo("a$$b");
  }

  @Test
  void identifiersFoldUnlessQuoted() {
    assertThat(ExpressionLexer.tokenize("Status \"Status\" \"a\"\"b\" Ünï"))
        .extracting(Token::kind, Token::text)
        .containsExactly(
            tuple(Kind.WORD, "status"),
            tuple(Kind.IDENTIFIER, "Status"),
            tuple(Kind.IDENTIFIER, "a\"b"),
            tuple(Kind.WORD, "Ünï"),
            tuple(Kind.END, ""));
  }

  @Test
  void numbers() {
    assertThat(texts("1 1.5 .5 5. 1e3 2.5E-2")).containsExactly("1", "1.5", ".5", "5.", "1e3", "2.5E-2", "");
    assertThat(kinds("1.5")).containsExactly(Kind.NUMBER, Kind.END);
  }

  @Test
  void operatorsFollowThePlusMinusRule() {
    assertThat(texts("a<-1")).containsExactly("a", "<", "-", "1", "");
    assertThat(texts("a>=-1")).containsExactly("a", ">=", "-", "1", "");
    assertThat(texts("a*-1")).containsExactly("a", "*", "-", "1", "");
    assertThat(texts("a @- b")).containsExactly("a", "@-", "b", "");
    assertThat(texts("a!=b")).containsExactly("a", "<>", "b", "");
    assertThat(texts("a !~~* b || c")).containsExactly("a", "!~~*", "b", "||", "c", "");
  }

  @Test
  void punctuationAndCasts() {
    assertThat(texts("(a)::text[1],t.b")).containsExactly("(", "a", ")", "::", "text", "[", "1", "]", ",", "t", ".", "b", "");
  }

  @Test
  void commentsAreSkipped() {
    assertThat(texts("a -- one\n+ /* two /* nested */ */ b")).containsExactly("a", "+", "b", "");
    assertThat(texts("a+--c\nb")).containsExactly("a", "+", "b", "");
  }

  @Test
  void positionsPointAtTokens() {
    assertThat(ExpressionLexer.tokenize("ab = 'x'")).extracting(Token::position).containsExactly(0, 3, 5, 8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"'open", "\"open", "E'open\\", "$$open", "/* open", "a ; b", "a = $1", "\"\"",
      "B'101'", "X'1F'", "U&'x'", "1abc", "a : b", "E'\\0'", "E'\\u12'", "E'\\400'", "E'\\xE9'"})
  void rejectsWhatIsNotAnExpressionToken(String input) {
    assertThatThrownBy(() -> ExpressionLexer.tokenize(input)).isInstanceOf(ExpressionSyntaxException.class);
  }
}
