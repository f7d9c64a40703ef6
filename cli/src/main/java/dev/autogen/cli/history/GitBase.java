package dev.autogen.cli.history;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The migrations directory as a git ref's tree has it ({@code --base origin/main}), read with the
 * user's own {@code git} (a process, {@code git ls-tree}), so that the repository is read exactly as
 * the user's git reads it: its configuration, worktrees, shallow and partial clones. Only the ref's
 * tree is read, not its history, so a CI checkout that fetched just the base's tip ({@code git fetch
 * --depth 1 origin main}) suffices.
 */
public final class GitBase {

  /** How long one git command may take. */
  private static final long TIMEOUT_SECONDS = 60;

  private GitBase() {}

  /**
   * @param directory the migrations directory in a git work tree, existing, never null
   * @param ref a git ref or commit, e.g. {@code origin/main}, never null
   * @return the paths of the files under the directory in the ref's tree, relative to the directory,
   *     {@code /} separated, subdirectories included; empty when the ref has no such directory
   * @throws AutogenException with {@link ExitCode#USAGE} when git is not installed, the directory is
   *     not in a git work tree, or the ref names no commit
   */
  public static List<String> files(Path directory, String ref) {
    if (ref.isBlank() || ref.startsWith("-")) {
      throw new AutogenException(ExitCode.USAGE, "--base '" + ref + "' is not a git ref: name a branch or commit, "
          + "e.g. --base origin/main");
    }
    String prefix = git(directory, "rev-parse", "--show-prefix").strip();
    String commit = git(directory, "rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}");
    if (commit.isBlank()) {
      throw new AutogenException(ExitCode.USAGE, "--base " + ref + ": no such commit in the git repository of "
          + directory + " (fetch it first, e.g. git fetch origin main)");
    }
    String listing = git(directory, "ls-tree", "-r", "-z", "--name-only", "--full-tree", commit.strip(), "--",
        prefix.isEmpty() ? "." : prefix);
    List<String> files = new ArrayList<>();
    for (String path : listing.split("\0")) {
      if (!path.isEmpty() && path.startsWith(prefix)) {
        files.add(path.substring(prefix.length()));
      }
    }
    return files;
  }

  /**
   * The author git would record for a commit in the directory ({@code git config user.name}), for the
   * {@code author} of generated Liquibase changesets.
   *
   * @param directory a directory, inside a git repository or not, never null
   * @return the name, or empty when git cannot run or no {@code user.name} is set
   */
  public static java.util.Optional<String> userName(Path directory) {
    try {
      return java.util.Optional.of(git(directory.toAbsolutePath(), "config", "user.name").strip())
          .filter(n -> !n.isEmpty());
    } catch (AutogenException e) {
      return java.util.Optional.empty();
    }
  }

  /**
   * @return what git printed on standard output; empty when it exits 1 without a message ({@code
   *     rev-parse --quiet} for an unknown ref)
   * @throws AutogenException with {@link ExitCode#USAGE} when git cannot run or fails
   */
  private static String git(Path directory, String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(Arrays.asList(args));
    Process process;
    try {
      process = new ProcessBuilder(command).directory(directory.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE)
          .start();
    } catch (IOException e) {
      throw new AutogenException(ExitCode.USAGE, "--base needs git, which cannot be run here (" + e.getMessage()
          + "): install git or leave --base out", e);
    }
    try {
      process.getOutputStream().close();
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
      String out = read(process.getInputStream());
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AutogenException(ExitCode.USAGE, "git " + String.join(" ", args) + " took longer than "
            + TIMEOUT_SECONDS + " s in " + directory);
      }
      String message = err.join().strip();
      if (process.exitValue() != 0) {
        if (message.isEmpty()) {
          return "";
        }
        throw new AutogenException(ExitCode.USAGE, "--base: git " + args[0] + " failed in " + directory + ": "
            + message.lines().findFirst().orElse(message)
            + (message.contains("not a git repository") ? " (--base needs the project in a git work tree)" : ""));
      }
      return out;
    } catch (IOException e) {
      throw new AutogenException(ExitCode.USAGE, "--base: cannot run git in " + directory + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new AutogenException(ExitCode.USAGE, "--base: interrupted while git ran", e);
    }
  }

  private static String read(InputStream stream) {
    try (stream) {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
