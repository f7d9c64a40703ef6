package dev.autogen.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn autogen:baseline -Dautogen.reason="..."}: records the current differences as accepted in
 * the baseline file, as {@code autogen baseline}; {@code check}, {@code diff} and {@code generate} then
 * show only new ones. The project is built up to {@code process-classes} first.
 */
@Mojo(name = "baseline", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class BaselineMojo extends AutogenMojo {

  /** Why the differences are accepted (CLI {@code --reason}); required unless only pruning. */
  @Parameter(property = "autogen.reason")
  String reason;

  /** Record only changes of these kinds, e.g. {@code alter_column} (CLI {@code --only}). */
  @Parameter(property = "autogen.only")
  List<String> only;

  /** Remove the entries whose difference is gone (CLI {@code --prune}). */
  @Parameter(property = "autogen.prune", defaultValue = "false")
  boolean prune;

  @Override
  String command() {
    return "baseline";
  }

  @Override
  void addGoalOptions(CliArguments arguments) {
    arguments.option("--reason", reason).option("--only", only).flag("--prune", prune);
  }
}
