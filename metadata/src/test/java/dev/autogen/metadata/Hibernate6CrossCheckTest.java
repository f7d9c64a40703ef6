package dev.autogen.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.Catalog;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link MappingCrossCheckTest} for Hibernate 6: with {@code hibernate-core} 6.6 (the build's {@code
 * hibernate6.version}; system properties {@code autogen.hibernate6.classpath} and {@code
 * autogen.hibernate6.version} name another) and its dependencies on
 * the application's class path (the {@code metadata-hibernate6} module writes that class path from the
 * local repository), the entities are read by the translator compiled against Hibernate 6 in an
 * isolated class loader, and the catalog means exactly what Hibernate 6.6's own script creates in a
 * real PostgreSQL.
 */
class Hibernate6CrossCheckTest {

  /**
   * The mapping areas of {@link MappingCrossCheckTest} that Hibernate 6 reads (the others use JPA 3.2 or
   * Hibernate 7 annotations), read at once: Hibernate 6 is loaded once for the catalog and once for its
   * script.
   */
  static final List<String> AREAS = List.of("inheritance", "embedded", "collections", "associations", "generators");

  /**
   * The catalog means what Hibernate 6.6's own script creates. The majors map join tables of
   * unidirectional {@code @OneToMany} and element collections differently (6.6: primary key on both
   * join columns plus a unique element column, no key on a {@code Set} of basics; 7.x: primary key on
   * the element column, a unique on owner and value): what the bundled Hibernate 7 reads from the same
   * classes does not mean what Hibernate 6 created, so the class path decides.
   */
  @Test
  void catalogMeansWhatHibernate6sDdlCreates() throws Exception {
    EntityModelOptions options = hibernate6(AREAS);
    assertThat(EntityReaders.hibernateVersion(options)).isEqualTo(System.getProperty("autogen.hibernate6.version") + " (application)");
    Catalog catalog = EntityReaders.reader(options, null).read();
    assertThat(catalog.tableCount()).isPositive();
    EntityModelOptions bundled = new EntityModelOptions(List.of(TestEntities.directory()), options.packages(), null, null);
    assertThat(EntityReaders.hibernateVersion(bundled)).startsWith("7.").endsWith("(bundled)");
    Catalog seven = EntityReaders.reader(bundled, null).read();
    try (TestDatabase db = TestDatabase.create("h6_mapping")) {
      db.execute(MappingCrossCheckTest.createSchemas(catalog) + String.join(";\n", EntityReaders.hibernateCreateScript(options)));
      CatalogCrossCheck.assertSameMeaning(catalog, db);
      assertThatThrownBy(() -> CatalogCrossCheck.assertSameMeaning(seven, db)).isInstanceOf(AssertionError.class)
          .hasMessageContaining("[primary key of public.article_highlight]")
          .hasMessageContaining("[unique constraints of public.item_keywords]");
    }
  }

  /** A Hibernate the translators do not read (6.1, no longer maintained) is named, not half-read. */
  @Test
  void unsupportedVersionIsAnInputError(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path jar = RuntimeCompiler.jar(Files.createDirectories(dir.resolve("empty")), dir.resolve("hibernate-core-6.1.7.Final.jar"));
    EntityModelOptions options = new EntityModelOptions(List.of(TestEntities.directory(), jar),
        List.of(MappingCrossCheckTest.MAPPING + ".collections"), null, null);
    assertThatThrownBy(() -> EntityReaders.reader(options, null))
        .isInstanceOf(dev.autogen.model.SchemaSourceException.class)
        .hasMessage("Hibernate 6.1.7.Final on the class path (" + jar + ") is not supported:"
            + " autogen reads entities with Hibernate 6.2 to 6.6 and 7.x");
  }

  /** @return options reading mapping areas with Hibernate 6.6's jars on the class path */
  static EntityModelOptions hibernate6(List<String> areas) throws IOException {
    List<Path> classpath = new ArrayList<>(List.of(TestEntities.directory()));
    classpath.addAll(hibernate6Jars());
    return new EntityModelOptions(classpath, areas.stream().map(a -> MappingCrossCheckTest.MAPPING + "." + a).toList(),
        null, null);
  }

  /** @return hibernate-core 6.6 and its dependencies, as the metadata-hibernate6 build resolved them */
  static List<Path> hibernate6Jars() throws IOException {
    String file = System.getProperty("autogen.hibernate6.classpath");
    assertThat(file).as("system property autogen.hibernate6.classpath (set by the build)").isNotNull();
    return java.util.Arrays.stream(Files.readString(Path.of(file)).strip().split(File.pathSeparator)).map(Path::of).toList();
  }
}
