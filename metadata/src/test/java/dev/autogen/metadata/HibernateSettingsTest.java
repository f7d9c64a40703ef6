package dev.autogen.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.model.Catalog;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.SqlType;
import dev.autogen.model.Table;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The application's own Hibernate settings ({@link EntityModelOptions#hibernateSettings()}) change the
 * catalog as they change the application's DDL, while autogen's dialect and its no-JDBC boot stay.
 */
class HibernateSettingsTest {

  private static Table customer(Map<String, String> settings) {
    Catalog catalog = new HibernateEntityReader(
        TestEntities.options(TestEntities.SHOP, null, null).withHibernateSettings(settings)).read();
    String schema = settings.getOrDefault("hibernate.default_schema", "public");
    return catalog.table(new QualifiedName(schema, "customer")).orElseThrow();
  }

  @Test
  void preferredInstantJdbcTypeMakesInstantsTimestampsWithoutTimeZone() {
    assertThat(customer(Map.of()).column("createdat").orElseThrow().type())
        .isEqualTo(SqlType.parse("timestamp(6) with time zone"));
    assertThat(customer(Map.of("hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP")).column("createdat")
        .orElseThrow().type()).isEqualTo(SqlType.parse("timestamp(6)"));
  }

  @Test
  void theApplicationsDialectAndJdbcAccessDoNotReplaceAutogens() {
    Table table = customer(Map.of("hibernate.dialect", "org.hibernate.dialect.H2Dialect",
        "hibernate.boot.allow_jdbc_metadata_access", "true",
        "jakarta.persistence.jdbc.url", "jdbc:postgresql://unreachable.invalid:1/none",
        "hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP"));
    assertThat(table.column("createdat").orElseThrow().type()).isEqualTo(SqlType.parse("timestamp(6)"));
  }

  @Test
  void theDefaultSchemaSettingPlacesUnqualifiedTables() {
    EntityModelOptions options = TestEntities.options(TestEntities.SHOP, null, null)
        .withHibernateSettings(Map.of("hibernate.default_schema", "shop"));
    assertThat(options.defaultSchema()).isEqualTo("shop");
    assertThat(customer(Map.of("hibernate.default_schema", "shop")).name()).isEqualTo("customer");
  }
}
