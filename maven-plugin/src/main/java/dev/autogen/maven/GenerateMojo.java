package dev.autogen.maven;

import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn autogen:generate -Dautogen.message="add bio column"}: writes the next migration, as {@code
 * autogen generate -m}: in a Flyway project the SQL migration and its undo file (or, with {@code java}, a
 * Flyway Java migration), in a Liquibase project the next changelog, included from the master. The
 * project is built up to {@code process-classes} first.
 */
@Mojo(name = "generate", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class GenerateMojo extends AutogenMojo {

  /** What the migration does; becomes the file name ({@code add bio column} gives {@code V3__add_bio_column.sql}). */
  @Parameter(property = "autogen.message")
  String message;

  /** Write a Flyway Java migration instead of SQL files (CLI {@code --java}). */
  @Parameter(property = "autogen.java", defaultValue = "false")
  boolean java;

  /** The Java source root of Java migrations (CLI {@code --java-source}); default {@code src/main/java}. */
  @Parameter(property = "autogen.javaSource")
  File javaSource;

  /** The package of Java migrations (CLI {@code --java-package}); default {@code db.migration}. */
  @Parameter(property = "autogen.javaPackage")
  String javaPackage;

  /** A Liquibase project: the changesets' author (CLI {@code --author}); default git's {@code user.name}. */
  @Parameter(property = "autogen.author")
  String author;

  /**
   * A Liquibase project: the new changelog's format, {@code xml}, {@code yaml}, {@code json} or {@code sql}
   * (CLI {@code --changelog-format}); default the master's.
   */
  @Parameter(property = "autogen.changelogFormat")
  String changelogFormat;

  @Override
  String command() {
    return "generate";
  }

  /** @throws MojoExecutionException without a message */
  @Override
  void addGoalOptions(CliArguments arguments) throws MojoExecutionException {
    if (message == null || message.isBlank()) {
      throw new MojoExecutionException("say what the migration does: mvn autogen:generate "
          + "-Dautogen.message=\"add bio column\" (or <message> in the plugin's configuration)");
    }
    arguments.option("--message", message)
        .flag("--java", java)
        .option("--java-source", javaSource)
        .option("--java-package", javaPackage)
        .option("--author", author)
        .option("--changelog-format", changelogFormat);
  }
}
