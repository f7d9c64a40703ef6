package dev.autogen.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The options reach the command line unchanged through picocli's argument file, whatever they hold. */
class VerifyProcessTest {

  /** A command that keeps its arguments, as picocli reads them. */
  static final class Arguments {
    @CommandLine.Parameters
    List<String> values;
  }

  @Test
  void argumentsWithSpacesBackslashesAndQuotesSurviveTheArgumentFile(@TempDir Path dir) throws IOException {
    List<String> args = List.of("--migrations", "C:\\Users\\Ann Lee\\db \"main\"", "--dev-url",
        "jdbc:postgresql://h/p?password=a b'c", "");
    Path file = Files.writeString(dir.resolve("args"),
        args.stream().map(VerifyProcess::quoted).collect(Collectors.joining("\n")));

    Arguments parsed = new Arguments();
    new CommandLine(parsed).setUnmatchedOptionsArePositionalParams(true).parseArgs("@" + file);

    assertThat(parsed.values).containsExactlyElementsOf(args);
  }

  @Test
  void theTestClassesDirectoryIsNotPartOfTheEntitiesClassPath() {
    List<String> entries = List.of(VerifyProcess.testClassPath().split(File.pathSeparator));

    assertThat(System.getProperty("java.class.path")).contains("test-classes");
    assertThat(entries).isNotEmpty().noneMatch(e -> e.endsWith("test-classes"))
        .anyMatch(e -> e.replace('\\', '/').endsWith("junit/target/classes"));
  }
}
