package dev.autogen.codegen.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlTemplatesTest {

  @Test
  void aCommentValueCannotEndItsLineButSqlIsWrittenAsItIs() throws IOException {
    String hostile = "x\ncreate table p();--\r\u001b[2J";
    String text = new SqlTemplates().render("flyway-upgrade.sql.mustache", Map.of(
        "header", Map.of("messageLines", List.of(hostile), "hazards", List.of()),
        "statements", List.of(Map.of("comment", hostile, "sql", List.of("select '\n'")))));
    assertThat(text).contains("-- x␊create table p();--␍␛[2J\n")
        .contains("select '\n';")
        .doesNotContain("\ncreate table p()");
  }

  /** The templates' own rule: {@code {{x}}} (escaped) on comment lines, {@code {{{x}}}} only for SQL lines. */
  @ParameterizedTest
  @ValueSource(strings = {"flyway-upgrade.sql.mustache", "flyway-downgrade.sql.mustache", "flyway-header.sql.mustache",
      "liquibase-changelog.sql.mustache"})
  void commentLinesUseTheEscapingTagAndSqlLinesNothingElse(String template) throws IOException {
    String source;
    try (InputStream in = SqlTemplates.class.getClassLoader().getResourceAsStream(SqlTemplates.ROOT + "/" + template)) {
      source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (String line : source.lines().toList()) {
      if (line.contains("{{{")) {
        assertThat(line).as("an unescaped value stands alone on its SQL line, or on a formatted SQL rollback line")
            .matches("\\{\\{\\{\\.}}};|-- rollback \\{\\{\\{\\.}}}"
                + "|-- precondition-sql-check expectedResult:\\{\\{expected}} \\{\\{\\{\\.}}}");
      } else if (line.contains("{{") && !line.matches("\\s*\\{\\{[#^/>!].*")) {
        assertThat(line).as("an escaped value sits on a comment line").startsWith("--");
      }
    }
  }
}
