package dev.autogen.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.cli.Cli;
import dev.autogen.cli.ExitCode;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@code --password} without a value asks for it, never on standard output (which carries JSON and
 * Markdown): without a terminal it reads one line of standard input, the question on standard error.
 */
@Tag("reliability")
@ResourceLock("java.lang.System.in")
class PasswordPromptTest {

  private static Cli.Result withInput(String input, String... args) {
    InputStream before = System.in;
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      return Cli.run(args);
    } finally {
      System.setIn(before);
    }
  }

  @Test
  void theQuestionNeverReachesStandardOutputAndThePasswordIsNeverPrinted() {
    Cli.Result r = withInput("s3cret-typed\n", "diff", "--format", "json", "--password", "--url",
        "jdbc:postgresql://127.0.0.1:1/app", "--classpath", Cli.fixturesClasspath(), "--packages",
        Bookstore.packageOf(1));
    assertThat(r.code()).isEqualTo(ExitCode.DATABASE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("Password").contains("cannot connect").doesNotContain("s3cret-typed");
  }

  @Test
  void noInputIsAOneLineUsageError() {
    Cli.Result r = withInput("", "check", "--password", "--url", "jdbc:postgresql://127.0.0.1:1/app",
        "--classpath", Cli.fixturesClasspath(), "--packages", Bookstore.packageOf(1));
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("autogen: --password without a value: standard input is empty");
  }
}
