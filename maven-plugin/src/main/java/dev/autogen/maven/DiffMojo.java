package dev.autogen.maven;

import java.io.File;
import java.io.IOException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn autogen:diff}: logs the changes, their hazards and SQL, as {@code autogen diff}; writes no
 * migration. A report: it fails the build only with {@code failOn}. The project is built up to {@code
 * process-classes} first.
 */
@Mojo(name = "diff", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class DiffMojo extends AutogenMojo {

  /** {@code text}, {@code json} or {@code markdown} (CLI {@code --format}); default {@code text}. */
  @Parameter(property = "autogen.format")
  String format;

  /** Explain why one table or column is equal or different (CLI {@code --explain}). */
  @Parameter(property = "autogen.explain")
  String explain;

  /**
   * Write the report to this file instead of the log (e.g. {@code target/autogen-review.md} with
   * {@code format} {@code markdown}, for a pull-request comment); the file is replaced.
   */
  @Parameter(property = "autogen.outputFile")
  File outputFile;

  @Override
  String command() {
    return "diff";
  }

  @Override
  ReportFile reportFile() throws IOException {
    return outputFile == null ? null : new ReportFile(outputFile.toPath());
  }

  @Override
  void addGoalOptions(CliArguments arguments) {
    arguments.option("--format", format).option("--explain", explain);
  }
}
