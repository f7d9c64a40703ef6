package dev.autogen.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The proof: Hibernate's own DDL for the test entities, executed in a real database, creates exactly
 * what the reader's catalog says, object by object and in both directions.
 */
class HibernateDdlCrossCheckTest {

  private static final HibernateEntityReader SHOP = new HibernateEntityReader(TestEntities.options(TestEntities.SHOP, null, null));
  private static final Lazy<Catalog> SHOP_CATALOG = new Lazy<>(SHOP::read);
  private static final Lazy<List<String>> SHOP_SCRIPT = new Lazy<>(SHOP::hibernateCreateScript);

  /** Reads once, for the many mutants. */
  private static final class Lazy<T> {
    private final java.util.function.Supplier<T> supplier;
    private T value;

    Lazy(java.util.function.Supplier<T> supplier) {
      this.supplier = supplier;
    }

    synchronized T get() {
      if (value == null) {
        value = supplier.get();
      }
      return value;
    }
  }

  @ParameterizedTest(name = "shop, naming {0}, default schema {1}")
  @CsvSource({"hibernate,", "spring,sales"})
  void shopCatalogMeansWhatHibernatesDdlCreates(String naming, String defaultSchema) throws Exception {
    HibernateEntityReader reader = new HibernateEntityReader(TestEntities.options(TestEntities.SHOP, naming, defaultSchema));
    Catalog catalog = reader.read();
    assertThat(catalog.tableCount()).isEqualTo(14);

    try (TestDatabase db = TestDatabase.create("shop")) {
      String prelude = defaultSchema == null
          ? "create schema inventory"
          : "create schema inventory; create schema " + defaultSchema + "; set search_path to " + defaultSchema;
      db.execute(prelude + ";\n" + String.join(";\n", reader.hibernateCreateScript()));
      CatalogCrossCheck.assertSameMeaning(catalog, db);
    }
  }

  /** The cross-check is not vacuous: each small difference between catalog and database fails it. */
  @ParameterizedTest(name = "detects: {0}")
  @CsvSource(delimiter = '|', value = {
      "alter table customer alter column email type varchar(321)",
      "alter table customer alter column displayName set not null",
      "alter table customer alter column vip set default true",
      "alter table customer drop constraint customer_email_key",
      "alter table product add constraint extra_unique unique (sku)",
      "alter table orderline drop constraint order_line_quantity_positive;"
          + " alter table orderline add constraint order_line_quantity_positive check (quantity >= 0)",
      "alter table customer drop constraint customer_status_check;"
          + " alter table customer add check (status in ('ACTIVE','SUSPENDED'))",
      "create index extra_index on product (slug)",
      "drop index idx_product_price_desc; create index idx_product_price_desc on product (price, name)",
      "alter sequence product_seq increment by 1",
      "alter table purchaseorder drop constraint fk8c0q024y45mqmi5vsw69k7mpt;"
          + " alter table purchaseorder add constraint fk8c0q024y45mqmi5vsw69k7mpt foreign key (customer_id) references customer",
      "alter table product add column extra integer",
      "comment on column product.price is 'Net price'",
      "alter type orderstate add value 'CANCELLED'"})
  void crossCheckDetectsEachDifference(String change) throws Exception {
    try (TestDatabase db = TestDatabase.create("mutant")) {
      db.execute("create schema inventory;\n" + String.join(";\n", SHOP_SCRIPT.get()));
      db.execute(change);
      assertThatThrownBy(() -> CatalogCrossCheck.assertSameMeaning(SHOP_CATALOG.get(), db)).isInstanceOf(AssertionError.class);
    }
  }

  @Test
  void everyTypeCatalogMeansWhatHibernatesDdlCreates() throws Exception {
    HibernateEntityReader reader = new HibernateEntityReader(TestEntities.options(TestEntities.TYPES, null, null));
    Catalog catalog = reader.read();
    assertThat(catalog.table(new dev.autogen.model.QualifiedName("public", "everytype")))
        .hasValueSatisfying(t -> assertThat(t.columns()).hasSizeGreaterThan(40));

    try (TestDatabase db = TestDatabase.create("types")) {
      db.execute(String.join(";\n", reader.hibernateCreateScript()));
      CatalogCrossCheck.assertSameMeaning(catalog, db);
    }
  }

  /**
   * The script the cross-check runs is the one Hibernate's JPA script generation ({@code
   * jakarta.persistence.schema-generation.scripts.action=create}, through {@link
   * SchemaManagementToolCoordinator}) writes for the same metadata.
   */
  @ParameterizedTest(name = "default schema {0}")
  @CsvSource({"''", "sales"})
  void createScriptIsWhatJpaScriptGenerationWrites(String defaultSchema, @TempDir Path dir) throws IOException {
    HibernateEntityReader reader = new HibernateEntityReader(TestEntities.options(TestEntities.SHOP, null, defaultSchema));
    Path file = dir.resolve("create.sql");
    List<String> exported = reader.withMetadata(metadata -> {
      var registry = ((MetadataImplementor) metadata).getMetadataBuildingOptions().getServiceRegistry();
      Map<String, Object> settings = new HashMap<>(registry.requireService(ConfigurationService.class).getSettings());
      settings.put(SchemaToolingSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION, "create");
      settings.put(SchemaToolingSettings.JAKARTA_HBM2DDL_SCRIPTS_CREATE_TARGET, file.toString());
      settings.put(SchemaToolingSettings.HBM2DDL_DELIMITER, ";");
      settings.put(SchemaToolingSettings.HBM2DDL_HALT_ON_ERROR, true);
      SchemaManagementToolCoordinator.process(metadata, registry, settings, null);
      try {
        return Files.readAllLines(file);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });

    List<String> expected = new ArrayList<>();
    reader.hibernateCreateScript().forEach(s -> expected.add(s + ";"));
    assertThat(exported).filteredOn(line -> !line.isBlank()).containsExactlyElementsOf(expected);
    if (!defaultSchema.isEmpty()) {
      assertThat(expected).anyMatch(s -> s.startsWith("create table sales.customer ("));
    }
  }
}
