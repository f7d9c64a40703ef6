package dev.autogen.cli.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.cli.AutogenException;
import dev.autogen.diff.baseline.Baseline;
import dev.autogen.diff.baseline.BaselineEntry;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineFileTest {

  private static Baseline baseline(int entries, String reason) {
    return new Baseline(IntStream.range(0, entries).mapToObj(i -> new BaselineEntry(
        "drop_column public.t.c" + i + " text null", "drop_column", "public.t.c" + i,
        "drop column public.t.c" + i + ": text null", reason, LocalDate.of(2025, 6, 1))).toList());
  }

  @Test
  void writesSortedIndentedJsonAndReadsItBack(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("autogen-baseline.json");
    Baseline written = new Baseline(List.of(baseline(3, "why \"quoted\"").entries().get(2),
        baseline(3, "why \"quoted\"").entries().get(0)));

    BaselineFile.write(file, written);

    String text = Files.readString(file);
    assertThat(text).startsWith("{\n  \"formatVersion\" : 1,\n  \"entries\" : [ {").endsWith("}\n");
    assertThat(text.indexOf("public.t.c0")).isLessThan(text.indexOf("public.t.c2"));
    assertThat(BaselineFile.read(file)).contains(written);
    assertThat(BaselineFile.read(dir.resolve("absent.json"))).isEmpty();
    assertThat(dir).isDirectoryContaining(p -> p.equals(file)).isDirectoryNotContaining(p -> p.toString().endsWith(".tmp"));
  }

  @Test
  void readersNeverSeeAHalfWrittenFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("autogen-baseline.json");
    BaselineFile.write(file, baseline(2000, "first"));
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Throwable> failures = new ArrayList<>();
    Thread writer = new Thread(() -> {
      try {
        for (int i = 0; i < 40; i++) {
          BaselineFile.write(file, baseline(2000 + i % 2, "round " + i));
        }
      } catch (Throwable t) {
        failures.add(t);
      } finally {
        writing.set(false);
      }
    });
    writer.start();
    int reads = 0;
    ObjectMapper json = new ObjectMapper();
    while (writing.get()) {
      try {
        String text = Files.readString(file);
        assertThat(json.readTree(text).get("entries").size()).isBetween(2000, 2001);
        reads++;
      } catch (NoSuchFileException e) {
        throw new AssertionError("the file was missing while it was being replaced", e);
      }
    }
    writer.join();

    assertThat(failures).isEmpty();
    assertThat(reads).isPositive();
    assertThat(dir).isDirectoryNotContaining(p -> p.toString().endsWith(".tmp"));
  }

  @Test
  void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
    Path file = Files.createDirectory(dir.resolve("autogen-baseline.json"));
    Files.writeString(file.resolve("keep.txt"), "precious");

    assertThatThrownBy(() -> BaselineFile.write(file, baseline(1, "x"))).isInstanceOf(AutogenException.class)
        .hasMessageContaining("cannot write the baseline");

    assertThat(file.resolve("keep.txt")).hasContent("precious");
    assertThat(dir).isDirectoryNotContaining(p -> p.toString().endsWith(".tmp"));
  }

  @Test
  void anEntryWithoutReasonIsRejectedWithTheFileName(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("b.json"),
        "{\"formatVersion\":1,\"entries\":[{\"fingerprint\":\"drop_table public.x\",\"recordedAt\":\"2025-06-01\"}]}");

    assertThatThrownBy(() -> BaselineFile.read(file)).isInstanceOf(AutogenException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("reason");
  }
}
