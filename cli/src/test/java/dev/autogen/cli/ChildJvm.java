package dev.autogen.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM of its own running a main class of the test class path: what a test needs when the behaviour
 * under test belongs to a process (file locks are per process; kill -9 and SIGTERM end a process).
 * Standard output and error go to files beside each other, read with {@link #out()} and {@link #err()}.
 */
public final class ChildJvm {

  private final Process process;
  private final Path out;
  private final Path err;

  private ChildJvm(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /**
   * @param logs a directory for the child's standard output and error
   * @param jvmOptions options of the child JVM (system properties), may be empty
   * @param mainClass the main class, on the test class path
   * @param args its arguments
   * @return the started child
   * @throws IOException when it cannot be started
   */
  public static ChildJvm start(Path logs, List<String> jvmOptions, Class<?> mainClass, String... args) throws IOException {
    return start(logs, jvmOptions, java.util.Map.of(), null, mainClass, args);
  }

  /**
   * As {@link #start(Path, List, Class, String...)}, in a working directory of its own and with more
   * environment variables: what a test of the working directory's files or of the environment needs.
   *
   * @param logs a directory for the child's standard output and error
   * @param jvmOptions options of the child JVM (system properties), may be empty
   * @param environment variables added to (or replacing those of) this JVM's environment
   * @param workingDirectory the child's working directory, or null for this JVM's
   * @param mainClass the main class, on the test class path
   * @param args its arguments
   * @return the started child
   * @throws IOException when it cannot be started
   */
  public static ChildJvm start(Path logs, List<String> jvmOptions, java.util.Map<String, String> environment,
      Path workingDirectory, Class<?> mainClass, String... args) throws IOException {
    Files.createDirectories(logs);
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // a short command-line run on a small machine, as ./autogen starts it
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path")));
    command.addAll(jvmOptions);
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(logs, "child-", ".out");
    Path err = Files.createTempFile(logs, "child-", ".err");
    // the class path is absolute so that another working directory still finds it
    command.set(command.indexOf("-cp") + 1, absolute(System.getProperty("java.class.path")));
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().putAll(environment);
    if (workingDirectory != null) {
      builder.directory(workingDirectory.toFile());
    }
    Process process = builder.start();
    return new ChildJvm(process, out, err);
  }

  private static String absolute(String classpath) {
    return java.util.Arrays.stream(classpath.split(java.io.File.pathSeparator))
        .map(entry -> Path.of(entry).toAbsolutePath().toString())
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  /** @return the child's process */
  public Process process() {
    return process;
  }

  /** @return the child's pid */
  public long pid() {
    return process.pid();
  }

  /**
   * @param seconds how long to wait
   * @return the exit code
   * @throws IllegalStateException when it has not ended by then (it is then killed)
   */
  public int waitFor(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("child JVM still running after " + seconds + " s; its output: " + out() + err());
    }
    return process.exitValue();
  }

  /** @return what it printed on standard output so far */
  public String out() {
    return read(out);
  }

  /** @return what it printed on standard error so far */
  public String err() {
    return read(err);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
