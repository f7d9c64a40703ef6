package dev.autogen.codegen.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VisibleTextTest {

  @Test
  void lineBreaksOfEveryKindBecomeVisibleSymbols() {
    assertThat(VisibleText.oneLine("a\nb\rc\r\nd\u0085e\u2028f\u2029g"))
        .isEqualTo("a␊b␍c␍␊d␊e␊f␊g");
  }

  @Test
  void terminalEscapeSequencesCannotReachTheTerminal() {
    assertThat(VisibleText.oneLine("\u001b[2J\u001b[HNo drift\u009b31m\u0007\b\u007f"))
        .isEqualTo("␛[2J␛[HNo drift\uFFFD31m␇␈␡");
  }

  @Test
  void bidirectionalOverridesAreShownNotApplied() {
    assertThat(VisibleText.oneLine("abc\u202Edef\u2066x\u2069\u200F")).isEqualTo("abc\uFFFDdef\uFFFDx\uFFFD\uFFFD");
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain name", "tab\there", "ünïcödé 名前 😀", "quote\"s 'and' */ -- $$ ${x}", ""})
  void printableTextIsUnchanged(String text) {
    assertThat(VisibleText.oneLine(text)).isSameAs(text);
    assertThat(VisibleText.isOneLine(text)).isTrue();
  }

  @Test
  void unpairedSurrogatesAreReplacedAndPairsKept() {
    assertThat(VisibleText.oneLine("a\uD83Db\uDE00c😀")).isEqualTo("a\uFFFDb\uFFFDc😀");
  }

  @Test
  void theMappingIsIdempotent() {
    String once = VisibleText.oneLine("x\ny\u001b\u202E\r");
    assertThat(VisibleText.oneLine(once)).isEqualTo(once);
    assertThat(VisibleText.isOneLine(once)).isTrue();
  }

  @Test
  void indentedLinesIndentEveryLineIncludingTheForgedOnes() {
    assertThat(VisibleText.indentedLines("select 1\nNo drift\u001b[2J", "    "))
        .isEqualTo("    select 1\n    No drift␛[2J\n");
  }
}
