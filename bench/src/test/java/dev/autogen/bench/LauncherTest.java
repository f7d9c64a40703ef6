package dev.autogen.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./autogen} launcher as users run it, from an installation that was moved after its
 * class-data archive was recorded (issue 9, item 13): standard output must carry only autogen's own
 * output (a JVM warning there corrupts JSON and Markdown), and the archive is recorded again for the
 * new place. Runs in the bench module because the cli jar is packaged by then ({@code ./mvnw verify}
 * builds cli before bench); skipped when it is not there.
 */
class LauncherTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void aMovedInstallationPrintsNoJvmWarningAndRecordsItsArchiveAgain(@TempDir Path tmp) throws Exception {
    Path jar = ROOT.resolve("cli/target/autogen-cli.jar");
    assumeTrue(Files.isRegularFile(jar) && Files.isDirectory(ROOT.resolve("cli/target/lib")),
        "the cli jar is not packaged: run ./mvnw verify (or package) from the root");
    Path first = install(tmp.resolve("first"));
    Path empty = Files.createDirectories(tmp.resolve("no-entities"));
    // a command that records the archive (it fails on the unreachable database, which is fine here)
    Run recording = run(first, "diff", "--format", "json", "--url", "jdbc:postgresql://127.0.0.1:1/none",
        "--classpath", empty.toString(), "--no-cache");
    assertThat(recording.out()).isEmpty();
    assertThat(recording.err()).doesNotContain("[warning]").doesNotContain("[cds");
    Path archive = first.resolve("cli/target/autogen.jsa");
    assumeTrue(Files.isRegularFile(archive), "this JVM records no dynamic CDS archive");

    Path moved = tmp.resolve("moved");
    Files.move(first, moved);
    Run version = run(moved, "--version");
    assertThat(version.code()).isZero();
    assertThat(version.out()).startsWith("autogen ").doesNotContain("warning").doesNotContain("cds");
    assertThat(version.err()).isEmpty();

    Run again = run(moved, "diff", "--format", "json", "--url", "jdbc:postgresql://127.0.0.1:1/none",
        "--classpath", empty.toString(), "--no-cache");
    assertThat(again.out()).isEmpty();
    assertThat(again.err()).doesNotContain("[warning]");
    assertThat(Files.readString(moved.resolve("cli/target/autogen.jsa.id"))).as("recorded for the new place")
        .contains(moved.resolve("cli/target/autogen-cli.jar").toString());
    Run mapped = run(moved, "--version");
    assertThat(mapped.out()).startsWith("autogen ");
    assertThat(mapped.err()).isEmpty();
  }

  /** Copies what an installation needs to run: the launcher, the jar and its libraries. */
  private static Path install(Path home) throws IOException {
    Files.createDirectories(home.resolve("cli/target/lib"));
    Files.copy(ROOT.resolve("autogen"), home.resolve("autogen"));
    Files.copy(ROOT.resolve("cli/target/autogen-cli.jar"), home.resolve("cli/target/autogen-cli.jar"));
    try (Stream<Path> libs = Files.list(ROOT.resolve("cli/target/lib"))) {
      for (Path lib : libs.sorted(Comparator.naturalOrder()).toList()) {
        Files.copy(lib, home.resolve("cli/target/lib").resolve(lib.getFileName()));
      }
    }
    return home;
  }

  private record Run(int code, String out, String err) {}

  private static Run run(Path home, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", home.resolve("autogen").toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("launcher", ".out");
    Path err = Files.createTempFile("launcher", ".err");
    try {
      ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
              Path.of("/dev/null").toFile()));
      pb.environment().remove("AUTOGEN_JAVA_OPTS");
      pb.environment().remove("AUTOGEN_CDS");
      Process p = pb.start();
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the launcher finishes").isTrue();
      return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
