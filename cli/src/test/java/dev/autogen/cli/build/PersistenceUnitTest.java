package dev.autogen.cli.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.cli.Cli;
import dev.autogen.cli.ExitCode;
import dev.autogen.fixtures.TestDatabase;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entities are the ones the application registers (issue 10 #4): without {@code --packages} the
 * application's own output directory, not its dependency jars (an {@code @Converter(autoApply = true)}
 * in a jar does not apply); with {@code --packages}, those packages anywhere; with persistence units,
 * the one named by {@code --persistence-unit}, with its listed classes (a listed converter of a jar
 * applies), its mapping file, its {@code exclude-unlisted-classes} and its properties; several units
 * and none named is a one-line error listing them, exit code 2. Replay mode over an empty migrations
 * directory: every table the entities have is a {@code create_table} whose SQL shows its columns.
 */
class PersistenceUnitTest {

  private static final String PERSISTENCE_XML = """
      <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
        <persistence-unit name="one">
          <class>units.app.Alpha</class>
          <class>unitlib.MoneyConverter</class>
          <exclude-unlisted-classes>true</exclude-unlisted-classes>
        </persistence-unit>
        <persistence-unit name="two">
          <mapping-file>META-INF/beta-orm.xml</mapping-file>
          <class>units.app.Beta</class>
          <exclude-unlisted-classes/>
          <properties>
            <property name="hibernate.type.preferred_instant_jdbc_type" value="TIMESTAMP"/>
          </properties>
        </persistence-unit>
      </persistence>
      """;

  private static final String BETA_ORM_XML = """
      <entity-mappings xmlns="https://jakarta.ee/xml/ns/persistence/orm" version="3.1">
        <entity class="units.app.Beta"><table name="beta_from_xml"/></entity>
      </entity-mappings>
      """;

  @TempDir static Path dir;
  private static Path library;
  private static Path application;

  @BeforeAll
  static void compile() throws Exception {
    Path libraryClasses = JavaSources.compile(Map.of(
        "unitlib.Money", "public class Money implements java.io.Serializable { public long cents; }",
        "unitlib.MoneyConverter", """
            import jakarta.persistence.*;
            @Converter(autoApply = true) public class MoneyConverter implements AttributeConverter<Money, String> {
              public String convertToDatabaseColumn(Money m) { return String.valueOf(m.cents); }
              public Money convertToEntityAttribute(String s) { return new Money(); } }"""),
        dir.resolve("library-classes"), List.of());
    library = JavaSources.jar(libraryClasses, dir.resolve("unitlib-1.0.jar"));
    application = JavaSources.compile(Map.of(
        "units.app.Alpha", "import jakarta.persistence.*; @Entity public class Alpha { @Id Long id; unitlib.Money price; }",
        "units.app.Beta", "import jakarta.persistence.*; @Entity public class Beta { @Id Long id; java.time.Instant at; }"),
        dir.resolve("application"), List.of(libraryClasses));
  }

  @Test
  void withoutPackagesTheApplicationsOwnClassesAreReadNotItsJars() throws Exception {
    String classpath = application + File.pathSeparator + library;

    Map<String, String> own = tables(run("--classpath", classpath));
    Map<String, String> packages = tables(run("--classpath", classpath, "--packages", "units.app,unitlib"));

    assertThat(own).containsOnlyKeys("alpha", "beta");
    assertThat(own.get("alpha")).as("the jar's autoApply converter is not the application's").contains("price bytea");
    assertThat(packages.get("alpha")).as("in the scanned packages it applies").contains("price varchar(255)");
  }

  @Test
  void thePersistenceUnitNamedIsReadWithItsClassesMappingFilesAndProperties() throws Exception {
    Path meta = Files.createDirectories(dir.resolve("application-units/META-INF"));
    copyTree(application, meta.getParent());
    Files.writeString(meta.resolve("persistence.xml"), PERSISTENCE_XML);
    Files.writeString(meta.resolve("beta-orm.xml"), BETA_ORM_XML);
    String classpath = meta.getParent() + File.pathSeparator + library;

    Cli.Result none = run("--classpath", classpath);
    Map<String, String> one = tables(run("--classpath", classpath, "--persistence-unit", "one"));
    Map<String, String> two = tables(run("--classpath", classpath, "--persistence-unit", "two"));
    Cli.Result unknown = run("--classpath", classpath, "--persistence-unit", "three");

    assertThat(none.code()).as(none.err()).isEqualTo(ExitCode.USAGE);
    assertThat(none.err().strip()).isEqualTo("autogen: META-INF/persistence.xml declares 2 persistence units ('one', "
        + "'two'): name the one to read with --persistence-unit NAME");
    assertThat(one).containsOnlyKeys("alpha");
    assertThat(one.get("alpha")).as("the unit lists the jar's converter").contains("price varchar(255)");
    assertThat(two).as("the unit's mapping file names the table").containsOnlyKeys("beta_from_xml");
    assertThat(two.get("beta_from_xml")).as("the unit's property").contains("at timestamp(6)")
        .doesNotContain("with time zone");
    assertThat(unknown.code()).isEqualTo(ExitCode.USAGE);
    assertThat(unknown.err().strip()).isEqualTo("autogen: --persistence-unit three: no such unit in "
        + "META-INF/persistence.xml (units: 'one', 'two')");
  }

  private static Cli.Result run(String... more) throws Exception {
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    List<String> args = new ArrayList<>(List.of("diff", "--format", "json", "--dev-url", TestDatabase.adminUrl(),
        "--migrations", migrations.toString(), "--no-cache"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  /** @return the SQL of each created table, by table name */
  private static Map<String, String> tables(Cli.Result result) throws Exception {
    assertThat(result.code()).as(result.out() + result.err()).isZero();
    Map<String, String> tables = new TreeMap<>();
    for (JsonNode change : new ObjectMapper().readTree(result.out()).get("changes")) {
      if (change.get("kind").asText().equals("create_table")) {
        List<String> sql = new ArrayList<>();
        change.get("sql").forEach(statement -> sql.add(statement.asText()));
        tables.put(change.get("table").asText(), String.join("\n", sql));
      }
    }
    return tables;
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (var files = Files.walk(from)) {
      for (Path source : files.filter(Files::isRegularFile).toList()) {
        Path copy = to.resolve(from.relativize(source).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(source, copy);
      }
    }
  }
}
