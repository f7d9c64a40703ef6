package dev.autogen.codegen.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MigrationSlugTest {

  @Test
  void lowerCaseAsciiWordsJoinedByUnderscores() {
    assertThat(MigrationSlug.of("Add bio column")).isEqualTo("add_bio_column");
    assertThat(MigrationSlug.of("  Add  bio -- column!! ")).isEqualTo("add_bio_column");
    assertThat(MigrationSlug.of("Crée la table « clients »")).isEqualTo("cree_la_table_clients");
    assertThat(MigrationSlug.of("V2__x.sql/../etc")).isEqualTo("v2_x_sql_etc");
  }

  @Test
  void neverEmpty() {
    assertThat(MigrationSlug.of("!!!")).isEqualTo(MigrationSlug.FALLBACK);
    assertThat(MigrationSlug.of("")).isEqualTo(MigrationSlug.FALLBACK);
    assertThat(MigrationSlug.of("日本語")).isEqualTo(MigrationSlug.FALLBACK);
    assertThat(MigrationSlug.of(null)).isEqualTo(MigrationSlug.FALLBACK);
  }

  @Test
  void atMostSixtyCharactersWithoutTrailingUnderscore() {
    String slug = MigrationSlug.of("word ".repeat(40));
    assertThat(slug).hasSizeLessThanOrEqualTo(60).doesNotEndWith("_").startsWith("word_word");
    assertThat(MigrationSlug.of("a".repeat(59) + " b c")).isEqualTo("a".repeat(59));
  }
}
