package dev.autogen.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.model.Catalog;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.SchemaSourceException;
import dev.autogen.model.Table;
import org.junit.jupiter.api.Test;

/** The naming option: Spring Boot's naming, a user's strategy class, and wrong values. */
class NamingStrategyTest {

  @Test
  void springNamingWritesSnakeCaseAndNamesJoinTablesAfterTheAttribute() {
    Catalog catalog = new HibernateEntityReader(TestEntities.options(TestEntities.SHOP, "spring", null)).read();

    assertThat(catalog.schema("public").orElseThrow().tables()).extracting(Table::name).containsExactly(
        "customer", "customer_phone", "customer_profile", "order_line", "parcel_shipment", "payment", "product",
        "product_tags", "purchase_order", "seasonal_discount", "shipment", "tag", "voucher_discount");
    Table customer = catalog.table(new QualifiedName("public", "customer")).orElseThrow();
    assertThat(customer.column("display_name")).isPresent();
    assertThat(customer.column("postal_code")).isPresent();
    assertThat(customer.column("created_at")).isPresent();
    assertThat(catalog.table(new QualifiedName("inventory", "supplier")).orElseThrow().column("company_name")).isPresent();
    assertThat(catalog.table(new QualifiedName("public", "order_line")).orElseThrow().foreignKeys())
        .extracting(ForeignKey::referencedTable)
        .contains(new QualifiedName("public", "purchase_order"));
    assertThat(catalog.table(new QualifiedName("public", "product_tags")).orElseThrow().primaryKey().columns())
        .containsExactlyInAnyOrder("product_id", "tags_id");
  }

  @Test
  void aPhysicalNamingStrategyClassIsLoadedByName() {
    Catalog catalog = new HibernateEntityReader(TestEntities.options(TestEntities.SHOP,
        "dev.autogen.metadata.naming.PrefixedNamingStrategy", null)).read();

    assertThat(catalog.schema("public").orElseThrow().tables()).extracting(Table::name)
        .allMatch(name -> name.startsWith("shop_"))
        .contains("shop_customer", "shop_purchaseorder", "shop_product_tag");
  }

  @Test
  void anUnknownStrategyClassIsAnInputError() {
    assertThatThrownBy(() -> new HibernateEntityReader(TestEntities.options(TestEntities.SHOP, "com.example.NoSuchNaming", null)).read())
        .isInstanceOfSatisfying(SchemaSourceException.class, e -> assertThat(e.reason()).isEqualTo(SchemaSourceException.Reason.INPUT))
        .hasMessage("unknown naming strategy com.example.NoSuchNaming: use hibernate, spring or the fully qualified name"
            + " of a PhysicalNamingStrategy class on --classpath");
  }

  @Test
  void aClassThatIsNoStrategyIsAnInputError() {
    assertThatThrownBy(() -> new HibernateEntityReader(TestEntities.options(TestEntities.SHOP, "java.lang.String", null)).read())
        .isInstanceOfSatisfying(SchemaSourceException.class, e -> assertThat(e.reason()).isEqualTo(SchemaSourceException.Reason.INPUT))
        .hasMessageStartingWith("naming strategy java.lang.String is not an org.hibernate.boot.model.naming.PhysicalNamingStrategy");
  }
}
