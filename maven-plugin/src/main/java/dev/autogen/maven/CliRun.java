package dev.autogen.maven;

import dev.autogen.cli.Main;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.maven.plugin.logging.Log;

/**
 * One run of autogen's CLI inside the build's JVM ({@link Main#execute(String[], PrintWriter,
 * PrintWriter, Path)}), its output going to the Maven log line by line: standard output as info (or
 * to a report file), standard error as info too (timings, {@code --verbose} notes, a gate's verdict),
 * except autogen's error lines ({@code autogen: ...}), which are kept for the goal's failure message
 * rather than logged twice. The libraries' own logging is quiet during the run ({@link
 * LibraryLogging}), and the thread's context class loader is the same after the run as before it,
 * whatever the run did with it.
 */
final class CliRun {

  /** How autogen's CLI starts each error line it prints (Main). */
  private static final String ERROR_PREFIX = "autogen: ";

  private CliRun() {
  }

  /**
   * The outcome of a run.
   *
   * @param exitCode the CLI's exit code (README "Exit codes": 0 ok, 1 drift or gate, 2 input, 3 database)
   * @param output the lines printed on standard output, in order
   * @param notes the other lines printed on standard error, in order
   * @param errors autogen's error lines, without the {@code autogen: } prefix, in order
   */
  record Result(int exitCode, List<String> output, List<String> notes, List<String> errors) {
  }

  /**
   * @param arguments the command line, never null
   * @param directory the project's base directory: where autogen.properties is read and relative paths
   *     start, never null
   * @param report where standard output's lines go (the Maven log's info, or a report file), never null
   * @param log the Maven log, for standard error, never null
   * @return the outcome, never null
   */
  static Result run(CliArguments arguments, Path directory, Consumer<String> report, Log log) {
    List<String> errors = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    LineWriter out = new LineWriter(report);
    LineWriter err = new LineWriter(line -> {
      if (line.startsWith(ERROR_PREFIX)) {
        errors.add(line.substring(ERROR_PREFIX.length()));
      } else {
        notes.add(line);
        log.info(line);
      }
    });
    int code;
    try (LibraryLogging quiet = LibraryLogging.quiet();
        PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
      code = Main.execute(arguments.toArray(), o, e, directory);
    } finally {
      thread.setContextClassLoader(previous);
    }
    if (code == 0) {
      // a warning printed on a successful run (none is expected): not lost
      errors.forEach(line -> log.warn(ERROR_PREFIX + line));
    }
    return new Result(code, out.lines(), List.copyOf(notes), List.copyOf(errors));
  }
}
