package dev.autogen.metadata;

import static dev.autogen.fixtures.ApplicationJars.concat;
import static dev.autogen.fixtures.ApplicationJars.validationApiOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.fixtures.ApplicationJars;
import dev.autogen.fixtures.BeanValidationEntities;
import dev.autogen.fixtures.HibernateSchemaCreation;
import dev.autogen.fixtures.JavaSources;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.Catalog;
import dev.autogen.model.Column;
import dev.autogen.model.SchemaSourceException;
import dev.autogen.model.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bean Validation as the application's Hibernate applies it (issue 10 #3), proven against Hibernate's
 * own schema creation with the validator on: a real session factory of that Hibernate, its Bean
 * Validation integrator running, creates the schema of {@link BeanValidationEntities} in a real
 * PostgreSQL ({@link HibernateSchemaCreation}), and the catalog autogen reads from the same classes and
 * class path means exactly that database, for the bundled Hibernate 7 (Hibernate Validator 9.1) and an
 * application's Hibernate 6.6 (Hibernate Validator 8.0). The provider is only ever on the application's
 * class path (the build copies it to {@code target/bean-validation-7|6}), never on the test's.
 */
class BeanValidationCrossCheckTest {

  private static final String HIBERNATE7 = "autogen.hibernate7.classpath";
  private static final String HIBERNATE6 = "autogen.hibernate6.classpath";

  /** The bundled Hibernate 7, and the same 7.4 as the application's own {@code hibernate-core}. */
  @Test
  void bundledHibernate7AppliesTheApplicationsValidatorAsHibernate7Does(@TempDir Path dir) throws Exception {
    List<Path> validator = validatorJars("7");
    Path classes = BeanValidationEntities.compile(dir, validator);
    EntityModelOptions options = options(classes, validator);
    assertThat(EntityReaders.hibernateVersion(options)).endsWith("(bundled)");
    Catalog catalog = EntityReaders.reader(options, null).read();
    assertValidatedColumns(catalog);
    List<Path> libraries = concat(ApplicationJars.classPathFile(HIBERNATE7), validator);
    assertMeansWhatHibernateCreates(catalog, classes, libraries, Map.of());

    EntityModelOptions own = options(classes, libraries);
    assertThat(EntityReaders.hibernateVersion(own)).as("the application's own hibernate-core 7").endsWith("(application)");
    assertThat(EntityReaders.reader(own, null).read()).as("read in its own class loader").isEqualTo(catalog);
  }

  @Test
  void applicationsHibernate6AppliesItsValidatorAsHibernate66Does(@TempDir Path dir) throws Exception {
    List<Path> validator = validatorJars("6");
    Path classes = BeanValidationEntities.compile(dir, validator);
    List<Path> libraries = concat(ApplicationJars.classPathFile(HIBERNATE6), validator);
    EntityModelOptions options = options(classes, libraries);
    assertThat(EntityReaders.hibernateVersion(options)).startsWith("6.6.").endsWith("(application)");
    Catalog catalog = EntityReaders.reader(options, null).read();
    assertValidatedColumns(catalog);
    assertMeansWhatHibernateCreates(catalog, classes, libraries, Map.of());
  }

  /**
   * {@code hibernate.validator.apply_to_ddl=false} (Hibernate 7) or validation mode {@code callback}
   * (Hibernate 6.6): the provider is there, the DDL ignores it.
   */
  @Test
  void applyToDdlFalseOrCallbackModeLeaveTheColumnsAsTheMappingSays(@TempDir Path dir) throws Exception {
    Map<String, String> off = Map.of(BeanValidationDdl.APPLY_TO_DDL, "false");
    List<Path> validator7 = validatorJars("7");
    Path classes7 = BeanValidationEntities.compile(dir.resolve("seven"), validator7);
    Catalog seven = EntityReaders.reader(options(classes7, validator7).withHibernateSettings(off), null).read();
    assertUnvalidatedColumns(seven);
    assertMeansWhatHibernateCreates(seven, classes7, concat(ApplicationJars.classPathFile(HIBERNATE7), validator7), off);

    List<Path> validator6 = validatorJars("6");
    Path classes6 = BeanValidationEntities.compile(dir.resolve("six"), validator6);
    Catalog six = EntityReaders.reader(options(classes6, concat(ApplicationJars.classPathFile(HIBERNATE6), validator6))
        .withHibernateSettings(Map.of(BeanValidationDdl.MODE, "callback")), null).read();
    assertUnvalidatedColumns(six);
  }

  /**
   * No provider on the application's class path (the API alone), no API at all, or validation mode
   * {@code none}: the annotations change nothing, as in Hibernate.
   */
  @Test
  void withoutAProviderTheAnnotationsAreIgnored(@TempDir Path dir) throws Exception {
    List<Path> validator = validatorJars("7");
    Path classes = BeanValidationEntities.compile(dir, validator);
    Catalog apiOnly = EntityReaders.reader(options(classes, validationApiOnly(validator)), null).read();
    assertUnvalidatedColumns(apiOnly);
    assertMeansWhatHibernateCreates(apiOnly, classes,
        concat(ApplicationJars.classPathFile(HIBERNATE7), validationApiOnly(validator)), Map.of());

    assertUnvalidatedColumns(EntityReaders.reader(options(classes, List.of()), null).read());
    assertUnvalidatedColumns(EntityReaders.reader(options(classes, validator)
        .withHibernateSettings(Map.of(BeanValidationDdl.MODE, "none")), null).read());
  }

