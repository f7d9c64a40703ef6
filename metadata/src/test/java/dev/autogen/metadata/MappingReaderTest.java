package dev.autogen.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.model.Catalog;
import dev.autogen.model.CheckConstraint;
import dev.autogen.model.Column;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.EnumType;
import dev.autogen.model.Identity;
import dev.autogen.model.Index;
import dev.autogen.model.PrimaryKey;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.SchemaSourceException;
import dev.autogen.model.Sequence;
import dev.autogen.model.SqlType;
import dev.autogen.model.Table;
import dev.autogen.model.UniqueConstraint;
import dev.autogen.model.postgres.PostgresDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the reader makes of the mapping features of the {@code mapping} entity packages, spelled out:
 * the cross-check ({@link MappingCrossCheckTest}) proves that it is what Hibernate's DDL creates, these
 * assertions record what that is.
 */
class MappingReaderTest {

  private static Catalog read(String area) {
    return new HibernateEntityReader(TestEntities.options(MappingCrossCheckTest.MAPPING + "." + area, null, null)).read();
  }

  private static Table table(Catalog catalog, String schema, String name) {
    return catalog.table(new QualifiedName(schema, name)).orElseThrow(() -> new AssertionError("no table " + name));
  }

  private static Column column(Table table, String name) {
    return table.column(name).orElseThrow(() -> new AssertionError("no column " + name + " in " + table.name()));
  }

  private static List<String> tableNames(Catalog catalog, String schema) {
    return catalog.schema(schema).orElseThrow().tables().stream().map(Table::name).toList();
  }

  @Test
  void inheritanceStrategiesGiveHibernatesTables() {
    Catalog catalog = read("inheritance");
    assertThat(tableNames(catalog, "public")).containsExactly("animal", "asset", "building", "car",
        "checkingaccount", "document", "id_blocks", "party", "savingsaccount", "truck", "vehicle");
    Table animal = table(catalog, "public", "animal");
    assertThat(column(animal, "kind").type()).isEqualTo(SqlType.parse("integer"));
    assertThat(column(animal, "barkvolume").nullable()).as("subclass column in the single table").isTrue();
    assertThat(animal.checks()).extracting(CheckConstraint::expression)
        .containsExactlyInAnyOrder("kind in (0,2,1)", "kind <> 1 or (barkVolume is not null)");
    assertThat(column(table(catalog, "public", "document"), "dtype").type()).isEqualTo(SqlType.parse("char(1)"));
    assertThat(table(catalog, "public", "party").columns()).extracting(Column::name)
        .as("@DiscriminatorFormula: no column").containsExactlyInAnyOrder("id", "legalform", "taxnumber");
    assertThat(table(catalog, "public", "truck").foreignKeys()).singleElement().satisfies(fk -> {
      assertThat(fk.columns()).containsExactly("vehicle_id");
      assertThat(fk.referencedTable()).isEqualTo(new QualifiedName("public", "vehicle"));
    });
    assertThat(table(catalog, "public", "savingsaccount").columns()).extracting(Column::name)
        .as("TABLE_PER_CLASS repeats the root's columns").contains("id", "owner", "rate");
    assertThat(catalog.schema("public").orElseThrow().sequences()).contains(new Sequence("account_seq", 1, 20));
  }

  @Test
  void embeddablesCompositeKeysAndMapsId() {
    Catalog catalog = read("embedded");
    Table site = table(catalog, "public", "site");
    assertThat(site.columns()).extracting(Column::name).containsExactlyInAnyOrder("id", "city", "lat", "lon",
        "country_code", "backup_city", "backup_lat", "backup_lon", "backup_country");
    assertThat(column(site, "backup_city")).isEqualTo(new Column("backup_city", SqlType.parse("varchar(120)"), false, null, null, null));
    assertThat(table(catalog, "public", "line").primaryKey().columns()).containsExactlyInAnyOrder("line_no", "order_no");
    assertThat(table(catalog, "public", "flight").primaryKey().columns()).containsExactlyInAnyOrder("carrier", "number", "day");
    Table licence = table(catalog, "public", "pilotlicence");
    assertThat(licence.primaryKey()).isEqualTo(new PrimaryKey(null, List.of("pilot_id")));
    assertThat(licence.foreignKeys()).singleElement().satisfies(fk -> assertThat(fk.columns()).containsExactly("pilot_id"));
    assertThat(table(catalog, "public", "supplier").columns()).allSatisfy(c -> assertThat(c.nullable()).isEqualTo(!c.name().equals("id")));
  }

