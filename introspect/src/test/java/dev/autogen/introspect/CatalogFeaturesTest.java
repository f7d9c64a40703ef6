package dev.autogen.introspect;

import static dev.autogen.introspect.FeatureDatabase.BOTH_SCHEMAS;
import static dev.autogen.introspect.FeatureDatabase.schema;
import static dev.autogen.introspect.FeatureDatabase.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.Catalog;
import dev.autogen.model.CheckConstraint;
import dev.autogen.model.Column;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.Domain;
import dev.autogen.model.EnumType;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.Identity;
import dev.autogen.model.Index;
import dev.autogen.model.PrimaryKey;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.ReferentialAction;
import dev.autogen.model.Sequence;
import dev.autogen.model.SqlType;
import dev.autogen.model.Table;
import dev.autogen.model.Trigger;
import dev.autogen.model.UniqueConstraint;
import dev.autogen.model.View;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parts of {@code features.sql} beyond tables, keys and plain indexes: generated columns,
 * collations, index key modifiers and INCLUDE columns, domains, views, triggers, the serial kinds
 * against identity, and identifiers that need quoting.
 */
class CatalogFeaturesTest {

  private static final String ODD_SCHEMA = "Odd \"Schema\" ü";

  private static Catalog readFeatures(String label, IntrospectOptions options) {
    try (TestDatabase db = FeatureDatabase.create(label)) {
      return FeatureDatabase.introspector(db, options).read();
    }
  }

  private static Table product(Catalog catalog) {
    return table(catalog, "app", "product");
  }

  private static Column column(Table table, String name) {
    return table.column(name).orElseThrow(() -> new AssertionError("no column " + name + " in " + table.name()));
  }

  @Test
  void generatedColumnHasItsExpressionAsTheCatalogDeparsesItAndNoDefault() {
    Table product = product(readFeatures("generated", BOTH_SCHEMAS));

    assertThat(column(product, "price_cents")).isEqualTo(new Column("price_cents", SqlType.parse("bigint"), true,
        null, null, null, "((price * (100)::numeric))::bigint", null));
    assertThat(product.columns()).filteredOn(c -> c.generated() != null).extracting(Column::name)
        .containsExactly("price_cents");
  }

  @Test
  void collationIsReadOnlyWhereItDiffersFromTheDefaultOfTheColumnsType() {
    Table product = product(readFeatures("collations", BOTH_SCHEMAS));

    assertThat(product.columns()).filteredOn(c -> c.collation() != null)
        .extracting(c -> c.name() + " " + c.collation())
        .as("tag has the domain's collation C, which is its type's default")
        .containsExactly("sku C", "title POSIX");
  }

  @Test
  void collationNamesKeepTheCatalogsExactSpellingWhateverTheProvider() {
    try (TestDatabase db = TestDatabase.create("icu")) {
      db.execute("""
          create table t (icu text collate "en-US-x-icu", posix varchar(5) collate "POSIX", c_array text[] collate "C",
                          explicit_default text collate "default", plain text, num integer)""");
      Table t = table(FeatureDatabase.introspector(db, IntrospectOptions.defaults()).read(), "public", "t");

      assertThat(t.columns()).extracting(Column::collation)
          .containsExactly("en-US-x-icu", "POSIX", "C", null, null, null);
    }
  }

  @Test
  void indexKeysCarryCollationOperatorClassOrderAndNullsOnlyWhereNotDefaultAndIncludeColumnsApart() {
    Table product = product(readFeatures("indexkeys", BOTH_SCHEMAS));

    assertThat(product.indexes()).containsExactly(
        new Index("product_code_hash", List.of("code"), false, null, "hash"),
        new Index("product_made_brin", List.of("made_on"), false, null, "brin"),
        new Index("product_search_gist", List.of("search"), false, null, "gist"),
        new Index("product_sku_pattern_idx", List.of("sku collate \"POSIX\" text_pattern_ops desc nulls last",
            "title nulls first"), false, null, "btree", List.of("price", "made_on")),
        new Index("product_sku_varchar_ops", List.of("sku varchar_ops", "made_on desc"), false, null, "btree"),
        new Index("product_title_lower_idx", List.of("(lower(title)) collate \"POSIX\" desc"), false, null, "btree"));
    assertThat(product.indexes()).as("text_ops of varchar sku, tsvector_ops of gist, int8_ops of hash are defaults")
        .allSatisfy(i -> assertThat(i.keys()).noneMatch(k -> k.contains(" text_ops") || k.contains("tsvector_ops")
            || k.contains("int8_ops") || k.contains("date_minmax_ops")));
  }

  @Test
  void domainsWithBaseTypeNotNullDefaultAndChecksSortedByName() {
    Catalog catalog = readFeatures("domains", BOTH_SCHEMAS);

    assertThat(schema(catalog, "app").domains()).containsExactly(
        new Domain("plain_note", SqlType.parse("text"), true, null, List.of()),
        new Domain("positive_grams", SqlType.parse("integer"), false, new DefaultExpr.Literal("1"), List.of(
            new CheckConstraint("grams_below_a_ton", "(VALUE < 1000000)"),
            new CheckConstraint("positive_grams_check", "(VALUE > 0)"))),
        new Domain("sku_code", SqlType.parse("varchar(40)"), true, null, List.of()));
    assertThat(schema(catalog, "public").domains()).isEmpty();
    Column weight = column(product(catalog), "weight");
    assertThat(weight.type()).as("a column of a domain type compares as the domain's base type")
        .isEqualTo(SqlType.parse("integer"));
    assertThat(weight.type().domain()).as("and is marked as the domain").isTrue();
    assertThat(weight.type().raw()).as("named as format_type names the domain").isEqualTo("app.positive_grams");
    assertThat(weight.nullable()).as("the domain's NOT NULL is the domain's, not the column's").isTrue();
  }

