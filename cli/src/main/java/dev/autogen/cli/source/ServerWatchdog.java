package dev.autogen.cli.source;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops an embedded PostgreSQL when no autogen run needs it any more, even when the run that started it
 * died without stopping it (SIGKILL, a crash): a {@code sh} process, started beside the server and
 * outliving the JVM, polls once a second and sends the postmaster SIGINT (PostgreSQL's fast shutdown,
 * "19.5. Shutting Down the Server": a backend still running a statement of a dead run, which a smart
 * shutdown would wait for, is ended). It ends when the server has stopped, whoever stopped it. Where there
 * is no {@code sh} (Windows), there is no watchdog; the next run stops what is left ({@link
 * EmbeddedRuns#stopServer}).
 *
 * <ul>
 *   <li>{@link #watch}: the server of one run (the throwaway one) stops once that run's JVM is gone, so a
 *       run killed outright leaves no server running for more than about a second;
 *   <li>{@link #watchOwner}: the server runs use one after another (the persistent one) follows its owner
 *       file: {@code run <pid>} while a run uses it, stopped once that pid is gone; {@code idle <time>}
 *       after a run released it, stopped once the file has not changed for the idle time.
 * </ul>
 */
final class ServerWatchdog implements AutoCloseable {

  private static final String FOLLOW_JVM =
      "while kill -0 \"$2\" 2>/dev/null; do sleep 1; done; kill -INT \"$1\" 2>/dev/null";

  private static final String FOLLOW_OWNER = String.join("\n",
      "pm=$1; owner=$2; idle=$3; last=; quiet=0",
      "while kill -0 \"$pm\" 2>/dev/null; do",
      "  sleep 1",
      "  now=$(cat \"$owner\" 2>/dev/null)",
      "  case \"$now\" in",
      "    'run '*) if kill -0 \"${now#run }\" 2>/dev/null; then quiet=0; else kill -INT \"$pm\"; exit 0; fi ;;",
      "    *) if [ \"$now\" = \"$last\" ]; then quiet=$((quiet+1)); else quiet=1; fi",
      "       if [ \"$quiet\" -gt \"$idle\" ] && [ \"$(cat \"$owner\" 2>/dev/null)\" = \"$now\" ]; then",
      "         kill -INT \"$pm\"; exit 0",
      "       fi ;;",
      "  esac",
      "  last=$now",
      "done");

  private final Process process;

  private ServerWatchdog(Process process) {
    this.process = process;
  }

  /**
   * @param data the data directory of a started server, whose {@code postmaster.pid} names it
   * @return a watchdog stopping the server once this JVM is gone; one that does nothing when it cannot be
   *     started
   */
  static ServerWatchdog watch(Path data) {
    return start(data, FOLLOW_JVM, List.of(Long.toString(ProcessHandle.current().pid())));
  }

  /**
   * @param data the data directory of a started server, whose {@code postmaster.pid} names it
   * @param owner the owner file to follow ({@code run <pid>} or {@code idle <anything>})
   * @param idleSeconds how long the server stays up, in seconds, once no run uses it
   * @return a watchdog stopping the server once its owner is gone or it has been idle that long; one that
   *     does nothing when it cannot be started
   */
  static ServerWatchdog watchOwner(Path data, Path owner, long idleSeconds) {
    return start(data, FOLLOW_OWNER, List.of(owner.toAbsolutePath().toString(), Long.toString(idleSeconds)));
  }

  private static ServerWatchdog start(Path data, String script, List<String> arguments) {
    try {
      String postmaster = Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.UTF_8).get(0).strip();
      List<String> command = new ArrayList<>(List.of("sh", "-c", script, "autogen-dev-server-watchdog"));
      command.add(postmaster);  // $1, then the script's own arguments
      command.addAll(arguments);
      Process process = new ProcessBuilder(command)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(ProcessBuilder.Redirect.from(new File(System.getProperty("os.name", "")
              .startsWith("Windows") ? "NUL" : "/dev/null")))
          .start();
      return new ServerWatchdog(process);
    } catch (IOException | RuntimeException e) {
      return new ServerWatchdog(null);  // no sh: the next run stops what a killed one left
    }
  }

  /** @return the watchdog's pid, or -1 when there is none */
  long pid() {
    return process == null ? -1 : process.pid();
  }

  /** Ends the watchdog; the server is stopped by its owner. */
  @Override
  public void close() {
    if (process != null) {
      process.destroy();
    }
  }
}
