package dev.autogen.cli.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DatabaseLoginTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "jdbc:postgresql://h:5432/app|jdbc:postgresql://h:5432/scratch",
      "jdbc:postgresql://h:5432/app?ssl=true&user=x|jdbc:postgresql://h:5432/scratch?ssl=true&user=x",
      "jdbc:postgresql://h:5432|jdbc:postgresql://h:5432/scratch",
      "jdbc:postgresql://h:5432/|jdbc:postgresql://h:5432/scratch",
      "jdbc:postgresql://h?ssl=true|jdbc:postgresql://h/scratch?ssl=true",
      "jdbc:postgresql://a:1,b:2/app|jdbc:postgresql://a:1,b:2/scratch",
      "jdbc:postgresql:app|jdbc:postgresql:scratch",
  })
  void scratchDatabaseReplacesOrAddsTheDatabase(String url, String expected) {
    assertThat(new DatabaseLogin(url, "u", "p").withDatabase("scratch").url()).isEqualTo(expected);
  }

  @Test
  void passwordsNeverShow() {
    DatabaseLogin login = new DatabaseLogin("jdbc:postgresql://h/app?password=s3cret", "u", "hunter2");
    assertThat(login.toString()).doesNotContain("s3cret").doesNotContain("hunter2");
    assertThatThrownBy(() -> new DatabaseLogin("jdbc:mysql://h/app?password=s3cret", null, null))
        .hasMessageNotContaining("s3cret");
  }
}
