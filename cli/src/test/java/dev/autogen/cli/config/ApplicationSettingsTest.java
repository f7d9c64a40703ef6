package dev.autogen.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.cli.ChildJvm;
import dev.autogen.cli.Cli;
import dev.autogen.cli.Main;
import dev.autogen.fixtures.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's own settings through the command line, on a real database whose {@code Instant}
 * column is {@code timestamp} (as the application's Hibernate creates it with {@code
 * hibernate.type.preferred_instant_jdbc_type=TIMESTAMP}): read from {@code application.yml} and {@code
 * application.properties} on the class path and in the working directory, {@code hibernate.properties},
 * {@code autogen.properties}, profiles, environment variables and placeholders, part of the entity cache
 * key; and {@code autogen config} showing each with its source.
 */
class ApplicationSettingsTest {

  private static final String PREFERRED = "spring.jpa.properties.hibernate.type.preferred_instant_jdbc_type";
  private static final String YAML_TIMESTAMP = """
      spring:
        jpa:
          properties:
            hibernate:
              type:
                preferred_instant_jdbc_type: TIMESTAMP
      """;

  private static TestDatabase db;

  @BeforeAll
  static void database() {
    db = TestDatabase.create("appsettings");
    db.execute("create table event (id bigint primary key, happened_at timestamp(6))");
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void withoutTheSettingTheTimestampColumnIsDriftAndWithItInApplicationYmlThereIsNone(@TempDir Path dir)
      throws Exception {
    Path resources = Files.createDirectories(dir.resolve("classes"));
    Cli.Result bare = check(resources, dir);
    assertThat(bare.code()).as(bare.out() + bare.err()).isEqualTo(1);
    assertThat(bare.out()).contains("happened_at");

    Files.writeString(resources.resolve("application.yml"), YAML_TIMESTAMP);
    Cli.Result set = check(resources, dir);
    assertThat(set.code()).as(set.out() + set.err()).isZero();
  }

  @Test
  void hibernatePropertiesOnTheClassPathAndHibernateKeysInAutogenPropertiesApply(@TempDir Path dir) throws Exception {
    Path resources = Files.createDirectories(dir.resolve("classes"));
    Files.writeString(resources.resolve("hibernate.properties"), "hibernate.type.preferred_instant_jdbc_type=TIMESTAMP\n");
    Cli.Result fromHibernateProperties = check(resources, dir);
    assertThat(fromHibernateProperties.code()).as(fromHibernateProperties.out() + fromHibernateProperties.err()).isZero();

    // autogen.properties wins over the application's files
    Path autogen = Files.writeString(dir.resolve("autogen.properties"),
        "# the project's word\nhibernate.type.preferred_instant_jdbc_type=TIMESTAMP_WITH_TIMEZONE\n");
    Cli.Result overridden = Cli.runWithProperties(autogen.toFile(), args("check", resources, dir));
    assertThat(overridden.code()).as(overridden.out() + overridden.err()).isEqualTo(1);

    Cli.Result config = Cli.runWithProperties(autogen.toFile(), args("config", resources, dir));
    assertThat(config.code()).as(config.err()).isZero();
    assertThat(config.out()).contains("hibernate.type.preferred_instant_jdbc_type = TIMESTAMP_WITH_TIMEZONE  ("
        + autogen + ":2)");
  }

  @Test
  void thePropertiesOfPersistenceXmlApply(@TempDir Path dir) throws Exception {
    Path resources = Files.createDirectories(dir.resolve("classes").resolve("META-INF")).getParent();
    Files.writeString(resources.resolve("META-INF/persistence.xml"), """
        <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
          <persistence-unit name="events">
            <properties>
              <property name="hibernate.type.preferred_instant_jdbc_type" value="TIMESTAMP"/>
            </properties>
          </persistence-unit>
        </persistence>
        """);
    Cli.Result fromUnit = check(resources, dir);
    assertThat(fromUnit.code()).as(fromUnit.out() + fromUnit.err()).isZero();
  }

  @Test
  void aProfileFileAndAProfileDocumentOverrideTheDefaultOnes(@TempDir Path dir) throws Exception {
    Path resources = Files.createDirectories(dir.resolve("classes"));
    Files.writeString(resources.resolve("application.yml"), YAML_TIMESTAMP + """
        ---
        spring:
          config:
            activate:
              on-profile: zoned
          jpa.properties.hibernate.type.preferred_instant_jdbc_type: TIMESTAMP_WITH_TIMEZONE
        """);
    Files.writeString(resources.resolve("application-plain.properties"),
        PREFERRED + "=TIMESTAMP\n");
    assertThat(check(resources, dir).code()).isZero();
    Cli.Result zoned = check(resources, dir, "--profile", "zoned");
    assertThat(zoned.code()).as("the zoned document applies: " + zoned.out() + zoned.err()).isEqualTo(1);
    Cli.Result both = check(resources, dir, "--profile", "zoned,plain");
    assertThat(both.code()).as("the profile file wins over the document: " + both.out() + both.err()).isZero();

    Files.writeString(resources.resolve("application.properties"), "spring.profiles.active=zoned\n");
    Cli.Result declared = check(resources, dir);
    assertThat(declared.code()).as("spring.profiles.active of the files: " + declared.out() + declared.err())
        .isEqualTo(1);
  }

  @Test
  void aPlaceholderTakesItsDefaultAndAnUnresolvableOneIsAOneLineError(@TempDir Path dir) throws Exception {
    Path resources = Files.createDirectories(dir.resolve("classes"));
    Files.writeString(resources.resolve("application.properties"),
        PREFERRED + "=${AUTOGEN_TEST_INSTANT_TYPE_UNSET:TIMESTAMP}\nunused.secret=${NOT_SET_ANYWHERE}\n");
    Cli.Result defaulted = check(resources, dir);
    assertThat(defaulted.code()).as(defaulted.out() + defaulted.err()).isZero();

    Files.writeString(resources.resolve("application.properties"), PREFERRED + "=${AUTOGEN_TEST_INSTANT_TYPE_UNSET}\n");
    Cli.Result unresolved = check(resources, dir);
    assertThat(unresolved.code()).isEqualTo(2);
    assertThat(unresolved.err().strip()).doesNotContain("\n")
        .contains("application.properties:1").contains("AUTOGEN_TEST_INSTANT_TYPE_UNSET");
  }

  @Test
  void changingASpringJpaPropertyReadsTheEntitiesAgain(@TempDir Path dir) throws Exception {
    Path resources = Files.createDirectories(dir.resolve("classes"));
    Path cache = dir.resolve("cache");
    Files.writeString(resources.resolve("application.yml"), YAML_TIMESTAMP);
    assertThat(check(resources, dir, "--cache-dir", cache.toString()).code()).isZero();
    assertThat(check(resources, dir, "--cache-dir", cache.toString()).code()).as("from the cache").isZero();

    Files.writeString(resources.resolve("application.yml"), YAML_TIMESTAMP.replace("TIMESTAMP", "TIMESTAMP_WITH_TIMEZONE"));
    Cli.Result changed = check(resources, dir, "--cache-dir", cache.toString());
    assertThat(changed.code()).as("no stale entity model: " + changed.out() + changed.err()).isEqualTo(1);
  }

  @Test
  void badYamlIsAOneLineErrorNamingTheFileAndLine(@TempDir Path dir) throws Exception {
    Path resources = Files.createDirectories(dir.resolve("classes"));
    Path yaml = Files.writeString(resources.resolve("application.yml"), "spring:\n  jpa: [unclosed\n  other: x\n");
    Cli.Result bad = check(resources, dir);
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err().strip()).doesNotContain("\n").startsWith("autogen: " + yaml + ":").contains("not valid YAML");
  }

