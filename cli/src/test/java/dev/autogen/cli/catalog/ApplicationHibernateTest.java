package dev.autogen.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.cli.Cli;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.metadata.EntityModelOptions;
import dev.autogen.metadata.EntityReaders;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's own Hibernate reads its entities (issue 10 #1): on a database that Hibernate 6.6's
 * own schema export created, {@code autogen check} with hibernate-core 6.6 and its dependencies on
 * {@code --classpath} finds nothing to do; with no hibernate-core there, autogen's bundled Hibernate 7
 * reads the same classes and wants the join table's and the element collection's keys changed (the
 * majors map them differently, {@code dev.autogen.cli.catalog.majors.Team}).
 */
class ApplicationHibernateTest {

  private static final String ENTITIES = "dev.autogen.cli.catalog.majors";

  @Test
  void theApplicationsHibernate6ReadsTheEntitiesAndTheBundledOneOtherwise(@TempDir Path dir) throws Exception {
    List<Path> hibernate6 = hibernate6Jars();
    List<String> script = hibernate6Script(hibernate6);
    assertThat(script).as("Hibernate 6.6's own DDL").anyMatch(s -> s.contains("primary key (Team_id, players_id)"));
    try (TestDatabase db = TestDatabase.create("app_hibernate6")) {
      LiveProject bundled = LiveProject.start(db, dir, ENTITIES, String.join(";\n", script) + ";\n");
      LiveProject application = bundled.withLibraries(hibernate6);

      Cli.Result check = application.run("check");
      assertThat(check.code()).as("Hibernate 6.6 reads what it created: " + check.out() + check.err()).isZero();

      Cli.Result seven = bundled.run("diff", "--format", "json");
      assertThat(seven.code()).as(seven.err()).isZero();
      List<String> changes = new ArrayList<>();
      for (JsonNode change : new ObjectMapper().readTree(seven.out()).get("changes")) {
        changes.add(change.get("kind").asText() + " " + change.get("table").asText());
      }
      // the key rules (HibernateMajorKeysTest): the join table's 6.6 key is kept, not churned; the
      // element collection's unique is a real difference of the majors
      assertThat(changes).as("the bundled Hibernate 7 maps the same classes differently").contains("add_unique team_tags")
          .doesNotContain("drop_primary_key team_player", "add_primary_key team_player");
      JsonNode bundledReport = new ObjectMapper().readTree(seven.out());
      assertThat(bundledReport.get("hibernate").get("source").asText()).isEqualTo("bundled");
      assertThat(bundledReport.get("unmanaged").toString()).contains("primary-keys").contains("team_player");
      Cli.Result six = application.run("diff", "--format", "json");
      JsonNode applicationReport = new ObjectMapper().readTree(six.out());
      assertThat(applicationReport.get("hibernate").get("version").asText()).startsWith("6.6.");
      assertThat(applicationReport.get("hibernate").get("source").asText()).isEqualTo("application class path");
    }
  }

  /** @return the statements of Hibernate 6.6's own schema creation for the entities */
  private static List<String> hibernate6Script(List<Path> hibernate6) throws Exception {
    List<Path> classpath = new ArrayList<>(List.of(Path.of(
        ApplicationHibernateTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())));
    classpath.addAll(hibernate6);
    return EntityReaders.hibernateCreateScript(new EntityModelOptions(classpath, List.of(ENTITIES), null, null));
  }

  /** @return hibernate-core 6.6 and its dependencies, as the metadata-hibernate6 build resolved them */
  private static List<Path> hibernate6Jars() throws Exception {
    String file = System.getProperty("autogen.hibernate6.classpath");
    assertThat(file).as("system property autogen.hibernate6.classpath (set by the build)").isNotNull();
    return java.util.Arrays.stream(Files.readString(Path.of(file)).strip().split(File.pathSeparator)).map(Path::of).toList();
  }
}
