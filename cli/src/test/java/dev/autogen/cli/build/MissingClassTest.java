package dev.autogen.cli.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.cli.Cli;
import dev.autogen.cli.ExitCode;
import dev.autogen.fixtures.TestDatabase;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dependency jar left off the class path is a one-line error naming the missing class and the
 * entity that needs it, exit code 2, never {@code unexpected error: ...InvocationTargetException}
 * (issue 10 #4), whichever Hibernate reads the entities: autogen's bundled one, and the application's
 * own Hibernate 6.6 ({@code IsolatedEntityReader}). Where the local Maven repository holds the class,
 * the error names the artifact.
 */
class MissingClassTest {

  @TempDir static Path dir;
  private static Path withoutConverter;
  private static Path withoutJackson;

  @BeforeAll
  static void compile() throws Exception {
    Path library = JavaSources.compile(Map.of("missinglib.UpperCase", """
            import jakarta.persistence.*;
            @Converter public class UpperCase implements AttributeConverter<String, String> {
              public String convertToDatabaseColumn(String s) { return s.toUpperCase(); }
              public String convertToEntityAttribute(String s) { return s; } }"""),
        dir.resolve("library"), List.of());
    // compiled against the library, read without it: the converter an annotation member names is missing
    withoutConverter = JavaSources.compile(Map.of("missingapp.Item", """
            import jakarta.persistence.*;
            @Entity public class Item { @Id Long id; @Convert(converter = missinglib.UpperCase.class) String code; }"""),
        dir.resolve("items"), List.of(library));
    // compiled against Jackson (on the test class path), read without it
    withoutJackson = JavaSources.compile(Map.of(
        "missingjson.Document", """
            import jakarta.persistence.*;
            @Entity public class Document { @Id Long id;
              @Convert(converter = JsonText.class) com.fasterxml.jackson.databind.JsonNode body; }""",
        "missingjson.JsonText", """
            import jakarta.persistence.*;
            import com.fasterxml.jackson.databind.JsonNode;
            @Converter public class JsonText implements AttributeConverter<JsonNode, String> {
              public String convertToDatabaseColumn(JsonNode n) { return n.toString(); }
              public JsonNode convertToEntityAttribute(String s) { return null; } }"""),
        dir.resolve("documents"), List.of());
  }

  @Test
  void aMissingConverterClassIsNamedWithTheEntityByEitherHibernate() throws Exception {
    Cli.Result bundled = diff(withoutConverter.toString());
    Cli.Result hibernate6 = diff(withHibernate6(withoutConverter));

    for (Cli.Result result : List.of(bundled, hibernate6)) {
      assertThat(result.code()).as(result.out() + result.err()).isEqualTo(ExitCode.USAGE);
      assertThat(result.err().strip()).doesNotContain("\n").doesNotContain("unexpected error")
          .startsWith("autogen: class missinglib.UpperCase, which missingapp.Item refers to, cannot be loaded (")
          .contains("add the jar or directory that holds it to --classpath");
    }
  }

  @Test
  void aClassOfTheLocalMavenRepositoryIsNamedWithItsArtifact() throws Exception {
    Path jackson = Path.of(JsonNode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assumeTrue(jackson.startsWith(LocalRepository.standard().root()),
        "jackson-databind is not in the local Maven repository " + LocalRepository.standard().root());

    Cli.Result result = diff(withHibernate6(withoutJackson));

    assertThat(result.code()).as(result.out() + result.err()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err().strip()).doesNotContain("\n")
        .startsWith("autogen: class com.fasterxml.jackson.databind.JsonNode, which missingjson.Document, "
            + "missingjson.JsonText refer to, cannot be loaded (")
        .containsPattern("; the local Maven repository has it in com\\.fasterxml\\.jackson\\.core:jackson-databind:"
            + "[0-9][^ ,]* \\(add that dependency\\)$");
  }

  private static Cli.Result diff(String classpath) throws Exception {
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    return Cli.run("diff", "--dev-url", TestDatabase.adminUrl(), "--migrations", migrations.toString(), "--no-cache",
        "--classpath", classpath);
  }

  /** @return the classes, then hibernate-core 6.6 and its dependencies as the metadata-hibernate6 build resolved them */
  private static String withHibernate6(Path classes) throws Exception {
    String file = System.getProperty("autogen.hibernate6.classpath");
    assertThat(file).as("system property autogen.hibernate6.classpath (set by the build)").isNotNull();
    List<String> entries = new ArrayList<>(List.of(classes.toString()));
    entries.add(Files.readString(Path.of(file)).strip());
    return String.join(File.pathSeparator, entries);
  }
}
