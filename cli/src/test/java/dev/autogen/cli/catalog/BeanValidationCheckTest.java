package dev.autogen.cli.catalog;

import static dev.autogen.fixtures.ApplicationJars.concat;
import static dev.autogen.fixtures.ApplicationJars.validationApiOnly;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.cli.Cli;
import dev.autogen.fixtures.ApplicationJars;
import dev.autogen.fixtures.BeanValidationEntities;
import dev.autogen.fixtures.HibernateSchemaCreation;
import dev.autogen.fixtures.JavaSources;
import dev.autogen.fixtures.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bean Validation on the user's path (issue 10 #3): a database that the application's own Hibernate
 * created with Hibernate Validator on its class path (a real session factory, {@link
 * HibernateSchemaCreation}) has the NOT NULLs, lengths, precisions and checks the constraints imply;
 * {@code autogen check} with the same class path finds nothing to do, for the bundled Hibernate 7 and
 * an application's Hibernate 6.6. With {@code hibernate.validator.apply_to_ddl=false} in the
 * application's {@code application.properties}, or without the provider on {@code --classpath}, the
 * constraints no longer apply and the NOT NULLs are reported; validation mode {@code ddl} without a
 * provider is a one-line error, exit code 2, as the application's Hibernate would not start.
 */
class BeanValidationCheckTest {

  @Test
  void checkIsCleanOnWhatHibernate7CreatedWithTheValidatorAndReportsTheNotNullsWhenApplyToDdlIsOff(@TempDir Path dir)
      throws Exception {
    List<Path> validator = ApplicationJars.directory("autogen.bean-validation-7");
    Path classes = BeanValidationEntities.compile(dir, validator);
    try (TestDatabase db = TestDatabase.create("bv_cli7")) {
      HibernateSchemaCreation.create(concat(List.of(classes), ApplicationJars.classPathFile("autogen.hibernate7.classpath"), validator),
          JavaSources.classNames(classes), Map.of(), db);
      String classpath = classpath(classes, validator);

      Cli.Result check = Cli.run(args("check", db, dir, classpath));
      assertThat(check.code()).as("what Hibernate created with the validator on: " + check.out() + check.err()).isZero();

      Files.writeString(classes.resolve("application.properties"),
          "spring.jpa.properties.hibernate.validator.apply_to_ddl=false\n");
      Cli.Result off = Cli.run(args("diff", db, dir, classpath, "--format", "json"));
      assertThat(off.code()).as(off.err()).isZero();
      assertThat(alteredColumns(off.out())).as("the NOT NULLs the validator made, reported with apply_to_ddl=false")
          .contains("member.name", "member.email", "club.president_id", "savings.branch");
      assertThat(Cli.run(args("check", db, dir, classpath)).code()).isEqualTo(1);

      Files.delete(classes.resolve("application.properties"));
      Cli.Result noProvider = Cli.run(args("diff", db, dir, classpath(classes, validationApiOnly(validator)), "--format", "json"));
      assertThat(noProvider.code()).as(noProvider.err()).isZero();
      assertThat(alteredColumns(noProvider.out())).as("no provider: the annotations apply nothing")
          .contains("member.name", "club.president_id");

      Files.writeString(classes.resolve("application.properties"),
          "spring.jpa.properties.jakarta.persistence.validation.mode=ddl\n");
      Cli.Result requested = Cli.run(args("check", db, dir, classpath(classes, validationApiOnly(validator))));
      assertThat(requested.code()).as("validation requested without a provider: " + requested.err()).isEqualTo(2);
      assertThat(requested.err().strip()).doesNotContain("\n")
          .contains("Bean Validation: no Bean Validation provider could be started, but validation mode ddl was requested");
    }
  }

  @Test
  void checkIsCleanOnWhatTheApplicationsHibernate66CreatedWithItsValidator(@TempDir Path dir) throws Exception {
    List<Path> validator = ApplicationJars.directory("autogen.bean-validation-6");
    Path classes = BeanValidationEntities.compile(dir, validator);
    List<Path> hibernate6 = ApplicationJars.classPathFile("autogen.hibernate6.classpath");
    try (TestDatabase db = TestDatabase.create("bv_cli6")) {
      HibernateSchemaCreation.create(concat(List.of(classes), hibernate6, validator),
          JavaSources.classNames(classes), Map.of(), db);
      Cli.Result check = Cli.run(args("check", db, dir, classpath(classes, concat(hibernate6, validator))));
      assertThat(check.code()).as("Hibernate 6.6 with Hibernate Validator 8.0: " + check.out() + check.err()).isZero();
    }
  }

  private static List<String> alteredColumns(String json) throws IOException {
    List<String> columns = new ArrayList<>();
    for (JsonNode change : new ObjectMapper().readTree(json).get("changes")) {
      if (change.get("kind").asText().equals("alter_column")) {
        columns.add(change.get("table").asText() + "." + change.get("column").asText());
      }
    }
    return columns;
  }

  private static String[] args(String command, TestDatabase db, Path dir, String classpath, String... more) {
    List<String> args = new ArrayList<>(List.of(command, "--url", db.url(), "--user", TestDatabase.user(),
        "--dev-url", TestDatabase.adminUrl(), "--no-input", "--cache-dir", dir.resolve("cache").toString(),
        "--classpath", classpath, "--packages", BeanValidationEntities.PACKAGE));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static String classpath(Path classes, List<Path> libraries) {
    return String.join(File.pathSeparator, concat(List.of(classes), libraries).stream().map(Path::toString).toList());
  }
}
