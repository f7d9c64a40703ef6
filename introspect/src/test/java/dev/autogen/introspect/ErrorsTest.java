package dev.autogen.introspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.SchemaSourceException;
import dev.autogen.model.SchemaSourceException.Reason;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failures become one actionable line with the right reason, never showing the password. */
class ErrorsTest {

  private static final String PASSWORD = "s3cret-pw";

  private static SchemaSourceException failure(String url, String user, IntrospectOptions options) {
    return catchThrowableOfType(SchemaSourceException.class,
        () -> new PostgresIntrospector(url, user, PASSWORD, options).read());
  }

  private static void assertOneLineWithoutPassword(SchemaSourceException e) {
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(PASSWORD);
  }

  @Test
  void refusedPort() {
    SchemaSourceException e = failure("jdbc:postgresql://127.0.0.1:1/app", "postgres", IntrospectOptions.defaults());

    assertOneLineWithoutPassword(e);
    assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
    assertThat(e.getMessage()).startsWith("cannot connect to jdbc:postgresql://127.0.0.1:1/app as postgres: ")
        .contains("refused");
  }

  @Test
  void unknownDatabase() {
    String url = TestDatabase.adminUrl().replace("/postgres", "/no_such_db_here");
    SchemaSourceException e = failure(url, TestDatabase.user(), IntrospectOptions.defaults());

    assertOneLineWithoutPassword(e);
    assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
    assertThat(e.getMessage())
        .isEqualTo("cannot connect to " + url + " as " + TestDatabase.user()
            + ": FATAL: database \"no_such_db_here\" does not exist");
  }

  @Test
  void passwordInTheUrlIsMasked() {
    String url = TestDatabase.adminUrl().replace("/postgres", "/no_such_db_here") + "?password=" + PASSWORD + "&ssl=false";
    SchemaSourceException e = failure(url, null, IntrospectOptions.defaults());

    assertOneLineWithoutPassword(e);
    assertThat(e.getMessage()).startsWith("cannot connect to ")
        .contains("/no_such_db_here?password=***&ssl=false as " + System.getProperty("user.name") + ": ");
  }

  @Test
  void passwordOfTheUserInformationIsMasked() {
    String urlPassword = "url-only-pw";
    SchemaSourceException e = catchThrowableOfType(SchemaSourceException.class, () -> new PostgresIntrospector(
        "jdbc:postgresql://postgres:" + urlPassword + "@127.0.0.1:1/app", null, null, IntrospectOptions.defaults()).read());

    assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
    assertThat(e.getMessage()).doesNotContain(urlPassword)
        .startsWith("cannot connect to jdbc:postgresql://postgres:***@127.0.0.1:1/app as " + System.getProperty("user.name")
            + ": ");
  }

  @Test
  void passwordIsMaskedWhereTheDriverRepeatsTheUrl() {
    String urlPassword = "url-only-pw";
    SchemaSourceException e = catchThrowableOfType(SchemaSourceException.class, () -> new PostgresIntrospector(
        "jdbc:postgresql://127.0.0.1:no-port/app?password=" + urlPassword, null, null, IntrospectOptions.defaults())
        .read());

    assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
    assertThat(e.getMessage()).doesNotContain(urlPassword)
        .endsWith("Unable to parse URL jdbc:postgresql://127.0.0.1:no-port/app?password=***");
  }

  @Test
  void unknownRole() {
    SchemaSourceException e = failure(TestDatabase.adminUrl(), "no_such_role", IntrospectOptions.defaults());

    assertOneLineWithoutPassword(e);
    assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
    assertThat(e.getMessage()).contains(" as no_such_role: ").contains("no_such_role");
  }

  @Test
  void unknownHost() {
    SchemaSourceException e = failure("jdbc:postgresql://no-such-host.invalid:5432/app", "postgres",
        IntrospectOptions.defaults());

    assertOneLineWithoutPassword(e);
    assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
    assertThat(e.getMessage()).startsWith("cannot connect to jdbc:postgresql://no-such-host.invalid:5432/app as postgres: ")
        .contains("no-such-host.invalid");
  }

  @Test
  void notAPostgresUrl() {
    SchemaSourceException e = failure("jdbc:mysql://localhost/app?password=" + PASSWORD, "root",
        IntrospectOptions.defaults());

    assertOneLineWithoutPassword(e);
    assertThat(e.reason()).isEqualTo(Reason.INPUT);
    assertThat(e.getMessage()).startsWith("not a PostgreSQL JDBC URL: jdbc:mysql://localhost/app?password=***");
  }

  @Test
  void schemaThatDoesNotExist() {
    try (TestDatabase db = TestDatabase.create("noschema")) {
      SchemaSourceException e = catchThrowableOfType(SchemaSourceException.class, () -> FeatureDatabase
          .introspector(db, new IntrospectOptions(List.of("public", "nope"), List.of(), List.of())).read());

      assertThat(e.reason()).isEqualTo(Reason.INPUT);
      assertThat(e.getMessage()).isEqualTo("schema nope does not exist in " + db.name());
    }
  }

  @Test
  void severalSchemasThatDoNotExist() {
    try (TestDatabase db = TestDatabase.create("noschema")) {
      SchemaSourceException e = catchThrowableOfType(SchemaSourceException.class, () -> FeatureDatabase
          .introspector(db, new IntrospectOptions(List.of("nope", "public", "gone"), List.of(), List.of())).read());

      assertThat(e.reason()).isEqualTo(Reason.INPUT);
      assertThat(e.getMessage()).isEqualTo("schemas nope, gone do not exist in " + db.name());
    }
  }

  @Test
  void closedConnectionIsUnreachable() throws Exception {
    try (TestDatabase db = TestDatabase.create("closed")) {
      Connection c = db.connect();
      c.close();
      SchemaSourceException e = catchThrowableOfType(SchemaSourceException.class,
          () -> PostgresIntrospector.read(c, IntrospectOptions.defaults()));

      assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
      assertThat(e.getMessage()).doesNotContain("\n").contains("connection");
    }
  }
}
