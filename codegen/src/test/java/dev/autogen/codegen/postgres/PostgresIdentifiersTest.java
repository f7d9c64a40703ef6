package dev.autogen.codegen.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresIdentifiersTest {

  private static final List<String> SAMPLES = List.of(
      "customer", "_x1", "Order", "Mixed", "we\"ird", "a b", "1abc", "café", "x$y", "user", "order", "select",
      "table", "group", "check", "default", "column", "primary", "references", "desc", "limit", "offset", "end",
      "value", "name", "time", "values", "left", "is", "\"", "");

  @Test
  void quotesExactlyWhatQuoteIdentQuotesForEveryKeywordAndSample() throws SQLException {
    try (TestDatabase db = TestDatabase.create("quote"); Connection c = db.connect()) {
      List<String> words = new ArrayList<>(SAMPLES);
      List<String> keywordsNeedingQuotes = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select word, catcode from pg_get_keywords()")) {
        while (rs.next()) {
          words.add(rs.getString(1));
          if (!rs.getString(2).equals("U")) {
            keywordsNeedingQuotes.add(rs.getString(1));
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement("select quote_ident(?)")) {
        for (String word : words) {
          ps.setString(1, word);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(PostgresIdentifiers.quote(word)).as(word).isEqualTo(rs.getString(1));
          }
        }
      }
      assertThat(keywordsNeedingQuotes).allSatisfy(k -> assertThat(PostgresIdentifiers.quote(k)).startsWith("\""));
    }
  }

  @Test
  void quotesReservedWordsMixedCaseAndEmbeddedQuotes() {
    assertThat(PostgresIdentifiers.quote("customer")).isEqualTo("customer");
    assertThat(PostgresIdentifiers.quote("user")).isEqualTo("\"user\"");
    assertThat(PostgresIdentifiers.quote("Order")).isEqualTo("\"Order\"");
    assertThat(PostgresIdentifiers.quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
  }

  @Test
  void qualifiesOnlyOutsideTheDefaultSchema() {
    assertThat(PostgresIdentifiers.qualified(new QualifiedName("public", "customer"))).isEqualTo("customer");
    assertThat(PostgresIdentifiers.qualified(new QualifiedName("app", "customer"))).isEqualTo("app.customer");
    assertThat(PostgresIdentifiers.qualified(new QualifiedName("Mixed", "Order"))).isEqualTo("\"Mixed\".\"Order\"");
    assertThat(PostgresIdentifiers.qualified(new QualifiedName("public", "user"))).isEqualTo("\"user\"");
  }

  @Test
  void quotedNamesExecute() {
    try (TestDatabase db = TestDatabase.create("quoted")) {
      String schema = PostgresIdentifiers.quote("we\"ird Schema");
      String table = PostgresIdentifiers.qualified("we\"ird Schema", "user");
      db.execute("create schema " + schema + "; create table " + table + " ("
          + String.join(" integer, ", SAMPLES.stream().filter(w -> !w.isEmpty()).map(PostgresIdentifiers::quote).toList())
          + " integer)");
      db.execute("insert into " + table + " (" + PostgresIdentifiers.quote("order") + ", "
          + PostgresIdentifiers.quote("we\"ird") + ") values (1, 2)");
    }
  }
}
