package dev.autogen.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.Catalog;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Hibernate6CrossCheckTest} for each earlier Hibernate 6 minor an application may run (Spring Boot
 * 3.1 ships 6.2, 3.2 ships 6.4, 3.3 ships 6.5): with that minor's {@code hibernate-core} and its own
 * dependencies on the application's class path (modules {@code metadata-hibernate6/minors/*} write each
 * class path from the local repository; system property {@code autogen.hibernate6.minors}), the
 * translator compiled against 6.6 reads the entities in an isolated class loader, and the catalog means
 * exactly what that minor's own script creates in a real PostgreSQL.
 */
class Hibernate6MinorsCrossCheckTest {

  private static final Pattern CORE = Pattern.compile("hibernate-core-(6\\.\\d+\\.\\d+\\.[A-Za-z0-9]+)\\.jar$");

  @ParameterizedTest(name = "Hibernate {0}")
  @ValueSource(strings = {"6.2", "6.3", "6.4", "6.5"})
  void catalogMeansWhatThatMinorsDdlCreates(String minor) throws Exception {
    List<Path> jars = jars(minor);
    String version = jars.stream().map(j -> CORE.matcher(j.getFileName().toString())).filter(Matcher::find)
        .map(m -> m.group(1)).findFirst().orElseThrow(() -> new AssertionError("no hibernate-core jar in " + jars));
    assertThat(version).startsWith(minor + ".");
    List<Path> classpath = new ArrayList<>(List.of(TestEntities.directory()));
    classpath.addAll(jars);
    List<String> areas = new ArrayList<>(Hibernate6CrossCheckTest.AREAS);
    if (List.of("6.2", "6.3", "6.4").contains(minor)) {
      // a record as @IdClass (mapping.embedded.Flight.Key): hibernate-commons-annotations 6.0.6, which these
      // minors use, asks java.lang.Record itself for its record components and fails; the application's own
      // Hibernate cannot boot such an entity either, as its own script shows
      areas.remove("embedded");
      EntityModelOptions embedded = new EntityModelOptions(classpath,
          List.of(MappingCrossCheckTest.MAPPING + ".embedded"), null, null);
      assertThatThrownBy(() -> EntityReaders.hibernateCreateScript(embedded)).hasStackTraceContaining("record components");
    }
    EntityModelOptions options = new EntityModelOptions(classpath,
        areas.stream().map(a -> MappingCrossCheckTest.MAPPING + "." + a).toList(), null, null);

    assertThat(EntityReaders.hibernateVersion(options)).isEqualTo(version + " (application)");
    Catalog catalog = EntityReaders.reader(options, null).read();
    assertThat(catalog.tableCount()).isPositive();
    try (TestDatabase db = TestDatabase.create("h" + minor.replace('.', '_') + "_mapping")) {
      db.execute(MappingCrossCheckTest.createSchemas(catalog) + String.join(";\n", EntityReaders.hibernateCreateScript(options)));
      CatalogCrossCheck.assertSameMeaning(catalog, db);
    }
  }

  /** @return the minor's hibernate-core and its dependencies, as its class path module resolved them */
  private static List<Path> jars(String minor) throws Exception {
    String minors = System.getProperty("autogen.hibernate6.minors");
    assertThat(minors).as("system property autogen.hibernate6.minors (set by the build)").isNotNull();
    Path file = Path.of(minors, minor, "target", "hibernate-classpath.txt");
    assertThat(file).as("written by module metadata-hibernate6/minors/" + minor + " (build it with the reactor)").exists();
    return java.util.Arrays.stream(Files.readString(file).strip().split(File.pathSeparator)).map(Path::of).toList();
  }
}