  @Test
  void collectionTablesGetKeysFromTheirKind() {
    Catalog catalog = read("collections");
    assertThat(table(catalog, "public", "item_keywords").primaryKey()).as("set of nullable basics").isNull();
    assertThat(table(catalog, "public", "item_keywords").uniques())
        .containsExactly(new UniqueConstraint(null, List.of("item_id", "keywords")));
    assertThat(table(catalog, "public", "item_alias").primaryKey().columns()).containsExactly("item", "alias");
    assertThat(table(catalog, "public", "item_steps").primaryKey().columns()).containsExactly("position", "item_id");
    assertThat(table(catalog, "public", "item_dimension").primaryKey()).as("bag").isNull();
    assertThat(table(catalog, "public", "item_labels").primaryKey().columns()).containsExactly("item_id", "lang");
    assertThat(column(table(catalog, "public", "item_stockbycolour"), "stockbycolour_key").type())
        .isEqualTo(SqlType.parse("varchar(255)"));
    assertThat(column(table(catalog, "public", "item_namesbycolour"), "namesbycolour_key").type())
        .as("@MapKeyEnumerated defaults to ORDINAL").isEqualTo(SqlType.parse("smallint"));
    assertThat(table(catalog, "public", "item_stock").foreignKeys()).extracting(fk -> fk.referencedTable().name())
        .containsExactlyInAnyOrder("item", "warehouse");
  }

  @Test
  void associationsAndSecondaryTables() {
    Catalog catalog = read("associations");
    assertThat(table(catalog, "public", "article_label").primaryKey().columns())
        .as("many-to-many set").containsExactlyInAnyOrder("article_id", "labels_id");
    assertThat(table(catalog, "public", "article_related").primaryKey()).as("many-to-many bag").isNull();
    assertThat(table(catalog, "public", "article_reading_order").primaryKey().columns()).containsExactly("rank", "article_id");
    assertThat(table(catalog, "public", "article").uniques())
        .as("one-to-one join column").containsExactly(new UniqueConstraint(null, List.of("cover_id")));
    assertThat(table(catalog, "public", "article_highlight").primaryKey().columns())
        .as("one-to-many join table: the target alone is the key").containsExactly("highlights_id");
    assertThat(column(table(catalog, "public", "picture"), "gallery_article_id").nullable()).isTrue();
    assertThat(table(catalog, "public", "article_stats").primaryKey().columns()).containsExactly("article");
    assertThat(column(table(catalog, "public", "article_body"), "body").type()).isEqualTo(SqlType.parse("varchar(100000)"));
  }

  /** The surprising spellings of Hibernate 7.4 on PostgreSQL. */
  @Test
  void typesAsHibernateWritesThem() {
    Catalog catalog = read("types");
    Table reading = table(catalog, "public", "reading");
    assertThat(column(reading, "lobtext").type()).as("@Lob String").isEqualTo(SqlType.parse("oid"));
    assertThat(column(reading, "sizedlobtext").type()).isEqualTo(SqlType.parse("oid"));
    assertThat(column(reading, "clob").type()).isEqualTo(SqlType.parse("oid"));
    assertThat(column(reading, "blob").type()).isEqualTo(SqlType.parse("oid"));
    assertThat(column(reading, "lobbytes").type()).as("@Lob byte[]").isEqualTo(SqlType.parse("oid"));
    assertThat(column(reading, "bytes").type()).isEqualTo(SqlType.parse("bytea"));
    assertThat(column(reading, "temperature").type()).as("@Convert").isEqualTo(SqlType.parse("varchar(32)"));
    assertThat(column(reading, "attributes").type()).isEqualTo(SqlType.parse("jsonb"));
    assertThat(column(reading, "correlation").type()).isEqualTo(SqlType.parse("uuid"));
    assertThat(column(reading, "samples").type()).isEqualTo(SqlType.parse("integer[]"));
    assertThat(column(reading, "duration").type()).isEqualTo(SqlType.parse("numeric(21,0)"));
    assertThat(column(reading, "offsettime").type()).isEqualTo(SqlType.parse("time(0)"));
    assertThat(column(reading, "walltime").type()).isEqualTo(SqlType.parse("time(0)"));
    assertThat(column(reading, "zoneddatetime").type()).isEqualTo(SqlType.parse("timestamp(6) with time zone"));
    assertThat(column(reading, "year").type()).isEqualTo(SqlType.parse("integer"));
    assertThat(column(reading, "version")).isEqualTo(new Column("version", SqlType.parse("integer"), false, null, null, null));
    assertThat(column(table(catalog, "public", "instantversioned"), "version").type())
        .isEqualTo(SqlType.parse("timestamp(6) with time zone"));
    assertThat(column(reading, "moodbyordinal").type()).isEqualTo(SqlType.parse("smallint"));
    assertThat(column(reading, "moodbyname").type()).isEqualTo(SqlType.parse("varchar(255)"));
    assertThat(reading.checks()).extracting(CheckConstraint::expression).contains(
        "moodByOrdinal between 0 and 2", "moodByDefault between 0 and 2", "moodByName in ('HAPPY','SAD','CALM')");
    assertThat(column(reading, "moodnamed").type().name()).isEqualTo("mood");
    assertThat(catalog.schema("public").orElseThrow().enums())
        .as("labels sorted, as PostgreSQLEnumJdbcType writes them").containsExactly(new EnumType("mood", List.of("CALM", "HAPPY", "SAD")));
  }