  /** Where the application's Hibernate would not start, autogen says why in one line. */
  @Test
  void requestedValidationWithoutAProviderOrAnUnknownModeIsAnInputError(@TempDir Path dir) throws Exception {
    List<Path> validator = validatorJars("7");
    Path classes = BeanValidationEntities.compile(dir, validator);
    EntityModelOptions ddl = options(classes, validationApiOnly(validator))
        .withHibernateSettings(Map.of(BeanValidationDdl.MODE, "ddl"));
    assertThatThrownBy(() -> EntityReaders.reader(ddl, null).read()).isInstanceOf(SchemaSourceException.class)
        .hasMessageStartingWith("Bean Validation: no Bean Validation provider could be started, but validation mode ddl"
            + " was requested").hasMessageNotContaining("\n");
    EntityModelOptions unknown = options(classes, validator).withHibernateSettings(Map.of(BeanValidationDdl.MODE, "strict"));
    assertThatThrownBy(() -> EntityReaders.reader(unknown, null).read()).isInstanceOf(SchemaSourceException.class)
        .hasMessage("Bean Validation: unknown validation mode in jakarta.persistence.validation.mode: strict"
            + " (auto, callback, ddl or none)");
    List<Path> noEl = validator.stream().filter(j -> !j.getFileName().toString().contains("el")).toList();
    assertThatThrownBy(() -> EntityReaders.reader(options(classes, noEl), null).read())
        .isInstanceOf(SchemaSourceException.class)
        .hasMessageStartingWith("Bean Validation: the Bean Validation provider on the class path cannot start");
  }

  /** Hibernate's own session factory creates the schema of {@code classes} on {@code libraries}; {@code catalog} means it. */
  private static void assertMeansWhatHibernateCreates(Catalog catalog, Path classes, List<Path> libraries,
      Map<String, String> settings) throws Exception {
    try (TestDatabase db = TestDatabase.create("bv")) {
      HibernateSchemaCreation.create(concat(List.of(classes), libraries), JavaSources.classNames(classes), settings, db);
      CatalogCrossCheck.assertSameMeaning(catalog, db);
    }
  }

  /** What the validator changes, so that the cross-checks above are not vacuous. */
  private static void assertValidatedColumns(Catalog catalog) {
    assertThat(column(catalog, "member", "name").nullable()).isFalse();
    assertThat(column(catalog, "member", "email").nullable()).isFalse();
    assertThat(column(catalog, "member", "email").type().sql()).isEqualTo("varchar(80)");
    assertThat(column(catalog, "member", "code").nullable()).isFalse();
    assertThat(column(catalog, "member", "nickname").type().sql()).isEqualTo("varchar(20)");
    assertThat(column(catalog, "member", "motto").type().sql()).isEqualTo("varchar(255)");
    assertThat(column(catalog, "member", "balance").type().sql()).isEqualTo("numeric(7,2)");
    assertThat(column(catalog, "member", "auditedonly").nullable()).isTrue();
    assertThat(column(catalog, "member", "street").nullable()).as("part of a nullable embedded value").isTrue();
    assertThat(column(catalog, "member", "street").type().sql()).isEqualTo("varchar(60)");
    assertThat(table(catalog, "member").checks()).anySatisfy(c -> assertThat(c.expression()).contains("age>=0"));
    assertThat(column(catalog, "club", "president_id").nullable()).isFalse();
    assertThat(column(catalog, "club", "street").nullable()).as("part of a @NotNull embedded value").isFalse();
    assertThat(column(catalog, "club", "city").nullable()).isTrue();
    assertThat(column(catalog, "vehicle", "maker").nullable()).isFalse();
    assertThat(column(catalog, "vehicle", "plate").nullable()).as("single-table subclass").isTrue();
    assertThat(column(catalog, "account", "owner").nullable()).isFalse();
    assertThat(column(catalog, "savings", "branch").nullable()).isFalse();
    assertThat(column(catalog, "savings", "branch").type().sql()).isEqualTo("varchar(12)");
  }

  private static void assertUnvalidatedColumns(Catalog catalog) {
    assertThat(column(catalog, "member", "name").nullable()).isTrue();
    assertThat(column(catalog, "member", "email").type().sql()).isEqualTo("varchar(255)");
    assertThat(column(catalog, "member", "balance").type().sql()).isNotEqualTo("numeric(7,2)");
    assertThat(table(catalog, "member").checks()).isEmpty();
    assertThat(column(catalog, "club", "president_id").nullable()).isTrue();
    assertThat(column(catalog, "savings", "branch").nullable()).isTrue();
  }

  private static Table table(Catalog catalog, String name) {
    return catalog.schema("public").orElseThrow().tables().stream().filter(t -> t.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no table " + name));
  }

  private static Column column(Catalog catalog, String table, String column) {
    return table(catalog, table).column(column).orElseThrow(() -> new AssertionError("no column " + table + "." + column));
  }

  private static EntityModelOptions options(Path classes, List<Path> libraries) {
    return new EntityModelOptions(concat(List.of(classes), libraries), List.of(BeanValidationEntities.PACKAGE), null, null);
  }

  /**
   * @param major {@code 7} (Hibernate Validator 9.1) or {@code 6} (Hibernate Validator 8.0)
   * @return the provider, its API and Expression Language, as the build copied them
   */
  private static List<Path> validatorJars(String major) throws IOException {
    return ApplicationJars.directory("autogen.bean-validation-" + major);
  }
}
