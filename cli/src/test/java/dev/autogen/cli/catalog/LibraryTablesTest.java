package dev.autogen.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.cli.Cli;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.metadata.EntityModelOptions;
import dev.autogen.metadata.EntityReaders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables that libraries on the class path own are unmanaged (issue 10 #4): a database with the
 * application's entity table and the real tables of Spring Integration JDBC (its own {@code
 * schema-postgresql.sql}) and Quartz (its own {@code tables_postgres.sql}, under the prefix the
 * application configures), each library's script run from its jar as the library's initializer runs it.
 * With the jars on {@code --classpath} nothing is dropped and the tables are reported with their library;
 * without them they are tables no entity maps, dropped as before; {@code --drop-unmanaged library-tables}
 * drops them on request.
 */
class LibraryTablesTest {

  private static final String ENTITIES = "dev.autogen.cli.catalog.library";
  private static final Path LIBRARIES = Path.of(System.getProperty("autogen.application.libraries",
      "target/application-libraries"));
  private static final Path INTEGRATION = LIBRARIES.resolve("spring-integration-jdbc-6.5.4.jar");
  private static final Path QUARTZ = LIBRARIES.resolve("quartz-2.5.2.jar");

  @Test
  void libraryTablesAreLeftAloneWhenTheLibraryIsOnTheClassPath(@TempDir Path dir) throws Exception {
    Path config = Files.createDirectories(dir.resolve("config-root"));
    // the application names Quartz's prefix; Spring Integration keeps its default INT_
    Files.writeString(config.resolve("application.properties"),
        "spring.quartz.properties.org.quartz.jobStore.tablePrefix=SCHED_\n");
    try (TestDatabase db = TestDatabase.create("library_tables")) {
      LiveProject bare = LiveProject.start(db, dir, ENTITIES, String.join(";\n", entityScript()) + ";\n")
          .withLibraries(List.of(config));
      db.execute(script(INTEGRATION, "org/springframework/integration/jdbc/schema-postgresql.sql"));
      db.execute(script(QUARTZ, "org/quartz/impl/jdbcjobstore/tables_postgres.sql").replace("QRTZ_", "SCHED_"));
      LiveProject withLibraries = bare.withLibraries(List.of(config, INTEGRATION, QUARTZ));

      Cli.Result check = withLibraries.run("check");
      assertThat(check.code()).as(check.out() + check.err()).isZero();
      assertThat(check.out()).contains("library-tables");

      JsonNode kept = json(withLibraries.run("diff", "--format", "json"));
      assertThat(kept.get("changes")).isEmpty();
      List<String> unmanaged = new ArrayList<>();
      kept.get("unmanaged").forEach(u -> unmanaged.add(u.get("kind").asText() + " " + u.get("table").asText() + ": "
          + u.get("definition").asText()));
      assertThat(unmanaged).contains(
          "library-tables int_lock: table of Spring Integration",
          "library-tables int_message_seq: sequence of Spring Integration",
          "library-tables sched_triggers: table of Quartz",
          "library-tables sched_locks: table of Quartz")
          .hasSize(7 + 11);
      Cli.Result text = withLibraries.run("diff");
      assertThat(text.out()).contains("library table public.int_lock: table of Spring Integration");
      Cli.Result markdown = withLibraries.run("diff", "--format", "markdown");
      assertThat(markdown.out()).contains("library table `public.sched_locks`: `table of Quartz`");

      Cli.Result config1 = withLibraries.run("config");
      assertThat(config1.out()).contains("library-tables = Spring Integration: int_message,")
          .contains("library-tables = Quartz: sched_job_details,")
          .contains("prefix SCHED_ (" + config.resolve("application.properties"));

      Cli.Result without = bare.run("check");
      assertThat(without.code()).as("without the jars they are tables no entity maps").isEqualTo(1);
      assertThat(changes(bare.run("diff", "--format", "json")))
          .contains("drop_table int_lock", "drop_table sched_locks", "drop_sequence null");

      List<String> dropped = changes(withLibraries.run("diff", "--format", "json", "--drop-unmanaged",
          "library-tables"));
      assertThat(dropped).contains("drop_table int_lock", "drop_table int_channel_message", "drop_table sched_locks");
    }
  }

  private static List<String> changes(Cli.Result diff) throws IOException {
    assertThat(diff.code()).as(diff.err()).isZero();
    List<String> changes = new ArrayList<>();
    json(diff).get("changes").forEach(c -> changes.add(c.get("kind").asText() + " "
        + (c.has("table") ? c.get("table").asText() : "null")));
    return changes;
  }

  private static JsonNode json(Cli.Result diff) throws IOException {
    assertThat(diff.code()).as(diff.err()).isZero();
    return new ObjectMapper().readTree(diff.out());
  }

  /** @return the library's own PostgreSQL script, as its jar ships it */
  private static String script(Path jar, String resource) throws IOException {
    assertThat(jar).as("copied by the build (application-libraries)").isRegularFile();
    try (JarFile file = new JarFile(jar.toFile()); InputStream in = file.getInputStream(file.getEntry(resource))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** @return the bundled Hibernate's own DDL for the entity */
  private static List<String> entityScript() throws Exception {
    Path classes = Path.of(LibraryTablesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return EntityReaders.hibernateCreateScript(new EntityModelOptions(List.of(classes), List.of(ENTITIES), null, null));
  }
}
