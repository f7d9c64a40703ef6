package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real {@code git} for tests that build repositories (branches, merges, a base ref), isolated from
 * the machine's configuration: no system or global config, a fixed author, no signing.
 */
public final class TestGit {

  private TestGit() {}

  /**
   * Runs {@code git args...} in {@code root} and asserts that it exits 0.
   *
   * @param root the working directory, not null
   * @param args git's arguments
   * @throws Exception when git cannot be started or is interrupted
   */
  public static void git(Path root, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=autogen test", "-c",
        "user.email=test@autogen.invalid", "-c", "commit.gpgsign=false"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
    builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("git " + String.join(" ", args) + ": " + output).isZero();
  }

  /**
   * Commits everything in the working tree ({@code git add -A}, {@code git commit}).
   *
   * @param root the repository, not null
   * @param message the commit message, not null
   * @throws Exception as {@link #git}
   */
  public static void commit(Path root, String message) throws Exception {
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", message);
  }
}
