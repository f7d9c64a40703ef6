package dev.autogen.model.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PostgresIdentifiers} against the server's own {@code quote_ident()} and {@code pg_get_keywords()}. */
class PostgresIdentifiersTest {

  private static final List<String> SAMPLES = List.of(
      "customer", "_x1", "Order", "MIXED", "we\"ird", "a b", "1abc", "café", "x$y", "user", "order", "select",
      "value", "name", "time", "values", "left", "is", "coalesce", "\"", "");

  @Test
  void quotesExactlyWhatQuoteIdentQuotesForEveryKeywordAndSample() throws SQLException {
    try (ScratchDatabase db = ScratchDatabase.create("model_quote")) {
      List<String> words = new ArrayList<>(SAMPLES);
      String all = db.queryString("select string_agg(word || ':' || catcode::text, ',' order by word) from pg_get_keywords()");
      for (String entry : all.split(",")) {
        String[] wordAndCategory = entry.split(":");
        words.add(wordAndCategory[0]);
        assertThat(PostgresIdentifiers.isKeyword(wordAndCategory[0])).as(entry)
            .isEqualTo(!wordAndCategory[1].equals("U"));
      }
      assertThat(words).as("PostgreSQL 15 has about 470 key words").hasSizeGreaterThan(SAMPLES.size() + 400);
      for (String word : words) {
        assertThat(PostgresIdentifiers.quote(word)).as(word).isEqualTo(db.queryString("select quote_ident(?)", word));
      }
    }
  }

  @Test
  void leavesSafeNamesBareAndQuotesTheRest() {
    assertThat(List.of("customer", "_x1", "value").stream().map(PostgresIdentifiers::quote))
        .containsExactly("customer", "_x1", "value");
    assertThat(PostgresIdentifiers.quote("user")).isEqualTo("\"user\"");
    assertThat(PostgresIdentifiers.quote("Order")).isEqualTo("\"Order\"");
    assertThat(PostgresIdentifiers.quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
    assertThat(PostgresIdentifiers.isKeyword("Select")).as("key words are matched in lower case only").isFalse();
    assertThatNullPointerException().isThrownBy(() -> PostgresIdentifiers.quote(null));
  }

  @Test
  void functionNamesStayBareWhereTheGrammarAllowsAKeywordBeforeAParenthesis() {
    assertThat(PostgresIdentifiers.quoteFunctionName("left")).isEqualTo("left");
    assertThat(PostgresIdentifiers.quoteFunctionName("coalesce")).isEqualTo("coalesce");
    assertThat(PostgresIdentifiers.quoteFunctionName("values")).isEqualTo("\"values\"");
    assertThat(PostgresIdentifiers.quoteFunctionName("user")).isEqualTo("\"user\"");
    assertThat(PostgresIdentifiers.quoteFunctionName("Lower")).isEqualTo("\"Lower\"");
  }
}
