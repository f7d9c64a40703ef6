package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent {@code autogen -m} in one project (issue 9, #6: duplicate versions in 4 of 7 trials):
 * separate processes, as users and build tools start them, each with its own message, so that without
 * the lock two of them write {@code V2__<their message>.sql}.
 */
@Tag("reliability")
class ConcurrentGenerateTest {

  private static final int RUNS = 4;

  @Test
  void concurrentRunsNeverWriteTheSameVersion(@TempDir Path dir) throws Exception {
    Path migrations = Files.createDirectory(dir.resolve("migrations"));
    Files.writeString(migrations.resolve("V1__create_bookstore.sql"), Bookstore.migrationSql(1));
    List<ChildJvm> runs = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      runs.add(ChildJvm.start(dir.resolve("logs"), List.of(), Main.class,
          "-m", "change " + i, "--no-input", "--no-cache", "--cache-dir", dir.resolve("cache").toString(),
          "--dev-url", TestDatabase.adminUrl(), "--user", TestDatabase.user(),
          "--classpath", Cli.fixturesClasspath(), "--packages", Bookstore.packageOf(3),
          "--migrations", migrations.toString(), "--rename", "customer.full_name=display_name"));
    }
    List<Integer> codes = new ArrayList<>();
    for (ChildJvm run : runs) {
      codes.add(run.waitFor(240));
    }

    String outputs = runs.stream().map(r -> r.out() + r.err()).collect(Collectors.joining("\n---\n"));
    List<String> versioned;
    try (Stream<Path> files = Files.list(migrations)) {
      versioned = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("[VU]\\d+__.*\\.sql")).sorted().toList();
    }
    Map<String, Long> perVersion = versioned.stream()
        .collect(Collectors.groupingBy(n -> n.substring(0, n.indexOf("__")), Collectors.counting()));
    assertThat(perVersion).as("one file per version and prefix: " + versioned + "\n" + outputs)
        .allSatisfy((version, count) -> assertThat(count).isEqualTo(1L));
    assertThat(versioned).as(outputs).hasSize(3); // V1, and one run's V2 and U2
    for (int i = 0; i < RUNS; i++) {
      ChildJvm run = runs.get(i);
      assertThat(codes.get(i)).as(run.out() + run.err()).isIn(ExitCode.OK, ExitCode.USAGE);
      if (codes.get(i) == ExitCode.USAGE) {
        assertThat(run.err()).as("a clean failure: the lock's one-line message").contains("holds its lock");
      }
    }
    assertThat(runs.stream().filter(r -> r.out().contains("Wrote")).count()).as(outputs).isEqualTo(1);
    try (Stream<Path> files = Files.list(migrations)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no lock or temporary file left").noneMatch(n -> n.startsWith(".autogen"));
    }
  }
}
