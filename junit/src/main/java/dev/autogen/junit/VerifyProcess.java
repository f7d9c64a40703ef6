package dev.autogen.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * One {@code autogen verify --format json} run in its own JVM, on the command line's own class path
 * ({@link CliDistribution}), in the project directory: the same options, {@code autogen.properties},
 * checks, messages and exit codes as the command line, and none of the test JVM's libraries.
 *
 * <p>The entities are read from the test JVM's class path (the application's classes and dependencies
 * as its tests run them, with the application's own Hibernate; the test classes directories, {@code
 * test-classes}, left out), unless the settings or {@code autogen.properties} name a class path. The
 * options reach the command line in an argument file (picocli's {@code @FILE}, readable by its owner
 * only and deleted after the run), so that a password in a dev URL never shows in the process list and
 * a long class path fits any platform's command-line limit.
 */
final class VerifyProcess {

  /** The options a short command-line run of autogen starts its JVM with, as {@code ./autogen} does. */
  private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
      "-Xlog:disable", "-Xlog:all=warning:stderr");

  private static final ObjectMapper JSON = new ObjectMapper();

  private VerifyProcess() {}

  /**
   * @param settings the project directory and options, never null
   * @return the JSON report of verify ({@code VerifyReport.json()} of the command line), never null
   * @throws AutogenVerifyException when verify could not check (exit code 2 or 3, or the JVM failed), with
   *     the command line's one-line message
   * @throws UncheckedIOException when the process cannot be started or its argument file written
   */
  static JsonNode run(MigrationSettings settings) {
    Path jar = CliDistribution.jar(settings.distribution());
    Path directory = settings.directory().toAbsolutePath();
    List<String> args = new ArrayList<>(List.of("verify", "--format", "json"));
    args.addAll(settings.options());
    if (!settings.options().contains("--classpath") && !configuresClasspath(directory)) {
      args.add("--classpath");
      args.add(testClassPath());
    }
    Path argumentFile = null;
    try {
      argumentFile = Files.createTempFile("autogen-verify-", ".args"); // owner-only on POSIX (rw-------)
      Files.writeString(argumentFile, args.stream().map(VerifyProcess::quoted).collect(Collectors.joining("\n")),
          StandardCharsets.UTF_8);
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(JVM_OPTIONS);
      command.addAll(List.of("-jar", jar.toString(), "@" + argumentFile));
      Path stdout = Files.createTempFile("autogen-verify-", ".json");
      Path stderr = Files.createTempFile("autogen-verify-", ".err");
      try {
        Process process = new ProcessBuilder(command).directory(directory.toFile())
            .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        // a test JVM that is stopped (Surefire's fork timeout, Ctrl-C) stops autogen too, which then drops its
        // scratch database and embedded server as a stopped command line does
        Thread stop = new Thread(process::destroy, "autogen-verify-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        int code;
        try {
          code = process.waitFor();
        } catch (InterruptedException e) {
          // JUnit's timeout interrupts the test thread: stop autogen with it
          process.destroy();
          Thread.currentThread().interrupt();
          throw new AutogenVerifyException("autogen verify was interrupted (a test timeout?) and stopped", 3);
        } finally {
          try {
            Runtime.getRuntime().removeShutdownHook(stop);
          } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs
          }
        }
        String errors = Files.readString(stderr, StandardCharsets.UTF_8);
        if (code == 0 || code == 1) {
          return JSON.readTree(stdout.toFile());
        }
        String first = errors.strip().lines().filter(l -> l.startsWith("autogen:")).findFirst()
            .orElse(errors.strip().lines().findFirst().orElse("autogen verify ended with exit code " + code));
        // the command line's line as it printed it (secrets of URLs masked); the options are not repeated: they may hold one
        throw new AutogenVerifyException(first + " (exit code " + code + ")", code);
      } finally {
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run autogen verify from " + jar + ": " + e.getMessage(), e);
    } finally {
      if (argumentFile != null) {
        try {
          Files.deleteIfExists(argumentFile);
        } catch (IOException e) {
          // a temporary file the system cleans up
        }
      }
    }
  }

  /** @return whether the project's autogen.properties names the class path (it then wins over the test JVM's) */
  private static boolean configuresClasspath(Path directory) {
    Path file = directory.resolve("autogen.properties");
    if (!Files.isRegularFile(file)) {
      return false;
    }
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      return false; // the command line reports the file's problem itself
    }
    return properties.containsKey("classpath");
  }

  /** @return the test JVM's class path without its test classes directories */
  static String testClassPath() {
    return Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
        .filter(e -> !e.isBlank())
        .filter(e -> !Path.of(e).getFileName().toString().equals("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** @return the argument in double quotes, its backslashes and quotes escaped, as picocli's @FILE reads it */
  static String quoted(String argument) {
    return '"' + argument.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
