package dev.autogen.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.cli.AutogenException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readers of the application's configuration sources, without a database: YAML flattened as Spring
 * Boot flattens it, relaxed environment variable names, Flyway locations, placeholders and the Hibernate
 * keys.
 */
class ConfigSourcesTest {

  @Test
  void yamlIsFlattenedToDottedKeysWithListIndexesAndLines() {
    List<Setting> settings = YamlSource.read("""
        spring:
          flyway:
            locations:
              - classpath:db/migration
              - filesystem:/opt/sql
          datasource.url: jdbc:postgresql://h/db
        empty:
        """, "app.yml", List.of());
    assertThat(settings).containsExactly(
        new Setting("spring.flyway.locations[0]", "classpath:db/migration", "app.yml:4"),
        new Setting("spring.flyway.locations[1]", "filesystem:/opt/sql", "app.yml:5"),
        new Setting("spring.datasource.url", "jdbc:postgresql://h/db", "app.yml:6"),
        new Setting("empty", "", "app.yml:7"));
  }

  @Test
  void aProfileDocumentCountsOnlyWhenItsProfileIsActive() {
    String yaml = "a: 1\n---\nspring.config.activate.on-profile: dev\na: 2\n---\nspring.profiles: \"!dev\"\na: 3\n";
    ApplicationConfig dev = new ApplicationConfig(List.of("dev"), YamlSource.read(yaml, "y", List.of("dev")), Map.of(), true);
    ApplicationConfig none = new ApplicationConfig(List.of(), YamlSource.read(yaml, "y", List.of()), Map.of(), true);
    assertThat(dev.value("a")).contains("2");
    assertThat(none.value("a")).contains("3");
  }

  @Test
  void theOnePersistenceUnitsPropertiesAreRead() {
    String unit = """
        <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
          <persistence-unit name="shop">
            <properties>
              <property name="hibernate.type.preferred_instant_jdbc_type" value="TIMESTAMP"/>
            </properties>
          </persistence-unit>
        </persistence>
        """;
    assertThat(PersistenceXmlSource.select(PersistenceXmlSource.read(unit, "persistence.xml", null), null).properties())
        .containsExactly(new Setting("hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP", "persistence.xml:4"));
    String two = unit.replace("</persistence>", "<persistence-unit name=\"other\"/></persistence>");
    List<PersistenceUnit> units = PersistenceXmlSource.read(two, "persistence.xml", null);
    assertThatThrownBy(() -> PersistenceXmlSource.select(units, null)).as("which unit boots is not guessed")
        .isInstanceOf(AutogenException.class).hasMessage("META-INF/persistence.xml declares 2 persistence units "
            + "('shop', 'other'): name the one to read with --persistence-unit NAME");
    assertThat(PersistenceXmlSource.select(units, "other").properties()).isEmpty();
    assertThatThrownBy(() -> PersistenceXmlSource.select(units, "none")).isInstanceOf(AutogenException.class)
        .hasMessage("--persistence-unit none: no such unit in META-INF/persistence.xml (units: 'shop', 'other')");
    assertThatThrownBy(() -> PersistenceXmlSource.read("<persistence>", "persistence.xml", null))
        .isInstanceOf(AutogenException.class).hasMessageStartingWith("persistence.xml: not a persistence.xml: ");
  }

  @Test
  void quarkusKeysPassTheirHibernateSettingsAndAQuarkusAppIsNoSpringBootApp(@TempDir Path dir) throws Exception {
    java.nio.file.Files.writeString(dir.resolve("application.properties"), """
        quarkus.hibernate-orm.database.default-schema=shop
        quarkus.hibernate-orm.unsupported-properties."hibernate.type.preferred_instant_jdbc_type"=TIMESTAMP
        """);
    ApplicationConfig quarkus = ApplicationConfigReader.read(new ApplicationConfigReader.Inputs(List.of(dir), dir,
        List.of(), Map.of(), Map.of(), List.of()));
    assertThat(quarkus.hibernateSettings()).containsEntry("hibernate.default_schema", "shop")
        .containsEntry("hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP");
    assertThat(quarkus.springBoot()).as("Quarkus keeps Hibernate's naming").isFalse();

    java.nio.file.Files.writeString(dir.resolve("application.properties"), "server.port=8081\n");
    ApplicationConfig spring = ApplicationConfigReader.read(new ApplicationConfigReader.Inputs(List.of(dir), dir,
        List.of(), Map.of(), Map.of(), List.of()));
    assertThat(spring.springBoot()).isTrue();
  }

  @Test
  void relaxedEnvironmentVariableNamesAreSpringBoots() {
    assertThat(RelaxedNames.environmentVariable("spring.datasource.url")).isEqualTo("SPRING_DATASOURCE_URL");
    assertThat(RelaxedNames.environmentVariable("spring.flyway.default-schema")).isEqualTo("SPRING_FLYWAY_DEFAULTSCHEMA");
    assertThat(RelaxedNames.environmentVariable("my.acme[1].other")).isEqualTo("MY_ACME_1_OTHER");
  }

  @Test
  void theFirstPlainFlywayLocationIsTheMigrationsDirectory() {
    assertThat(FlywayLocations.directory(List.of("classpath:db/migration")))
        .contains(Path.of("src/main/resources/db/migration"));
    assertThat(FlywayLocations.directory(List.of("classpath:db/{vendor}", "filesystem:/opt/sql")))
        .contains(Path.of("/opt/sql"));
    assertThat(FlywayLocations.directory(List.of("s3:bucket/sql"))).isEmpty();
  }

  @Test
  void placeholdersResolveAgainstSettingsThenTheEnvironmentThenTheirDefault() {
    ApplicationConfig config = new ApplicationConfig(List.of(), List.of(
        new Setting("db.host", "h1", "f:1"),
        new Setting("spring.datasource.url", "jdbc:postgresql://${db.host}:${DB_PORT:5432}/${DB_NAME}", "f:2"),
        new Setting("broken", "${NOWHERE}", "f:3")), Map.of("DB_NAME", "shop"), true);
    assertThat(config.value("spring.datasource.url")).contains("jdbc:postgresql://h1:5432/shop");
    assertThatThrownBy(() -> config.value("broken")).isInstanceOf(AutogenException.class)
        .hasMessageStartingWith("f:3: broken: cannot resolve placeholder");
  }

  @Test
  void laterDeclarationsWinAndSpringJpaPropertiesAreHibernateSettings() {
    ApplicationConfig config = new ApplicationConfig(List.of(), List.of(
        new Setting("hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP_UTC", "hibernate.properties:1"),
        new Setting("spring.jpa.properties.hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP", "application.yml:3"),
        new Setting("spring.jpa.hibernate.naming.implicit-strategy", "com.example.Implicit", "application.yml:5"),
        new Setting("spring.datasource.url", "jdbc:postgresql://h/db", "application.yml:7")), Map.of(), true);
    assertThat(config.hibernateSettings()).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
        "hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP",
        "hibernate.implicit_naming_strategy", "com.example.Implicit")));
    assertThat(ApplicationConfig.isSecret("spring.datasource.password")).isTrue();
    assertThat(ApplicationConfig.isSecret("spring.datasource.username")).isFalse();
  }
}
