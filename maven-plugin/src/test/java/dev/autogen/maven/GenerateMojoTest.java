package dev.autogen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.cli.Main;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateMojoTest {

  /** The goal's own parameters reach the CLI as options it knows. */
  @Test
  void javaAndLiquibaseParametersBecomeTheCliOptions(@TempDir Path dir) throws Exception {
    GenerateMojo goal = new GenerateMojo();
    goal.message = "add bio";
    goal.java = true;
    goal.javaSource = new File("src/main/java");
    goal.javaPackage = "com.example.db.migration";
    goal.author = "Ann";
    goal.changelogFormat = "sql";
    CliArguments arguments = new CliArguments("generate");

    goal.addGoalOptions(arguments);

    assertThat(arguments.toArray()).containsExactly("generate", "--message", "add bio", "--java", "--java-source",
        new File("src/main/java").getAbsolutePath(), "--java-package", "com.example.db.migration", "--author", "Ann",
        "--changelog-format", "sql");
    StringWriter err = new StringWriter();
    Main.execute(arguments.toArray(), new PrintWriter(new StringWriter()), new PrintWriter(err), dir);
    assertThat(err.toString()).startsWith("autogen: ").doesNotContain("Unknown option", "Unmatched argument");
  }
}
