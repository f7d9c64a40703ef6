package dev.autogen.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a command as a whole process under GNU time ({@code /usr/bin/time}, Debian package {@code
 * time}), which reports what the JVM cannot measure about itself: wall time, user and system CPU
 * time, and peak resident set size.
 */
public final class TimedProcess {

  /** GNU time's location. */
  public static final Path GNU_TIME = Path.of("/usr/bin/time");

  /**
   * One run's figures.
   *
   * @param exitCode the command's exit code
   * @param wallSeconds elapsed wall-clock seconds
   * @param cpuSeconds user plus system CPU seconds
   * @param peakRssMegabytes peak resident set size in MiB
   * @param stdout what the command printed on standard output
   * @param stderr what the command printed on standard error (a JVM's stack trace when it failed)
   */
  public record Run(
      int exitCode, double wallSeconds, double cpuSeconds, double peakRssMegabytes, String stdout, String stderr) {}

  private TimedProcess() {}

  /**
   * @param command the command and its arguments
   * @return the figures of the run
   * @throws IOException when the process cannot be started or GNU time's report cannot be read
   * @throws InterruptedException when interrupted while waiting
   * @throws IllegalStateException when GNU time is missing
   */
  public static Run run(List<String> command) throws IOException, InterruptedException {
    return run(command, Map.of());
  }

  /**
   * @param command the command and its arguments
   * @param environment variables to set for the command, besides the benchmark's own environment
   * @return the figures of the run
   * @throws IOException when the process cannot be started or GNU time's report cannot be read
   * @throws InterruptedException when interrupted while waiting
   * @throws IllegalStateException when GNU time is missing
   */
  public static Run run(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    if (!Files.isExecutable(GNU_TIME)) {
      throw new IllegalStateException("GNU time is needed at " + GNU_TIME + ": apt-get install time");
    }
    Path report = Files.createTempFile("autogen-bench-time", ".txt");
    Path out = Files.createTempFile("autogen-bench-out", ".txt");
    Path err = Files.createTempFile("autogen-bench-err", ".txt");
    try {
      List<String> timed = new ArrayList<>(List.of(GNU_TIME.toString(), "-f", "%e %U %S %M", "-o", report.toString()));
      timed.addAll(command);
      ProcessBuilder builder = new ProcessBuilder(timed)
          .redirectOutput(out.toFile())
          .redirectError(err.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      int exit = process.waitFor();
      String[] figures = lastLine(Files.readString(report, StandardCharsets.UTF_8)).trim().split("\\s+");
      return new Run(exit,
          Double.parseDouble(figures[0]),
          Double.parseDouble(figures[1]) + Double.parseDouble(figures[2]),
          Long.parseLong(figures[3]) / 1024.0,
          text(out),
          text(err));
    } finally {
      Files.deleteIfExists(report);
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Decodes as UTF-8, replacing malformed bytes rather than failing (a tool's log may hold any). */
  private static String text(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    return lines[lines.length - 1].toLowerCase(Locale.ROOT);
  }
}
