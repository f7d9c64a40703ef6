package dev.autogen.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.model.Catalog;
import dev.autogen.model.CheckConstraint;
import dev.autogen.model.Column;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.EnumType;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.Identity;
import dev.autogen.model.Index;
import dev.autogen.model.PrimaryKey;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.ReferentialAction;
import dev.autogen.model.Schema;
import dev.autogen.model.Sequence;
import dev.autogen.model.SqlType;
import dev.autogen.model.Table;
import dev.autogen.model.UniqueConstraint;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The catalog of the shop entities under Hibernate's default naming, object by object. */
class HibernateEntityReaderTest {

  private static Catalog catalog;

  @BeforeAll
  static void read() {
    catalog = new HibernateEntityReader(TestEntities.options(TestEntities.SHOP, null, null)).read();
  }

  private static Table table(String schema, String name) {
    return catalog.table(new QualifiedName(schema, name)).orElseThrow(() -> new AssertionError("no table " + name));
  }

  private static Column column(Table table, String name) {
    return table.column(name).orElseThrow(() -> new AssertionError("no column " + name + " in " + table.name()));
  }

  @Test
  void tablesFoldToLowerCaseUnderHibernateNaming() {
    assertThat(catalog.schemas()).extracting(Schema::name).containsExactly("inventory", "public");
    assertThat(catalog.schema("public").orElseThrow().tables()).extracting(Table::name).containsExactly(
        "customer", "customer_phone", "customerprofile", "orderline", "parcelshipment", "payment", "product",
        "product_tag", "purchaseorder", "seasonaldiscount", "shipment", "tag", "voucherdiscount");
    assertThat(catalog.schema("inventory").orElseThrow().tables()).extracting(Table::name).containsExactly("supplier");
  }

  @Test
  void identityColumnsAreGeneratedByDefaultAndNotNull() {
    Column id = column(table("public", "customer"), "id");
    assertThat(id.type()).isEqualTo(SqlType.parse("bigint"));
    assertThat(id.identity()).isEqualTo(Identity.BY_DEFAULT);
    assertThat(id.nullable()).isFalse();
    assertThat(id.defaultValue()).isNull();
    assertThat(column(table("public", "tag"), "id").type()).isEqualTo(SqlType.parse("integer"));
    assertThat(column(table("public", "tag"), "id").identity()).isEqualTo(Identity.BY_DEFAULT);
    assertThat(column(table("public", "product"), "id").identity()).as("sequence-generated").isNull();
  }

  @Test
  void columnsCarryHibernatesTypesNullabilityDefaultsAndComments() {
    Table customer = table("public", "customer");
    assertThat(customer.comment()).isEqualTo("People who buy");
    assertThat(column(customer, "email")).isEqualTo(new Column("email", SqlType.parse("varchar(320)"), false, null, null, null));
    assertThat(column(customer, "displayname").type()).isEqualTo(SqlType.parse("varchar(255)"));
    assertThat(column(customer, "displayname").nullable()).isTrue();
    assertThat(column(customer, "street").type()).isEqualTo(SqlType.parse("varchar(200)"));
    assertThat(column(customer, "postalcode").type()).isEqualTo(SqlType.parse("varchar(16)"));
    assertThat(column(customer, "birthdate").type()).isEqualTo(SqlType.parse("date"));
    assertThat(column(customer, "createdat").type()).isEqualTo(SqlType.parse("timestamp(6) with time zone"));
    assertThat(column(customer, "createdat").nullable()).isFalse();
    assertThat(column(customer, "vip")).isEqualTo(
        new Column("vip", SqlType.parse("boolean"), false, DefaultExpr.parse("false"), null, null));
    assertThat(column(customer, "status").defaultValue()).isEqualTo(new DefaultExpr.Literal("'ACTIVE'"));
    assertThat(column(customer, "status").type()).isEqualTo(SqlType.parse("varchar(16)"));

    Table product = table("public", "product");
    assertThat(column(product, "price")).isEqualTo(
        new Column("price", SqlType.parse("numeric(10,2)"), false, null, null, "Gross price in EUR"));
    assertThat(column(product, "weight").type()).isEqualTo(SqlType.parse("double precision"));
    assertThat(column(product, "publicid").type()).isEqualTo(SqlType.parse("uuid"));
    assertThat(column(product, "picture").type()).isEqualTo(SqlType.parse("bytea"));
    assertThat(column(table("public", "purchaseorder"), "total").type()).isEqualTo(SqlType.parse("numeric(38,2)"));
    assertThat(column(table("public", "purchaseorder"), "placedat").type())
        .isEqualTo(SqlType.parse("timestamptz(6)"));
    assertThat(column(table("public", "customerprofile"), "rating").type()).isEqualTo(SqlType.parse("real"));
    assertThat(column(table("public", "customerprofile"), "initial").type()).isEqualTo(SqlType.parse("char(1)"));
    assertThat(column(table("public", "customerprofile"), "biography").type()).isEqualTo(SqlType.parse("text"));
    assertThat(column(table("inventory", "supplier"), "opensat").type()).isEqualTo(SqlType.parse("time(0)"));
  }

