package dev.autogen.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

  @Test
  void hidesThePasswordOfTheUserInformation() {
    assertThat(JdbcUrls.redact("jdbc:postgresql://bob:s3cret@host/db")).isEqualTo("jdbc:postgresql://bob:***@host/db");
    assertThat(JdbcUrls.redact("jdbc:postgresql://bob:s3cret@host:5432/db?ssl=true"))
        .isEqualTo("jdbc:postgresql://bob:***@host:5432/db?ssl=true");
    assertThat(JdbcUrls.redact("jdbc:postgresql://bob:p@ss:w0rd@host/db"))
        .as("a password holding @ and :").isEqualTo("jdbc:postgresql://bob:***@host/db");
    assertThat(JdbcUrls.redact("jdbc:postgresql://:s3cret@host/db")).isEqualTo("jdbc:postgresql://:***@host/db");
  }

  @Test
  void hidesPasswordParametersInAnyCaseUpToTheNextAmpersand() {
    assertThat(JdbcUrls.redact("jdbc:postgresql://host/db?password=s3cret"))
        .isEqualTo("jdbc:postgresql://host/db?password=***");
    assertThat(JdbcUrls.redact("jdbc:postgresql://host/db?user=bob&PassWord=s3;cr=et&ssl=true"))
        .isEqualTo("jdbc:postgresql://host/db?user=bob&PassWord=***&ssl=true");
    assertThat(JdbcUrls.redact("jdbc:postgresql://host/db?sslpassword=k3y&password=s3cret"))
        .isEqualTo("jdbc:postgresql://host/db?sslpassword=***&password=***");
    assertThat(JdbcUrls.redact("jdbc:postgresql://bob:one@host/db?password=two"))
        .isEqualTo("jdbc:postgresql://bob:***@host/db?password=***");
  }

  @Test
  void leavesUrlsWithoutPasswordsAsTheyAre() {
    for (String url : new String[] {
        "jdbc:postgresql://host:5432/db", "jdbc:postgresql://bob@host:5432/db?user=bob&ssl=true",
        "jdbc:postgresql://h1:5432,h2:5433/db?targetServerType=primary", "jdbc:postgresql:db",
        "jdbc:postgresql://host/db?passwordless=yes", ""}) {
      assertThat(JdbcUrls.redact(url)).isEqualTo(url);
    }
    assertThat(JdbcUrls.redact(null)).isNull();
  }

  @Test
  void listsThePasswordsItHides() {
    assertThat(JdbcUrls.passwords("jdbc:postgresql://bob:p@ss@host/db?sslpassword=k3y&ssl=true&PASSWORD=two"))
        .containsExactly("p@ss", "k3y", "two");
    assertThat(JdbcUrls.passwords("jdbc:postgresql://bob:@host/db?password=")).isEmpty();
    assertThat(JdbcUrls.passwords("jdbc:postgresql://host:5432/db?user=bob")).isEmpty();
    assertThat(JdbcUrls.passwords(null)).isEmpty();
  }
}