  @Test
  void configShowsEachSettingWithItsSourceAndMasksThePassword(@TempDir Path dir) throws Exception {
    Path resources = Files.createDirectories(dir.resolve("classes"));
    Path yaml = Files.writeString(resources.resolve("application.yml"), YAML_TIMESTAMP + """
          datasource:
            url: jdbc:postgresql://db.example:5432/shop?password=urlsecret
            username: shop
            password: s3cret-value
          flyway:
            locations: filesystem:%s
            default-schema: app
        """.formatted(dir.resolve("sql")));
    Cli.Result config = Cli.run(args("config", resources, dir));
    assertThat(config.code()).as(config.err()).isZero();
    assertThat(config.out())
        .contains("hibernate.type.preferred_instant_jdbc_type = TIMESTAMP  (" + yaml + ":6)")
        .contains(PREFERRED + " = TIMESTAMP  (" + yaml + ":6)")
        .contains("spring.datasource.password = ***  (" + yaml + ":10)")
        .contains("spring.datasource.username = shop  (" + yaml + ":9)")
        .contains("migrations = " + dir.resolve("sql") + "  (" + yaml + ":12)")
        .contains("flyway-schema = app  (" + yaml + ":13)")
        .contains("naming = spring  (default: a Spring Boot application configuration was found)")
        .doesNotContain("s3cret-value").doesNotContain("urlsecret");

    Cli.Result json = Cli.run(args("config", resources, dir, "--format", "json"));
    JsonNode settings = new ObjectMapper().readTree(json.out()).get("settings");
    assertThat(settings).anySatisfy(s -> {
      assertThat(s.get("section").asText()).isEqualTo("hibernate");
      assertThat(s.get("key").asText()).isEqualTo("hibernate.type.preferred_instant_jdbc_type");
      assertThat(s.get("source").asText()).isEqualTo(yaml + ":6");
    });
    assertThat(json.out()).doesNotContain("s3cret-value");
  }

  @Test
  void theWorkingDirectorysFilesAndEnvironmentVariablesApplyInAChildJvm(@TempDir Path dir) throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    Files.writeString(project.resolve("application.properties"),
        PREFERRED + "=${INSTANT_TYPE:TIMESTAMP_WITH_TIMEZONE}\n");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    String[] check = args("check", classes, dir);

