package dev.autogen.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.cli.Cli;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.metadata.EntityModelOptions;
import dev.autogen.metadata.EntityReaders;
import jakarta.persistence.Entity;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate Envers, when on the application's class path, adds the audit tables and the revision entity
 * at boot (issue 10 #4): autogen reads them as the application's runtime does, with the bundled
 * Hibernate 7 and hibernate-envers 7 on {@code --classpath}, and with the application's own Hibernate
 * 6.6 and hibernate-envers 6.6. An {@code @Audited} entity gives {@code book_aud} and {@code revinfo};
 * a database created by that Hibernate's own script with Envers checks clean, and without the Envers
 * jar the same database has two tables no entity maps.
 */
class EnversTest {

  private static final String ENTITIES = "audited";
  private static final Path LIBRARIES = Path.of(System.getProperty("autogen.application.libraries",
      "target/application-libraries"));

  @Test
  void bundledHibernate7ReadsEnversTables(@TempDir Path dir) throws Exception {
    Path envers = LIBRARIES.resolve("hibernate-envers-7.jar");
    Path classes = compileAudited(dir, envers);
    checkClean(List.of(classes, envers), List.of(classes), "envers7", "bundled");
  }

  @Test
  void applicationHibernate6ReadsEnversTables(@TempDir Path dir) throws Exception {
    Path envers = LIBRARIES.resolve("hibernate-envers-6.jar");
    Path classes = compileAudited(dir, envers);
    List<Path> withEnvers = new ArrayList<>(List.of(classes, envers));
    withEnvers.addAll(hibernate6Jars());
    List<Path> without = new ArrayList<>(List.of(classes));
    without.addAll(hibernate6Jars());
    checkClean(withEnvers, without, "envers6", "application class path");
  }

  /**
   * Creates a database with Hibernate's own script for the class path with Envers, then checks it with
   * and without Envers on {@code --classpath}; an empty database gets the audit tables created, by the
   * Hibernate the JSON report names ({@code bundled} or {@code application class path}).
   */
  private static void checkClean(List<Path> withEnvers, List<Path> withoutEnvers, String label, String hibernate)
      throws Exception {
    List<String> script = EntityReaders.hibernateCreateScript(
        new EntityModelOptions(withEnvers, List.of(ENTITIES), null, null));
    assertThat(String.join("\n", script)).as("Hibernate's own DDL with Envers").containsIgnoringCase("create table book_aud")
        .containsIgnoringCase("create table revinfo");
    try (TestDatabase db = TestDatabase.create(label)) {
      db.execute(String.join(";\n", script) + ";\n");
      Cli.Result check = Cli.run(args(db, "check", withEnvers));
      assertThat(check.code()).as(check.out() + check.err()).isZero();

      Cli.Result diff = Cli.run(args(db, "diff", withoutEnvers, "--format", "json"));
      assertThat(diff.code()).as(diff.err()).isZero();
      List<String> changes = new ArrayList<>();
      for (JsonNode change : new ObjectMapper().readTree(diff.out()).get("changes")) {
        changes.add(change.get("kind").asText() + " " + (change.has("table") ? change.get("table").asText() : ""));
      }
      assertThat(changes).as("without Envers its tables are no entity's").contains("drop_table book_aud",
          "drop_table revinfo");
    }
    try (TestDatabase empty = TestDatabase.create(label + "_empty")) {
      Cli.Result diff = Cli.run(args(empty, "diff", withEnvers, "--format", "json"));
      assertThat(diff.code()).as(diff.err()).isZero();
      JsonNode report = new ObjectMapper().readTree(diff.out());
      assertThat(report.get("hibernate").get("source").asText()).isEqualTo(hibernate);
      List<String> created = new ArrayList<>();
      for (JsonNode change : report.get("changes")) {
        if (change.get("kind").asText().equals("create_table")) {
          created.add(change.get("table").asText());
        }
      }
      assertThat(created).containsExactlyInAnyOrder("book", "book_aud", "revinfo");
    }
  }

  private static String[] args(TestDatabase db, String command, List<Path> classpath, String... more) {
    List<String> args = new ArrayList<>(List.of(command, "--url", db.url(), "--user", TestDatabase.user(),
        "--dev-url", TestDatabase.adminUrl(), "--no-input", "--naming", "hibernate", "--packages", ENTITIES,
        "--classpath", String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList())));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** @return the directory of {@code audited.Book}, an {@code @Audited} entity compiled against that Envers */
  private static Path compileAudited(Path dir, Path envers) throws Exception {
    assertThat(envers).as("copied by the build (application-libraries)").isRegularFile();
    Path source = dir.resolve("src/audited/Book.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "package audited;\n@jakarta.persistence.Entity @org.hibernate.envers.Audited\n"
        + "public class Book {\n  @jakarta.persistence.Id Long id;\n  String title;\n}\n");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int code = javac.run(null, null, null, "--release", "17", "-proc:none", "-classpath",
        Path.of(Entity.class.getProtectionDomain().getCodeSource().getLocation().toURI()) + File.pathSeparator + envers,
        "-d", classes.toString(), source.toString());
    assertThat(code).as("javac exit code").isZero();
    return classes;
  }

  /** @return hibernate-core 6.6 and its dependencies, as the metadata-hibernate6 build resolved them */
  private static List<Path> hibernate6Jars() throws Exception {
    String file = System.getProperty("autogen.hibernate6.classpath");
    assertThat(file).as("system property autogen.hibernate6.classpath (set by the build)").isNotNull();
    return java.util.Arrays.stream(Files.readString(Path.of(file)).strip().split(File.pathSeparator)).map(Path::of)
        .toList();
  }
}