  @Test
  void primaryKeysAreUnnamedAndJoinTablesHaveCompositeKeys() {
    assertThat(table("public", "customer").primaryKey()).isEqualTo(new PrimaryKey(null, List.of("id")));
    assertThat(table("public", "product_tag").primaryKey()).isEqualTo(new PrimaryKey(null, List.of("tags_id", "product_id")));
    assertThat(table("public", "customer_phone").primaryKey()).as("a set of nullable elements has no key").isNull();
  }

  @Test
  void foreignKeysReferenceThePrimaryKeyWithHibernatesNamesAndActions() {
    assertThat(table("public", "purchaseorder").foreignKeys()).singleElement().satisfies(fk -> {
      assertThat(fk.structure()).isEqualTo(new ForeignKey(null, List.of("customer_id"), new QualifiedName("public", "customer"),
          List.of("id"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION));
      assertThat(fk.name()).matches("fk[0-9a-z]+");
    });
    assertThat(table("public", "product").foreignKeys()).extracting(ForeignKey::structure).containsExactly(
        new ForeignKey(null, List.of("supplier_id"), new QualifiedName("inventory", "supplier"), List.of("id"),
            ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION));
    assertThat(table("public", "product_tag").foreignKeys()).extracting(ForeignKey::referencedTable)
        .containsExactlyInAnyOrder(new QualifiedName("public", "tag"), new QualifiedName("public", "product"));
    assertThat(table("public", "orderline").foreignKeys()).hasSize(2);
  }

  @Test
  void uniqueConstraintsAreNamedOnlyWhenTheMappingNamesThem() {
    assertThat(table("public", "product").uniques()).containsExactly(
        new UniqueConstraint("uk_product_sku_vendor", List.of("sku", "vendor")),
        new UniqueConstraint("ux_product_slug", List.of("slug")),
        new UniqueConstraint(null, List.of("name", "vendor")));
    assertThat(table("public", "customer").uniques()).containsExactly(new UniqueConstraint(null, List.of("email")));
    assertThat(table("public", "customerprofile").uniques()).as("one-to-one join column")
        .containsExactly(new UniqueConstraint(null, List.of("customer_id")));
    assertThat(table("public", "tag").uniques()).as("natural id").containsExactly(new UniqueConstraint(null, List.of("label")));
    assertThat(table("public", "customer_phone").uniques()).containsExactly(
        new UniqueConstraint(null, List.of("customer_id", "phone")));
  }

  @Test
  void checksIncludeThoseHibernateDerivesForEnums() {
    assertThat(table("public", "customer").checks()).containsExactly(
        new CheckConstraint(null, "status in ('ACTIVE','SUSPENDED','CLOSED')"));
    assertThat(table("public", "product").checks()).containsExactly(new CheckConstraint(null, "category between 0 and 2"));
    assertThat(table("public", "orderline").checks()).containsExactly(
        new CheckConstraint("order_line_quantity_positive", "quantity > 0"),
        new CheckConstraint(null, "discount_percent between 0 and 100"));
    assertThat(column(table("public", "product"), "category").type()).isEqualTo(SqlType.parse("smallint"));
  }

  @Test
  void indexesKeepTheirNamesOrderAndUniqueIndexesBecomeConstraints() {
    assertThat(table("public", "product").indexes()).containsExactly(
        new Index("idx_product_name", List.of("name"), false, null, null),
        new Index("idx_product_price_desc", List.of("price desc", "name"), false, null, null));
  }

  @Test
  void sequencesUseTheAllocationSizeAsIncrement() {
    assertThat(catalog.schema("public").orElseThrow().sequences()).containsExactly(
        new Sequence("discount_seq", 1, 50), new Sequence("product_seq", 1, 50), new Sequence("supplier_seq", 1, 50));
    assertThat(catalog.schema("inventory").orElseThrow().sequences()).isEmpty();
  }

  @Test
  void inheritanceMapsToTheTablesHibernateCreates() {
    Table payment = table("public", "payment");
    assertThat(payment.column("kind")).hasValue(new Column("kind", SqlType.parse("varchar(31)"), false, null, null, null));
    assertThat(payment.checks()).as("single table: discriminator values")
        .containsExactly(new CheckConstraint(null, "kind in ('BANK','CARD')"));
    assertThat(payment.columns()).extracting(Column::name).contains("cardlastdigits", "iban", "paidorder_id");
    assertThat(payment.foreignKeys()).as("ConstraintMode.NO_CONSTRAINT").isEmpty();
    assertThat(table("public", "parcelshipment").foreignKeys()).as("joined: subclass key references the root")
        .extracting(ForeignKey::structure).containsExactly(new ForeignKey(null, List.of("id"),
            new QualifiedName("public", "shipment"), List.of("id"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION));
    assertThat(catalog.table(new QualifiedName("public", "discount"))).as("abstract table-per-class root").isEmpty();
    assertThat(table("public", "voucherdiscount").columns()).extracting(Column::name)
        .containsExactlyInAnyOrder("id", "percent", "code");
  }

  @Test
  void namedEnumColumnsUseTheirEnumType() {
    assertThat(catalog.schema("public").orElseThrow().enums())
        .containsExactly(new EnumType("orderstate", List.of("NEW", "PAID", "SHIPPED")));
    assertThat(column(table("public", "purchaseorder"), "state").type().name()).isEqualTo("orderstate");
  }

  @Test
  void defaultSchemaHoldsUnqualifiedTablesAndIsFolded() {
    Catalog sales = new HibernateEntityReader(TestEntities.options(TestEntities.SHOP, null, "Sales")).read();
    assertThat(sales.schemas()).extracting(Schema::name).containsExactly("inventory", "sales");
    assertThat(sales.schema("sales").orElseThrow().tables()).hasSize(13);
    assertThat(sales.schema("sales").orElseThrow().sequences()).hasSize(3);
    assertThat(sales.table(new QualifiedName("sales", "purchaseorder")).orElseThrow().foreignKeys())
        .extracting(ForeignKey::referencedTable).containsExactly(new QualifiedName("sales", "customer"));
    assertThat(sales.table(new QualifiedName("sales", "product")).orElseThrow().foreignKeys())
        .extracting(ForeignKey::referencedTable).containsExactly(new QualifiedName("inventory", "supplier"));
  }

  @Test
  void readingTwiceGivesEqualCatalogs() {
    Catalog again = new HibernateEntityReader(TestEntities.options(TestEntities.SHOP, null, null)).read();
    assertThat(again).isEqualTo(catalog);
    assertThat(again.schemas()).extracting(Schema::tables).isEqualTo(catalog.schemas().stream().map(Schema::tables).toList());
  }
}