  @Test
  void viewsAndMaterializedViewsWithTheirDefinitionFollowingTheTablePatterns() {
    Catalog catalog = readFeatures("views", BOTH_SCHEMAS);

    assertThat(schema(catalog, "app").views()).extracting(View::name, View::materialized)
        .containsExactly(tuple("order_summary", false),
            tuple("product_totals", true));
    assertThat(schema(catalog, "app").views().get(1).definition())
        .isEqualToIgnoringWhitespace("SELECT count(*) AS products FROM app.product;");
    assertThat(schema(catalog, "app").tables()).extracting(Table::name).doesNotContain("order_summary", "product_totals");
    assertThat(schema(catalog, "public").views()).isEmpty();

    Catalog excluded = readFeatures("viewfilter",
        new IntrospectOptions(List.of("app"), List.of(), List.of("app.product*")));
    assertThat(schema(excluded, "app").views()).extracting(View::name).containsExactly("order_summary");
  }

  @Test
  void userTriggersWithTheirStatementButNotTheInternalOnesOfForeignKeys() {
    Catalog catalog = readFeatures("triggers", BOTH_SCHEMAS);

    assertThat(product(catalog).triggers()).containsExactly(
        new Trigger("Before Update",
            "CREATE TRIGGER \"Before Update\" BEFORE UPDATE ON app.product FOR EACH ROW EXECUTE FUNCTION app.touch()"),
        new Trigger("product_audit",
            "CREATE TRIGGER product_audit AFTER INSERT OR DELETE ON app.product FOR EACH STATEMENT"
                + " EXECUTE FUNCTION app.touch()"));
    assertThat(table(catalog, "app", "orders").triggers()).as("orders has foreign keys, enforced by internal triggers")
        .isEmpty();
  }

  @Test
  void serialKindsAreTheirIntegerTypeWithAnOwnedNextvalWhileIdentityHasNoDefault() {
    Catalog catalog = readFeatures("serials", BOTH_SCHEMAS);
    Table product = product(catalog);

    assertThat(List.of(column(product, "id"), column(product, "serial_no"), column(product, "code")))
        .extracting(c -> c.type().sql() + " " + c.nullable() + " " + c.identity() + " " + c.defaultValue().sql()
            + " owned=" + ((DefaultExpr.NextValue) c.defaultValue()).owned())
        .containsExactly(
            "smallint false null nextval('app.product_id_seq'::regclass) owned=true",
            "integer false null nextval('app.product_serial_no_seq'::regclass) owned=true",
            "bigint false null nextval('app.product_code_seq'::regclass) owned=true");
    assertThat(column(table(catalog, "app", "customer"), "id"))
        .isEqualTo(new Column("id", SqlType.parse("bigint"), false, null, Identity.ALWAYS, null));
    assertThat(schema(catalog, "app").sequences()).extracting(Sequence::name)
        .as("neither serial nor identity sequences stand on their own").containsExactly("invoice_seq");
  }

  @Test
  void serialAndIdentityOfOneTypeDifferOnlyInDefaultAndIdentity() {
    try (TestDatabase db = TestDatabase.create("serialidentity")) {
      db.execute("create table t (s bigserial, i bigint generated by default as identity)");
      Table t = table(FeatureDatabase.introspector(db, IntrospectOptions.defaults()).read(), "public", "t");

      assertThat(column(t, "s")).isEqualTo(new Column("s", SqlType.parse("int8"), false,
          new DefaultExpr.NextValue("t_s_seq", null, true), null, null));
      assertThat(column(t, "i")).isEqualTo(new Column("i", SqlType.parse("int8"), false, null, Identity.BY_DEFAULT, null));
    }
  }

  @Test
  void identifiersNeedingQuotesReadBackExactly() {
    Catalog catalog = readFeatures("identifiers", new IntrospectOptions(List.of(ODD_SCHEMA), List.of(), List.of()));
    Table line = table(catalog, ODD_SCHEMA, "Order Line \"x\" é");

    assertThat(schema(catalog, ODD_SCHEMA).tables()).extracting(Table::name)
        .containsExactly("Order Line \"x\" é", "we.ird");
    assertThat(line.columns()).extracting(Column::name)
        .containsExactly("Id", "user", "two words", "ünïcode", "select", "a.b");
    assertThat(line.primaryKey()).isEqualTo(new PrimaryKey("PK \"line\"", List.of("Id")));
    assertThat(line.uniques()).containsExactly(new UniqueConstraint("Uniq ü", List.of("ünïcode")));
    assertThat(line.checks()).containsExactly(new CheckConstraint("Check \"me\" ü", "((\"two words\")::text <> ''::text)"));
    assertThat(line.foreignKeys()).containsExactly(new ForeignKey("FK \"self\"", List.of("select"),
        new QualifiedName(ODD_SCHEMA, "Order Line \"x\" é"), List.of("Id"), ReferentialAction.NO_ACTION,
        ReferentialAction.NO_ACTION));
    assertThat(line.indexes()).containsExactly(new Index("Idx \"quoted\" ü", List.of("two words desc", "user"), false,
        null, "btree", List.of("a.b")));
    assertThat(column(table(catalog, ODD_SCHEMA, "we.ird"), "Mixed").type()).isEqualTo(SqlType.parse("integer"));
    assertThat(schema(catalog, ODD_SCHEMA).sequences()).containsExactly(new Sequence("Seq \"s\"", 1, 1));
    assertThat(schema(catalog, ODD_SCHEMA).enums()).containsExactly(new EnumType("Mood ü", List.of("a b", "C")));
    assertThat(schema(catalog, ODD_SCHEMA).views()).extracting(View::name).containsExactly("View \"v\"");
  }
}
