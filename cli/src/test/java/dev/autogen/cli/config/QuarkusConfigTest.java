package dev.autogen.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.codegen.flyway.FlywayNaming;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Quarkus application's configuration read as Quarkus reads it, without a database: profile keys and
 * files, the active profile, MicroProfile environment variable names, {@code .env}, the {@code
 * quarkus.datasource|flyway.*} keys as their Spring Boot equivalents and the {@code quarkus.hibernate-orm.*}
 * keys as Hibernate settings.
 */
class QuarkusConfigTest {

  private static final String INSTANT = "quarkus.hibernate-orm.mapping.instant.preferred-jdbc-type";
  private static final String HIBERNATE_INSTANT = "hibernate.type.preferred_instant_jdbc_type";

  @TempDir
  Path dir;

  private ApplicationConfig read(String properties, List<String> profiles, Map<String, String> env,
      Map<String, String> system) throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Files.writeString(classes.resolve("application.properties"), properties);
    return ApplicationConfigReader.read(new ApplicationConfigReader.Inputs(List.of(classes), dir.resolve("work"),
        profiles, env, system, List.of()));
  }

  @Test
  void theProdProfileIsTheDefaultAndItsKeysOverrideThePlainOnes() throws Exception {
    String file = INSTANT + "=TIMESTAMP_WITH_TIMEZONE\n%prod." + INSTANT + "=TIMESTAMP\n%dev." + INSTANT + "=TIMESTAMP_UTC\n";
    ApplicationConfig prod = read(file, List.of(), Map.of(), Map.of());
    assertThat(prod.profiles()).containsExactly("prod");
    assertThat(prod.hibernateSettings()).containsEntry(HIBERNATE_INSTANT, "TIMESTAMP");
    assertThat(prod.hibernateSources().get(HIBERNATE_INSTANT).source())
        .endsWith("application.properties:2 (%prod." + INSTANT + ") as " + INSTANT);
    assertThat(prod.setting(QuarkusConfig.PROFILE_KEY).orElseThrow().source()).startsWith("default: ");
    assertThat(prod.springBoot()).as("a Quarkus application keeps Hibernate's naming").isFalse();

    assertThat(read(file, List.of("dev"), Map.of(), Map.of()).hibernateSettings()).containsEntry(HIBERNATE_INSTANT, "TIMESTAMP_UTC");
    assertThat(read(file, List.of("staging"), Map.of(), Map.of()).hibernateSettings())
        .as("a profile without keys of its own: the plain key").containsEntry(HIBERNATE_INSTANT, "TIMESTAMP_WITH_TIMEZONE");
  }

  @Test
  void aQuarkusExtensionOnTheClassPathMakesAQuarkusApplicationWithoutQuarkusKeys() throws Exception {
    assertThat(read("greeting=hello\n", List.of(), Map.of(), Map.of()).springBoot()).isTrue();
    Path extension = Files.createDirectories(dir.resolve("classes/META-INF"));
    Files.writeString(extension.resolve("quarkus-extension.properties"), "deployment-artifact=io.quarkus\\:x\n");
    ApplicationConfig quarkus = read("greeting=hello\n", List.of(), Map.of(), Map.of());
    assertThat(quarkus.springBoot()).as("Hibernate's naming, not Spring Boot's").isFalse();
    assertThat(quarkus.profiles()).containsExactly("prod");
  }

  @Test
  void theActiveProfileComesFromQuarkusProfileTheSystemPropertyOrTheFile() throws Exception {
    String file = "quarkus.profile=staging\n%staging,qa." + INSTANT + "=TIMESTAMP\n%dev." + INSTANT + "=TIMESTAMP_UTC\n";
    assertThat(read(file, List.of(), Map.of(), Map.of()).hibernateSettings())
        .as("quarkus.profile of the file; %a,b. names several profiles").containsEntry(HIBERNATE_INSTANT, "TIMESTAMP");
    ApplicationConfig env = read(file, List.of(), Map.of("QUARKUS_PROFILE", "dev"), Map.of());
    assertThat(env.profiles()).containsExactly("dev");
    assertThat(env.hibernateSettings()).containsEntry(HIBERNATE_INSTANT, "TIMESTAMP_UTC");
    assertThat(env.setting(QuarkusConfig.PROFILE_KEY).orElseThrow().source()).isEqualTo("environment QUARKUS_PROFILE");
    ApplicationConfig property = read(file, List.of(), Map.of("QUARKUS_PROFILE", "dev"), Map.of("quarkus.profile", "qa"));
    assertThat(property.profiles()).as("system properties outrank the environment in Quarkus").containsExactly("qa");
    assertThat(property.setting(QuarkusConfig.PROFILE_KEY).orElseThrow().source()).isEqualTo("system property -Dquarkus.profile");
    ApplicationConfig given = read(file, List.of("qa", "dev"), Map.of("QUARKUS_PROFILE", "staging"), Map.of());
    assertThat(given.hibernateSettings()).as("--profile wins; of two profiles the last").containsEntry(HIBERNATE_INSTANT, "TIMESTAMP_UTC");
    assertThat(given.setting(QuarkusConfig.PROFILE_KEY).orElseThrow().source()).isEqualTo("command line --profile");
  }

  @Test
  void environmentVariablesUseMicroProfileNamesAndTheirProfileFormWins() throws Exception {
    assertThat(QuarkusConfig.environmentVariable("quarkus.hibernate-orm.database.default-schema"))
        .isEqualTo("QUARKUS_HIBERNATE_ORM_DATABASE_DEFAULT_SCHEMA");
    assertThat(QuarkusConfig.environmentVariable("%prod.quarkus.datasource.jdbc.url"))
        .isEqualTo("_PROD_QUARKUS_DATASOURCE_JDBC_URL");
    String file = "%prod.quarkus.datasource.jdbc.url=jdbc:postgresql://file/db\n";
    ApplicationConfig plain = read(file, List.of(), Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://env/db"), Map.of());
    assertThat(plain.value("spring.datasource.url")).as("an environment variable outranks the file, profile key or not")
        .contains("jdbc:postgresql://env/db");
    ApplicationConfig profiled = read(file, List.of(), Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://env/db",
        "_PROD_QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://prod/db",
        "_DEV_QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://dev/db"), Map.of());
    assertThat(profiled.value("spring.datasource.url")).contains("jdbc:postgresql://prod/db");
    assertThat(profiled.setting("spring.datasource.url").orElseThrow().source())
        .isEqualTo("environment _PROD_QUARKUS_DATASOURCE_JDBC_URL");
    // a Quarkus key no file declares is still read from the environment
    assertThat(read("quarkus.http.port=8080\n", List.of(), Map.of("QUARKUS_HIBERNATE_ORM_DATABASE_DEFAULT_SCHEMA", "shop"),
        Map.of()).hibernateSettings()).containsEntry("hibernate.default_schema", "shop");
  }

  @Test
  void theDatasourceAndFlywayKeysAreTheSpringBootEquivalentsAndPlaceholdersResolve() throws Exception {
    ApplicationConfig config = read("""
        quarkus.datasource.jdbc.url=jdbc:postgresql://${DB_HOST:localhost}:5432/shop
        quarkus.datasource.username=shop
        %prod.quarkus.datasource.password=${quarkus.datasource.username}-secret
        quarkus.flyway.locations=db/shop,db/common
        quarkus.flyway.schemas=app,audit
        quarkus.flyway.table=schema_version
        quarkus.flyway.sql-migration-prefix=M
        """, List.of(), Map.of(), Map.of());
    assertThat(config.value("spring.datasource.url")).contains("jdbc:postgresql://localhost:5432/shop");
    assertThat(config.value("spring.datasource.username")).contains("shop");
    assertThat(config.value("spring.datasource.password")).contains("shop-secret");
    assertThat(config.list("spring.flyway.locations")).containsExactly("db/shop", "db/common");
    assertThat(FlywayLocations.directory(config.list("spring.flyway.locations")))
        .contains(Path.of("src/main/resources/db/shop"));
    assertThat(config.list("spring.flyway.schemas")).containsExactly("app", "audit");
    assertThat(config.value("spring.flyway.table")).contains("schema_version");
    FlywayNaming naming = FlywayNamingSettings.of(config);
    assertThat(naming.prefix()).isEqualTo("M");
    assertThat(naming.suffixes()).isEqualTo(FlywayNaming.DEFAULT.suffixes());
    assertThat(FlywayNamingSettings.source(config, FlywayNamingSettings.PREFIX)).endsWith("application.properties:7");
  }

  @Test
  void theHibernateOrmKeysThatChangeTheDdlAreTranslatedAsQuarkusPassesThem() throws Exception {
    ApplicationConfig config = read("""
        quarkus.hibernate-orm.database.default-schema=shop
        quarkus.hibernate-orm.database.default-catalog=cat
        quarkus.hibernate-orm.quote-identifiers.strategy=all-except-column-definitions
        quarkus.hibernate-orm.implicit-naming-strategy=com.example.Implicit
        quarkus.hibernate-orm.mapping.timezone.default-storage=normalize-utc
        quarkus.hibernate-orm.mapping.id.optimizer.default=pooled-lo
        quarkus.hibernate-orm.mapping.duration.preferred-jdbc-type=INTERVAL_SECOND
        quarkus.hibernate-orm.mapping.instant.preferred-jdbc-type=TIMESTAMP
        quarkus.hibernate-orm.mapping.boolean.preferred-jdbc-type=BIT
        quarkus.hibernate-orm.mapping.uuid.preferred-jdbc-type=CHAR
        quarkus.hibernate-orm.validation.enabled=false
        quarkus.hibernate-orm.validation.mode=ddl
        quarkus.hibernate-orm.discriminator.ignore-explicit-for-joined=true
        quarkus.hibernate-orm.unsupported-properties."hibernate.column_ordering_strategy"=legacy
        quarkus.hibernate-orm.packages=com.example
        """, List.of(), Map.of(), Map.of());
    assertThat(config.hibernateSettings()).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.ofEntries(
        Map.entry("hibernate.default_schema", "shop"),
        Map.entry("hibernate.default_catalog", "cat"),
        Map.entry("hibernate.globally_quoted_identifiers", "true"),
        Map.entry("hibernate.globally_quoted_identifiers_skip_column_definitions", "true"),
        Map.entry("hibernate.implicit_naming_strategy", "com.example.Implicit"),
        Map.entry("hibernate.timezone.default_storage", "NORMALIZE_UTC"),
        Map.entry("hibernate.id.optimizer.pooled.preferred", "pooled-lo"),
        Map.entry("hibernate.type.preferred_duration_jdbc_type", "INTERVAL_SECOND"),
        Map.entry("hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP"),
        Map.entry("hibernate.type.preferred_boolean_jdbc_type", "BIT"),
        Map.entry("hibernate.type.preferred_uuid_jdbc_type", "CHAR"),
        Map.entry("jakarta.persistence.validation.mode", "NONE"),
        Map.entry("hibernate.discriminator.ignore_explicit_for_joined", "true"),
        Map.entry("hibernate.column_ordering_strategy", "legacy"))));

    java.util.function.Function<String, java.util.Optional<String>> none = k -> java.util.Optional.empty();
    assertThat(QuarkusConfig.hibernateSettings("quarkus.hibernate-orm.quote-identifiers.strategy", "only-keywords", none))
        .containsExactly(Map.entry("hibernate.auto_quote_keyword", "true"));
    assertThat(QuarkusConfig.hibernateSettings("quarkus.hibernate-orm.quote-identifiers.strategy", "none", none)).isEmpty();
    assertThat(QuarkusConfig.hibernateSettings("quarkus.hibernate-orm.validation.enabled", "true", none)).isEmpty();
    assertThat(QuarkusConfig.hibernateSettings("quarkus.hibernate-orm.validation.mode", "callback, ddl", none))
        .containsExactly(Map.entry("jakarta.persistence.validation.mode", "CALLBACK,DDL"));
    // the winning declaration alone counts: a later "none" undoes an earlier "all"
    assertThat(read("quarkus.hibernate-orm.quote-identifiers.strategy=all\n"
        + "%prod.quarkus.hibernate-orm.quote-identifiers.strategy=none\n", List.of(), Map.of(), Map.of())
        .hibernateSettings()).doesNotContainKey("hibernate.globally_quoted_identifiers");
  }

  @Test
  void profileFilesAndTheWorkingDirectorysConfigAndDotEnvApplyInQuarkusOrder() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Files.writeString(classes.resolve("application-prod.properties"), "quarkus.hibernate-orm.database.default-schema=fromprodfile\n");
    Path work = Files.createDirectories(dir.resolve("work/config")).getParent();
    ApplicationConfig withProfileFile = read("%prod.quarkus.hibernate-orm.database.default-schema=frommain\n",
        List.of(), Map.of(), Map.of());
    assertThat(withProfileFile.hibernateSettings()).containsEntry("hibernate.default_schema", "fromprodfile");

    Files.writeString(work.resolve("config/application.properties"), "quarkus.hibernate-orm.database.default-schema=fromconfig\n");
    assertThat(read("quarkus.http.port=1\n", List.of(), Map.of(), Map.of()).hibernateSettings())
        .containsEntry("hibernate.default_schema", "fromconfig");

    Files.writeString(work.resolve(".env"), "QUARKUS_HIBERNATE_ORM_DATABASE_DEFAULT_SCHEMA=fromdotenv\n");
    ApplicationConfig dotEnv = read("quarkus.http.port=1\n", List.of(), Map.of(), Map.of());
    assertThat(dotEnv.hibernateSettings()).containsEntry("hibernate.default_schema", "fromdotenv");
    assertThat(read("quarkus.http.port=1\n", List.of(), Map.of("QUARKUS_HIBERNATE_ORM_DATABASE_DEFAULT_SCHEMA", "fromenv"),
        Map.of()).hibernateSettings()).as("the environment outranks .env").containsEntry("hibernate.default_schema", "fromenv");
  }
}
