package dev.autogen.cli.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Stops an embedded PostgreSQL when the JVM that started it dies without stopping it (SIGKILL, a crash):
 * a {@code sh} process, started beside the server and outliving the JVM, polls the JVM's pid every second
 * and sends the postmaster SIGINT once it is gone (PostgreSQL's fast shutdown, "19.5. Shutting Down the
 * Server": a backend still running a statement of the dead JVM, which a smart shutdown would wait for, is
 * ended). So a run killed outright leaves no server running for more than about a second. A run
 * that ends normally stops its server itself and ends the watchdog. Where there is no {@code sh} (Windows),
 * there is no watchdog; the next run stops what is left ({@link EmbeddedRuns#stopServer}).
 */
final class ServerWatchdog implements AutoCloseable {

  private static final String SCRIPT =
      "while kill -0 \"$1\" 2>/dev/null; do sleep 1; done; kill -INT \"$2\" 2>/dev/null";

  private final Process process;

  private ServerWatchdog(Process process) {
    this.process = process;
  }

  /**
   * @param data the data directory of a started server, whose {@code postmaster.pid} names it
   * @return the watchdog; one that does nothing when it cannot be started
   */
  static ServerWatchdog watch(Path data) {
    try {
      String postmaster = Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.UTF_8).get(0).strip();
      Process process = new ProcessBuilder(List.of("sh", "-c", SCRIPT, "autogen-dev-server-watchdog",
          Long.toString(ProcessHandle.current().pid()), postmaster))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File(System.getProperty("os.name", "")
              .startsWith("Windows") ? "NUL" : "/dev/null")))
          .start();
      return new ServerWatchdog(process);
    } catch (IOException | RuntimeException e) {
      return new ServerWatchdog(null);  // no sh: the next run stops what a killed one left
    }
  }

  /** Ends the watchdog; the server is stopped by its owner. */
  @Override
  public void close() {
    if (process != null) {
      process.destroy();
    }
  }
}
