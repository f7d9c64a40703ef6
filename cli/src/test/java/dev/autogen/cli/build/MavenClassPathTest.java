package dev.autogen.cli.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.cli.Cli;
import dev.autogen.cli.ExitCode;
import dev.autogen.fixtures.TestDatabase;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a Maven project no {@code --classpath} is needed (issue 10 #4): the class path comes from the
 * project's own build ({@code dependency:build-classpath}, runtime scope) and its output directory, so
 * the application's own Hibernate 6.6 reads its entities; the second run takes it from the cache
 * without starting Maven; an uncompiled project and a failing build are one-line errors, exit code 2.
 * Real Maven builds, offline ({@code .mvn/maven.config}) against the local repository, which holds
 * everything this repository's own build needs (hibernate-core 6.6.13 for {@code metadata-hibernate6}).
 */
class MavenClassPathTest {

  private static final String POM = """
      <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <groupId>sample</groupId><artifactId>shop</artifactId><version>1.0</version>
        <properties>
          <maven.compiler.release>17</maven.compiler.release>
          <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
        </properties>
        <dependencies>
          <dependency><groupId>org.hibernate.orm</groupId><artifactId>hibernate-core</artifactId><version>6.6.13.Final</version></dependency>
          <!--more-->
        </dependencies>
        <build><plugins>
          <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin>
          <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
        </plugins></build>
      </project>
      """;

  @Test
  void theProjectsOwnBuildGivesTheClassPathOnceAndThenTheCache(@TempDir Path dir) throws Exception {
    List<String> mvn = MavenClassPath.command(new MavenProject(dir));
    Path project = Files.createDirectories(dir.resolve("shop"));
    Files.writeString(project.resolve("pom.xml"), POM);
    Files.writeString(Files.createDirectories(project.resolve(".mvn")).resolve("maven.config"), "-o\n");
    Path sources = Files.createDirectories(project.resolve("src/main/java/shop"));
    Files.writeString(sources.resolve("Customer.java"),
        "package shop;\nimport jakarta.persistence.*;\n@Entity public class Customer { @Id Long id; String name; }\n");
    Path cache = dir.resolve("cache");
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    String[] args = {"diff", "--format", "json", "--project", project.toString(), "--cache-dir", cache.toString(),
        "--dev-url", TestDatabase.adminUrl(), "--migrations", migrations.toString(), "--verbose"};

    Cli.Result uncompiled = Cli.run(args);
    assertThat(uncompiled.code()).as(uncompiled.err()).isEqualTo(ExitCode.USAGE);
    assertThat(uncompiled.err().strip().lines().findFirst().orElseThrow()).isEqualTo("autogen: the project's output directory "
        + project.resolve("target/classes") + " holds no compiled classes: compile the project first (./mvnw compile), "
        + "or pass --classpath");

    Process compile = new ProcessBuilder(mvn.get(0), "-q", "-B", "compile").directory(project.toFile())
        .redirectErrorStream(true).start();
    String compiled = new String(compile.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assumeTrue(compile.waitFor() == 0, "the sample project does not build offline here: " + compiled);

    Cli.Result first = Cli.run(args);
    Cli.Result second = Cli.run(args);

    for (Cli.Result run : List.of(first, second)) {
      assertThat(run.code()).as(run.err()).isZero();
      JsonNode report = new ObjectMapper().readTree(run.out());
      assertThat(report.get("hibernate").get("version").asText()).as("the project's own Hibernate").startsWith("6.6.13");
      assertThat(report.get("hibernate").get("source").asText()).isEqualTo("application class path");
      assertThat(report.get("changes").get(0).get("table").asText()).isEqualTo("customer");
    }
    assertThat(first.err()).contains("autogen: resolving the class path: " + mvn.get(0))
        .contains("(cache miss): 1 output directory, ");
    assertThat(second.err()).as("Maven does not run again").doesNotContain("resolving the class path")
        .contains("(cache hit): 1 output directory, ");

    Files.writeString(project.resolve("pom.xml"), POM.replace("<!--more-->",
        "<dependency><groupId>sample</groupId><artifactId>absent</artifactId><version>1.0</version></dependency>"));
    String[] quiet = java.util.Arrays.copyOf(args, args.length - 1);
    Cli.Result broken = Cli.run(quiet);
    assertThat(broken.code()).as(broken.err()).isEqualTo(ExitCode.USAGE);
    assertThat(broken.err().strip()).doesNotContain("\n")
        .startsWith("autogen: Maven could not resolve the class path of " + project.resolve("pom.xml") + " (exit code 1): ")
        .contains("sample:absent:jar:1.0")
        .endsWith("(run with --verbose for Maven's output, or pass --classpath)");
  }

  @Test
  void theProjectsExecutableWrapperIsPreferredToMavenOnThePath(@TempDir Path dir) throws Exception {
    Path wrapper = Files.writeString(dir.resolve("mvnw"), "#!/bin/sh\nexit 1\n");
    assertThat(MavenClassPath.command(new MavenProject(dir))).as("not executable: mvn on PATH")
        .allMatch(c -> c.endsWith(File.separator + "mvn"));
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(MavenClassPath.command(new MavenProject(dir))).containsExactly(wrapper.toAbsolutePath().toString());
  }

  @Test
  void theOutputDirectoryAndTheBuildFilesComeFromThePoms(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("pom.xml"), "<project><packaging>pom</packaging></project>");
    Files.writeString(Files.createDirectories(dir.resolve(".mvn")).resolve("maven.config"), "-o\n");
    Path module = Files.createDirectories(dir.resolve("app"));
    Files.writeString(module.resolve("pom.xml"), "<project><parent><artifactId>p</artifactId></parent>"
        + "<build><directory>${project.basedir}/out</directory><outputDirectory>${project.build.directory}/bin"
        + "</outputDirectory></build></project>");

    MavenProject app = new MavenProject(module);

    assertThat(app.outputDirectory()).isEqualTo(module.resolve("out/bin").toAbsolutePath());
    assertThat(app.buildFiles()).containsExactly(module.resolve("pom.xml"), dir.resolve("pom.xml"),
        dir.resolve(".mvn/maven.config").toAbsolutePath());
    assertThat(new MavenProject(dir).aggregator()).isTrue();
    assertThat(new MavenProject(dir).outputDirectory()).isEqualTo(dir.resolve("target/classes"));
  }
}
