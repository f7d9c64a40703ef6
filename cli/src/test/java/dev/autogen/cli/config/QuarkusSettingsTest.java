package dev.autogen.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.cli.ChildJvm;
import dev.autogen.cli.Cli;
import dev.autogen.cli.Main;
import dev.autogen.fixtures.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Quarkus application's {@code application.properties} through the command line, on real databases
 * whose {@code Instant} column is {@code timestamp} (as Quarkus' Hibernate creates it with {@code
 * quarkus.hibernate-orm.mapping.instant.preferred-jdbc-type=TIMESTAMP}): the {@code %prod.} keys decide by
 * default and {@code --profile} picks others, the profile's default schema is the schema compared, its
 * environment variables ({@code _PROD_QUARKUS_...}) and placeholders apply, its datasource login is used
 * for its own URL only, and {@code autogen config} shows each with its source.
 */
class QuarkusSettingsTest {

  private static final String INSTANT = "quarkus.hibernate-orm.mapping.instant.preferred-jdbc-type";

  @Test
  void theProdProfilesHibernateSettingDecidesTheCheckAndAnotherProfileDoesNot(@TempDir Path dir) throws Exception {
    try (TestDatabase db = eventDatabase("qprofile", "")) {
      Path classes = ApplicationFixtures.classesWith(dir, INSTANT + "=TIMESTAMP_WITH_TIMEZONE\n%prod." + INSTANT + "=TIMESTAMP\n");
      Cli.Result prod = Cli.run(args("check", db, classes, dir));
      assertThat(prod.code()).as("prod is the default profile: " + prod.out() + prod.err()).isZero();

      Cli.Result dev = Cli.run(args("check", db, classes, dir, "--profile", "dev"));
      assertThat(dev.code()).as(dev.out() + dev.err()).isEqualTo(1);
      assertThat(dev.out()).contains("happened_at");
    }
  }

  /** {@code quarkus.hibernate-orm.packages} names the entities, as {@code --packages} does. */
  @Test
  void quarkusPackagesNameTheEntities(@TempDir Path dir) throws Exception {
    try (TestDatabase db = eventDatabase("qpackages", "")) {
      String entities = dev.autogen.cli.config.instant.Event.class.getPackageName();
      Path classes = ApplicationFixtures.classesWith(dir, INSTANT + "=TIMESTAMP\nquarkus.hibernate-orm.packages=" + entities + "\n");
      List<String> args = new java.util.ArrayList<>(List.of(args("check", db, classes, dir)));
      int at = args.indexOf("--packages");
      assertThat(args.get(at + 1)).isEqualTo(entities);
      args.remove(at);
      args.remove(at);
      Cli.Result check = Cli.run(args.toArray(String[]::new));
      assertThat(check.code()).as("only the package's entity is read: " + check.out() + check.err()).isZero();
    }
  }

  @Test
  void theProfilesDefaultSchemaIsTheSchemaCompared(@TempDir Path dir) throws Exception {
    try (TestDatabase db = eventDatabase("qschema", "shop")) {
      Path classes = ApplicationFixtures.classesWith(dir, INSTANT + "=TIMESTAMP\n%prod.quarkus.hibernate-orm.database.default-schema=shop\n");
      Cli.Result prod = Cli.run(args("check", db, classes, dir));
      assertThat(prod.code()).as(prod.out() + prod.err()).isZero();

      Cli.Result test = Cli.run(args("check", db, classes, dir, "--profile", "test"));
      assertThat(test.code()).as("public has no event table: " + test.out() + test.err()).isEqualTo(1);
    }
  }