    ChildJvm defaulted = ChildJvm.start(dir.resolve("logs"), List.of(), Map.of(), project, Main.class, check);
    assertThat(defaulted.waitFor(120)).as(defaulted.out() + defaulted.err()).isEqualTo(1);

    ChildJvm placeholder = ChildJvm.start(dir.resolve("logs"), List.of(), Map.of("INSTANT_TYPE", "TIMESTAMP"), project,
        Main.class, check);
    assertThat(placeholder.waitFor(120)).as(placeholder.out() + placeholder.err()).isZero();

    // relaxed binding: the environment variable of the key wins over the file
    Map<String, String> relaxed = Map.of("INSTANT_TYPE", "TIMESTAMP_WITH_TIMEZONE",
        "SPRING_JPA_PROPERTIES_HIBERNATE_TYPE_PREFERRED_INSTANT_JDBC_TYPE", "TIMESTAMP",
        "SPRING_DATASOURCE_PASSWORD", "env-secret");
    ChildJvm overridden = ChildJvm.start(dir.resolve("logs"), List.of(), relaxed, project, Main.class, check);
    assertThat(overridden.waitFor(120)).as(overridden.out() + overridden.err()).isZero();

    ChildJvm config = ChildJvm.start(dir.resolve("logs"), List.of(), relaxed, project, Main.class,
        args("config", classes, dir));
    assertThat(config.waitFor(120)).as(config.err()).isZero();
    assertThat(config.out())
        .contains(PREFERRED + " = TIMESTAMP  (environment SPRING_JPA_PROPERTIES_HIBERNATE_TYPE_PREFERRED_INSTANT_JDBC_TYPE)")
        .contains("spring.datasource.password = ***  (environment SPRING_DATASOURCE_PASSWORD)")
        .doesNotContain("env-secret");
  }

  @Test
  void theFlywayLocationAndHistoryTableOfTheApplicationAreTheOnesReadAndNeverDiffed(@TempDir Path dir) throws Exception {
    try (TestDatabase history = TestDatabase.create("appflyway")) {
      Path sql = Files.createDirectories(dir.resolve("sql"));
      Files.writeString(sql.resolve("V1__event.sql"), "create table event (id bigint primary key, happened_at timestamp(6));\n");
      Flyway.configure().dataSource(history.url(), TestDatabase.user(), TestDatabase.password())
          .locations("filesystem:" + sql).table("schema_version").load().migrate();
      Path resources = Files.createDirectories(dir.resolve("classes"));
      String settings = PREFERRED + "=TIMESTAMP\nspring.flyway.locations=filesystem:" + sql + "\n";
      Files.writeString(resources.resolve("application.properties"), settings);
      String[] live = liveArgs(history, resources, dir);

      Cli.Result defaultTable = Cli.run(live);
      assertThat(defaultTable.code()).as("flyway_schema_history is not there: " + defaultTable.out() + defaultTable.err())
          .isNotZero();

      Files.writeString(resources.resolve("application.properties"), settings + "spring.flyway.table=schema_version\n");
      Cli.Result named = Cli.run(live);
      assertThat(named.code()).as(named.out() + named.err()).isZero();
      assertThat(named.out()).doesNotContain("schema_version");
    }
  }

  @Test
  void theApplicationsLoginIsUsedOnlyForTheApplicationsOwnUrl(@TempDir Path dir) {
    ApplicationFixtures.usedOnlyForTheOwnUrl("applogin", (guarded, role) -> liveArgs(guarded, ApplicationFixtures.classesWith(dir,
        PREFERRED + "=TIMESTAMP\nspring.datasource.url=" + guarded.url() + "\nspring.datasource.username=" + role + "\n"),
        dir));
  }

  @Test
  void theApplicationsDefaultSchemaIsTheSchemaCompared(@TempDir Path dir) throws Exception {
    try (TestDatabase shop = TestDatabase.create("appschema")) {
      shop.execute("create schema shop; create table shop.event (id bigint primary key, happened_at timestamp(6))");
      Path resources = Files.createDirectories(dir.resolve("classes"));
      Files.writeString(resources.resolve("application.properties"), PREFERRED + "=TIMESTAMP\n"
          + "spring.jpa.properties.hibernate.default_schema=shop\n");
      Cli.Result inShop = Cli.run(liveArgs(shop, resources, dir));
      assertThat(inShop.code()).as(inShop.out() + inShop.err()).isZero();
    }
  }

  private static String[] liveArgs(TestDatabase live, Path resources, Path dir) {
    return ApplicationFixtures.args("check", live, resources, dir);
  }

  private static Cli.Result check(Path resources, Path dir, String... more) {
    return Cli.run(args("check", resources, dir, more));
  }

  /** The arguments of live mode against the test database, the entity class and the resources on the class path. */
  private static String[] args(String command, Path resources, Path dir, String... more) {
    return ApplicationFixtures.args(command, db, resources, dir, more);
  }
}
