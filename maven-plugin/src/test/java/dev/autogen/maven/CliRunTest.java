package dev.autogen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin's run of the CLI, without Maven around it: the project directory is autogen's (its
 * autogen.properties, its relative paths), lines reach the log, errors are kept for the goal's
 * failure instead of logged, and the thread's context class loader is given back.
 */
@ResourceLock(LibraryLoggingTest.JAVA_UTIL_LOGGING)
class CliRunTest {

  /** A Maven log that keeps what it is given, by level. */
  static final class RecordingLog extends SystemStreamLog {
    final List<String> info = new ArrayList<>();
    final List<String> warn = new ArrayList<>();

    @Override
    public void info(CharSequence content) {
      info.add(content.toString());
    }

    @Override
    public void warn(CharSequence content) {
      warn.add(content.toString());
    }
  }

  @Test
  void readsAutogenPropertiesAndResolvesPathsInTheProjectDirectory(@TempDir Path project) throws Exception {
    Files.writeString(project.resolve("autogen.properties"), "migrations=db\nnaming=spring\n");
    RecordingLog log = new RecordingLog();
    List<String> report = new ArrayList<>();

    CliRun.Result result = CliRun.run(new CliArguments("config"), project, report::add, log);

    assertThat(result.exitCode()).as(String.join("\n", result.errors())).isZero();
    assertThat(report).anySatisfy(line -> assertThat(line).startsWith("  migrations = " + project.resolve("db") + "  ("));
    assertThat(report).anySatisfy(line -> assertThat(line).startsWith("  naming = spring  ("));
    assertThat(result.output()).isEqualTo(report);
    assertThat(log.info).isEmpty();
  }

  @Test
  void keepsTheErrorForTheFailureAndRestoresTheContextClassLoader(@TempDir Path project) throws Exception {
    RecordingLog log = new RecordingLog();
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    try (URLClassLoader marker = new URLClassLoader(new URL[0], before)) {
      thread.setContextClassLoader(marker);
      CliRun.Result result = CliRun.run(new CliArguments("check").option("--fail-on", "sometimes"), project,
          log::info, log);

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.errors()).containsExactly("--fail-on must be caution or dangerous, not 'sometimes'");
      assertThat(log.info).noneMatch(line -> line.contains("--fail-on must be"));
      assertThat(log.warn).isEmpty();
      assertThat(thread.getContextClassLoader()).isSameAs(marker);
    } finally {
      thread.setContextClassLoader(before);
    }
  }
}