  @Test
  void configShowsTheQuarkusSettingsWithTheirSourcesAndMasksThePassword(@TempDir Path dir) throws Exception {
    try (TestDatabase db = eventDatabase("qconfig", "")) {
      Path classes = ApplicationFixtures.classesWith(dir, """
          quarkus.datasource.jdbc.url=jdbc:postgresql://db.example:5432/shop
          %prod.quarkus.datasource.username=shop
          %prod.quarkus.datasource.password=s3cret-value
          %prod.quarkus.hibernate-orm.mapping.instant.preferred-jdbc-type=${INSTANT_TYPE:TIMESTAMP}
          quarkus.flyway.locations=db/shop
          quarkus.flyway.default-schema=app
          """);
      Path file = classes.resolve("application.properties");
      Cli.Result config = Cli.run(args("config", db, classes, dir));
      assertThat(config.code()).as(config.err()).isZero();
      assertThat(config.out())
          .contains("profile = prod  (default: Quarkus' profile of a packaged application)")
          .contains("naming = hibernate  (default)")
          .contains("hibernate.type.preferred_instant_jdbc_type = TIMESTAMP  (" + file + ":4 (%prod." + INSTANT + ") as "
              + INSTANT + ")")
          .contains("migrations = src/main/resources/db/shop  (" + file + ":5)")
          .contains("flyway-schema = app  (" + file + ":6)")
          .contains("%prod.quarkus.datasource.password = ***  (" + file + ":3)")
          .contains("quarkus.datasource.password = ***  (" + file + ":3 (%prod.quarkus.datasource.password))")
          .doesNotContain("s3cret-value");

      Cli.Result check = Cli.run(args("check", db, classes, dir));
      assertThat(check.code()).as("the placeholder's default applies: " + check.out() + check.err()).isZero();
    }
  }

  @Test
  void theProfilesEnvironmentVariableWinsOverTheFileInAChildJvm(@TempDir Path dir) throws Exception {
    try (TestDatabase db = eventDatabase("qenv", "")) {
      Path classes = ApplicationFixtures.classesWith(dir, "%prod." + INSTANT + "=TIMESTAMP_WITH_TIMEZONE\n");
      Path work = Files.createDirectories(dir.resolve("work"));
      String[] check = args("check", db, classes, dir);
      Map<String, String> env = Map.of("QUARKUS_HIBERNATE_ORM_MAPPING_INSTANT_PREFERRED_JDBC_TYPE", "TIMESTAMP_UTC",
          "_PROD_QUARKUS_HIBERNATE_ORM_MAPPING_INSTANT_PREFERRED_JDBC_TYPE", "TIMESTAMP");
      ChildJvm overridden = ChildJvm.start(dir.resolve("logs"), List.of(), env, work, Main.class, check);
      assertThat(overridden.waitFor(120)).as(overridden.out() + overridden.err()).isZero();

      ChildJvm config = ChildJvm.start(dir.resolve("logs"), List.of(), env, work, Main.class,
          args("config", db, classes, dir));
      assertThat(config.waitFor(120)).as(config.err()).isZero();
      assertThat(config.out()).contains("hibernate.type.preferred_instant_jdbc_type = TIMESTAMP  "
          + "(environment _PROD_QUARKUS_HIBERNATE_ORM_MAPPING_INSTANT_PREFERRED_JDBC_TYPE as " + INSTANT + ")");
    }
  }

  @Test
  void theDatasourceLoginIsUsedOnlyForTheDatasourcesOwnUrl(@TempDir Path dir) {
    ApplicationFixtures.usedOnlyForTheOwnUrl("qlogin", (db, role) -> args("check", db, ApplicationFixtures.classesWith(dir, INSTANT
        + "=TIMESTAMP\nquarkus.datasource.jdbc.url=" + db.url() + "\n%prod.quarkus.datasource.username=" + role + "\n"),
        dir));
  }

  /** @return a database with table {@code event} ({@code happened_at timestamp}) in {@code schema}, else in public */
  private static TestDatabase eventDatabase(String name, String schema) {
    TestDatabase db = TestDatabase.create(name);
    String table = schema.isEmpty() ? "event" : schema + ".event";
    if (!schema.isEmpty()) {
      db.execute("create schema " + schema);
    }
    db.execute("create table " + table + " (id bigint primary key, happened_at timestamp(6))");
    return db;
  }

  private static String[] args(String command, TestDatabase db, Path resources, Path dir, String... more) {
    return ApplicationFixtures.args(command, db, resources, dir, more);
  }
}
