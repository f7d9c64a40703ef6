package dev.autogen.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.Catalog;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every DDL-relevant mapping feature, one entity package per area under {@code mapping}: the catalog
 * the reader builds means exactly what Hibernate's own DDL for the same entities creates in a real
 * PostgreSQL ({@link CatalogCrossCheck}). The schemas the entities name are created first, as
 * Hibernate's {@code create_namespaces} would.
 */
class MappingCrossCheckTest {

  static final String MAPPING = "dev.autogen.metadata.mapping";

  @ParameterizedTest(name = "{0}, naming {1}")
  @CsvSource({
      "inheritance,hibernate", "embedded,hibernate", "collections,hibernate", "associations,hibernate",
      "types,hibernate", "constraints,hibernate", "generators,hibernate", "views,hibernate",
      "inheritance,spring", "embedded,spring", "collections,spring", "associations,spring",
      "types,spring", "constraints,spring", "generators,spring"})
  void catalogMeansWhatHibernatesDdlCreates(String area, String naming) throws Exception {
    HibernateEntityReader reader = new HibernateEntityReader(TestEntities.options(MAPPING + "." + area, naming, null));
    Catalog catalog = reader.read();
    assertThat(catalog.tableCount()).isPositive();
    try (TestDatabase db = TestDatabase.create("mapping_" + area)) {
      db.execute(createSchemas(catalog) + String.join(";\n", reader.hibernateCreateScript()));
      CatalogCrossCheck.assertSameMeaning(catalog, db);
    }
  }

  /**
   * Column definitions resolved by a real database: the model combines what each definition means with
   * what Hibernate appends to it ({@code not null}, {@code default}, {@code unique}, {@code check},
   * comments). The enum type the {@code @Enumerated} column names is declared by the entities but not
   * created by Hibernate's script, so it is created first, as the project's migrations would.
   */
  @org.junit.jupiter.api.Test
  void columnDefinitionsMeanWhatTheDatabaseMakesOfThem() throws Exception {
    HibernateEntityReader hibernate = new HibernateEntityReader(TestEntities.options(MAPPING + ".coldef", null, null));
    try (TestDatabase db = TestDatabase.create("mapping_coldef")) {
      db.execute("create type gadget_level as enum ('LOW', 'HIGH')");
      Catalog catalog = new HibernateEntityReader(TestEntities.options(MAPPING + ".coldef", null, null),
          new TempTableColumnDefinitions(db)).read();
      db.execute(String.join(";\n", hibernate.hibernateCreateScript()));
      CatalogCrossCheck.assertSameMeaning(catalog, db);
    }
  }

  /**
   * {@code hibernate.globally_quoted_identifiers}: every name keeps the mapping's spelling, and the
   * catalog still means what Hibernate's (now quoted) script creates.
   */
  @ParameterizedTest(name = "quoted {0}")
  @ValueSource(strings = {"inheritance", "embedded", "collections", "associations", "types", "constraints", "generators"})
  void globallyQuotedIdentifiersKeepTheirSpelling(String area) throws Exception {
    HibernateEntityReader reader = new HibernateEntityReader(
        TestEntities.options(MAPPING + "." + area, null, null).withGloballyQuotedIdentifiers(true));
    Catalog catalog = reader.read();
    try (TestDatabase db = TestDatabase.create("quoted_" + area)) {
      db.execute(createSchemas(catalog) + String.join(";\n", reader.hibernateCreateScript()));
      CatalogCrossCheck.assertSameMeaning(catalog, db);
    }
  }

  /** The new column aspects of the cross-check are not vacuous either. */
  @ParameterizedTest(name = "detects: {0}")
  @ValueSource(strings = {
      "alter table accounting.ledger alter column gross drop expression",
      "alter table journal alter column code type varchar(255) collate \"POSIX\"",
      "alter table journal alter column code type varchar(255)",
      "alter table accounting.ledger alter column bookedat set default localtimestamp",
      "drop index accounting.ledger_booked_desc_idx; create index ledger_booked_desc_idx on accounting.ledger (bookedat, account)"})
  void crossCheckDetectsEachDifference(String change) throws Exception {
    HibernateEntityReader reader = new HibernateEntityReader(TestEntities.options(MAPPING + ".constraints", null, null));
    Catalog catalog = reader.read();
    try (TestDatabase db = TestDatabase.create("mapping_mutant")) {
      db.execute(createSchemas(catalog) + String.join(";\n", reader.hibernateCreateScript()));
      CatalogCrossCheck.assertSameMeaning(catalog, db);
      db.execute(change);
      assertThatThrownBy(() -> CatalogCrossCheck.assertSameMeaning(catalog, db)).isInstanceOf(AssertionError.class);
    }
  }

  /** {@code create schema} for every schema of the catalog but {@code public}. */
  static String createSchemas(Catalog catalog) {
    List<String> names = catalog.schemas().stream().map(dev.autogen.model.Schema::name)
        .filter(n -> !n.equals("public")).toList();
    return names.stream().map(n -> "create schema \"" + n + "\";\n").reduce("", String::concat);
  }
}
