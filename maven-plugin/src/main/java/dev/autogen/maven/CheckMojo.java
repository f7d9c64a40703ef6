package dev.autogen.maven;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn autogen:check}: fails the build when the entities and the schema disagree (drift), as
 * {@code autogen check} exits 1; with {@code failOn}, only when the drift carries a hazard of that
 * risk or worse. The project is built up to {@code process-classes} first, so the compiled entities
 * and processed resources are current.
 */
@Mojo(name = "check", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class CheckMojo extends AutogenMojo {

  @Override
  String command() {
    return "check";
  }

  @Override
  void addGoalOptions(CliArguments arguments) {
  }
}
