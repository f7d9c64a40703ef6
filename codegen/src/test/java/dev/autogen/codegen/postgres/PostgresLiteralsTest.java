package dev.autogen.codegen.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.fixtures.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The literal boundary, checked by PostgreSQL itself: every hostile text reads back exactly. */
class PostgresLiteralsTest {

  private static final List<String> HOSTILE = List.of(
      "it's", "back\\slash", "\\'; create table p(); --", "ends in backslash\\", "line\nbreak\r\n",
      "$$ dollar $$", "$body$", "*/ -- /*", "\u001b[2J", "ünïcödé 😀", "''", "\\\\", "E'x'");

  @Test
  void stringsReadBackExactlyWhateverStandardConformingStringsSays() throws SQLException {
    try (TestDatabase db = TestDatabase.create("literals");
        Connection c = DriverManager.getConnection(db.url(), TestDatabase.user(), TestDatabase.password());
        Statement s = c.createStatement()) {
      for (String setting : List.of("on", "off")) {
        s.execute("set standard_conforming_strings = " + setting);
        s.execute("set escape_string_warning = off");
        for (String text : HOSTILE) {
          try (ResultSet rs = s.executeQuery("select " + PostgresLiterals.string(text))) {
            rs.next();
            assertThat(rs.getString(1)).as("standard_conforming_strings=%s: %s", setting, text).isEqualTo(text);
          }
        }
      }
    }
  }

  @Test
  void dollarQuotedBodiesEndOnlyWhereTheRendererEndsThem() throws SQLException {
    List<String> bodies = List.of("plain", "holds $trigger$ inside", "ends in $trigger", "ends in $",
        "$trigger$", "$trigger_1$ and $trigger$", "");
    try (TestDatabase db = TestDatabase.create("dollars");
        Connection c = DriverManager.getConnection(db.url(), TestDatabase.user(), TestDatabase.password());
        Statement s = c.createStatement()) {
      for (String body : bodies) {
        try (ResultSet rs = s.executeQuery("select " + PostgresLiterals.dollarQuoted(body, "trigger"))) {
          rs.next();
          assertThat(rs.getString(1)).as(body).isEqualTo(body);
        }
      }
    }
  }

  @Test
  void aPlainTextKeepsThePlainForm() {
    assertThat(PostgresLiterals.string("it's")).isEqualTo("'it''s'");
    assertThat(PostgresLiterals.string("a\\b")).isEqualTo("E'a\\\\b'");
    assertThat(PostgresLiterals.dollarQuoted("x", "t")).isEqualTo("$t$x$t$");
    assertThat(PostgresLiterals.dollarQuoted("$t$", "t")).isEqualTo("$t_1$$t$$t_1$");
  }

  @Test
  void refusesWhatNoConstantCanHold() {
    assertThatThrownBy(() -> PostgresLiterals.string("a\0b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PostgresLiterals.dollarQuoted("x", "1bad")).isInstanceOf(IllegalArgumentException.class);
  }
}
