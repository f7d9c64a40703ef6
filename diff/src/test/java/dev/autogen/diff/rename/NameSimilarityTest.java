package dev.autogen.diff.rename;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameSimilarityTest {

  @Test
  void wordsSplitAtUnderscoresAndCamelCaseHumps() {
    assertThat(NameSimilarity.words("fullName")).containsExactly("full", "name");
    assertThat(NameSimilarity.words("full_name")).containsExactly("full", "name");
    assertThat(NameSimilarity.words("address2Line")).containsExactly("address2", "line");
    assertThat(NameSimilarity.words("__ID")).containsExactly("id");
  }

  @Test
  void theSameWordsSpelledDifferentlyAreOne() {
    assertThat(NameSimilarity.of("fullname", "full_name")).isEqualTo(1);
    assertThat(NameSimilarity.of("fullName", "full_name")).isEqualTo(1);
  }

  @Test
  void aKeptWordCountsAndUnrelatedNamesScoreLow() {
    double kept = NameSimilarity.of("full_name", "display_name");
    double other = NameSimilarity.of("full_name", "created_at");
    assertThat(kept).isBetween(0.4, 0.9).isGreaterThan(other);
    assertThat(NameSimilarity.of("email", "email_address")).isGreaterThan(kept);
    assertThat(NameSimilarity.of("a", "b")).isZero();
  }
}
