package dev.autogen.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.Catalog;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Version;
import org.junit.jupiter.api.Test;

/**
 * An application on Hibernate 7: its own hibernate-core (here the same jars autogen bundles, from the
 * local repository) reads the entities in the isolated class loader with autogen's own translator
 * classes defined there anew, and the catalog means what that Hibernate's script creates.
 */
class Hibernate7IsolationTest {

  @Test
  void theApplicationsHibernate7ReadsInIsolation() throws Exception {
    List<Path> classpath = new ArrayList<>(List.of(TestEntities.directory()));
    String file = System.getProperty("autogen.hibernate7.classpath");
    assertThat(file).as("system property autogen.hibernate7.classpath (set by the build)").isNotNull();
    java.util.Arrays.stream(Files.readString(Path.of(file)).strip().split(File.pathSeparator)).map(Path::of)
        .forEach(classpath::add);
    EntityModelOptions options = new EntityModelOptions(classpath,
        List.of(MappingCrossCheckTest.MAPPING + ".collections"), null, null);
    assertThat(EntityReaders.hibernateVersion(options)).isEqualTo(Version.getVersionString() + " (application)");
    var reader = EntityReaders.reader(options, null);
    assertThat(reader).isInstanceOf(IsolatedEntityReader.class);
    Catalog catalog = reader.read();
    try (TestDatabase db = TestDatabase.create("h7_isolated")) {
      db.execute(String.join(";\n", EntityReaders.hibernateCreateScript(options)));
      CatalogCrossCheck.assertSameMeaning(catalog, db);
    }
  }
}
