package dev.autogen.introspect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotedNameTest {

  @Test
  void plainSpellingDenotesItself() {
    assertThat(QuotedName.denotes("app", "app")).isTrue();
    assertThat(QuotedName.denotes("app", "App")).isFalse();
  }

  @Test
  void quotedSpellingDenotesTheNameInside() {
    assertThat(QuotedName.denotes("\"MySchema\"", "MySchema")).isTrue();
    assertThat(QuotedName.denotes("\"MySchema\"", "myschema")).isFalse();
    assertThat(QuotedName.denotes("\"a.b\"", "a.b")).isTrue();
  }

  @Test
  void embeddedQuotesMayOrMayNotBeDoubled() {
    assertThat(QuotedName.denotes("\"Odd\"Name\"", "Odd\"Name")).isTrue();
    assertThat(QuotedName.denotes("\"Odd\"\"Name\"", "Odd\"Name")).isTrue();
    assertThat(QuotedName.denotes("\"", "\"")).isTrue();
    assertThat(QuotedName.denotes("\"", "")).isFalse();
  }
}