  @Test
  void constraintsCommentsGeneratedColumnsAndNonDdlMappings() {
    Catalog catalog = read("constraints");
    Table ledger = table(catalog, "accounting", "ledger");
    assertThat(ledger.comment()).isEqualTo("Double-entry ledger");
    assertThat(column(ledger, "account").comment()).isEqualTo("Account number");
    assertThat(column(ledger, "gross").generated()).isEqualTo("amount + fee");
    assertThat(column(ledger, "bookedat").defaultValue()).isEqualTo(DefaultExpr.parse("current_timestamp"));
    assertThat(ledger.columns()).extracting(Column::name).doesNotContain("doubled", "scratch", "alsoscratch");
    assertThat(ledger.indexes()).extracting(Index::keys).contains(List.of("bookedat desc", "account"));
    assertThat(ledger.uniques()).contains(new UniqueConstraint("ledger_reference_uidx", List.of("reference")),
        new UniqueConstraint("ledger_account_period_uk", List.of("account", "period")));
    assertThat(ledger.checks()).contains(new CheckConstraint("ledger_amount_sign", "amount <> 0"),
        new CheckConstraint(null, "period between 1 and 12"), new CheckConstraint(null, "fee >= 0"));
    Table journal = table(catalog, "public", "journal");
    assertThat(column(journal, "code").collation()).isEqualTo("C");
    assertThat(column(journal, "deleted").type()).as("@SoftDelete").isEqualTo(SqlType.parse("boolean"));
  }

  @Test
  void subselectAndViewEntitiesHaveNoTable() {
    assertThat(tableNames(read("views"), "public")).containsExactly("customer");
  }

  @Test
  void generatorsGiveSequencesAndTheTableGeneratorsTable() {
    Catalog catalog = read("generators");
    assertThat(catalog.schema("public").orElseThrow().sequences()).containsExactly(new Sequence("shared_seq", 1000, 5));
    assertThat(catalog.schema("billing").orElseThrow().sequences()).containsExactly(new Sequence("voucher_number_seq", 500, 1));
    Table sequences = table(catalog, "public", "hibernate_sequences");
    assertThat(sequences.primaryKey().columns()).containsExactly("sequence_name");
    assertThat(column(sequences, "next_val").type()).isEqualTo(SqlType.parse("bigint"));
  }

  /** Without a resolver, a definition means its leading type name only; nothing fails. */
  @Test
  void columnDefinitionWithoutResolverIsItsTypeName() {
    Table gadget = table(read("coldef"), "public", "gadget");
    assertThat(column(gadget, "code").type()).isEqualTo(SqlType.parse("varchar(20)"));
    assertThat(column(gadget, "code").nullable()).as("Hibernate appends not null").isFalse();
    assertThat(column(gadget, "createdat").type()).isEqualTo(SqlType.parse("timestamp with time zone"));
    assertThat(column(gadget, "id").type()).isEqualTo(SqlType.parse("bigint"));
    assertThat(column(gadget, "rating").defaultValue()).isEqualTo(DefaultExpr.parse("5"));
    assertThat(column(gadget, "level").type().name()).isEqualTo("gadget_level");
    assertThat(column(gadget, "serialno").identity()).as("only a resolver sees it").isNull();
  }

  @Test
  void columnDefinitionResolvedByTheDatabase() {
    try (var db = dev.autogen.fixtures.TestDatabase.create("coldef_resolve")) {
      db.execute("create type gadget_level as enum ('LOW', 'HIGH')");
      Catalog catalog = new HibernateEntityReader(TestEntities.options(MappingCrossCheckTest.MAPPING + ".coldef", null, null),
          new TempTableColumnDefinitions(db)).read();
      Table gadget = table(catalog, "public", "gadget");
      assertThat(column(gadget, "code").defaultValue()).isEqualTo(DefaultExpr.parse("'x'"));
      assertThat(column(gadget, "createdat").nullable()).isFalse();
      assertThat(column(gadget, "serialno").identity()).isEqualTo(Identity.ALWAYS);
      assertThat(PostgresDialect.INSTANCE.normalizeExpression(column(gadget, "answer").generated()))
          .isEqualTo(PostgresDialect.INSTANCE.normalizeExpression("6 * 7"));
      assertThat(column(gadget, "sortkey").collation()).isEqualTo("C");
      assertThat(catalog.schema("public").orElseThrow().enums()).containsExactly(new EnumType("gadget_level", List.of("LOW", "HIGH")));
    }
  }

  @Test
  void globallyQuotedIdentifiersKeepTheMappingsSpelling() {
    Catalog catalog = new HibernateEntityReader(TestEntities.options(MappingCrossCheckTest.MAPPING + ".constraints", null, null)
        .withGloballyQuotedIdentifiers(true)).read();
    Table ledger = table(catalog, "accounting", "Ledger");
    assertThat(ledger.column("bookedAt")).isPresent();
  }

  @Test
  void nullsOrderingInAnIndexColumnListIsAMappingError() {
    assertThatThrownBy(() -> read("nullsorder")).isInstanceOf(SchemaSourceException.class)
        .hasMessageContaining("names column \"at desc nulls last\"");
  }
}
