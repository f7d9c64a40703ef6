package dev.autogen.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn autogen:generate -Dautogen.message="add bio column"}: writes the next Flyway migration
 * and its undo file into the migrations directory, as {@code autogen generate -m}. The project is built
 * up to {@code process-classes} first.
 */
@Mojo(name = "generate", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class GenerateMojo extends AutogenMojo {

  /** What the migration does; becomes the file name ({@code add bio column} gives {@code V3__add_bio_column.sql}). */
  @Parameter(property = "autogen.message")
  String message;

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
    arguments.option("--message", message);
  }
}
