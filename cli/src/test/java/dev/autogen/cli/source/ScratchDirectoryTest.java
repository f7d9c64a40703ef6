package dev.autogen.cli.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a throwaway embedded server's data goes ({@link ScratchDirectory}), as README documents it. */
class ScratchDirectoryTest {

  private static final String PLENTY = "MemTotal:       24000000 kB\nMemAvailable:    8000000 kB\n";
  private static final String LITTLE = "MemTotal:        2000000 kB\nMemAvailable:     500000 kB\n";

  @Test
  void theVariableWinsWhenItNamesADirectory(@TempDir Path dir) throws Exception {
    Path meminfo = Files.writeString(dir.resolve("meminfo"), PLENTY);
    Path named = Files.createDirectory(dir.resolve("scratch"));

    ScratchDirectory.Choice choice = ScratchDirectory.choose(Map.of(ScratchDirectory.VARIABLE, named.toString()),
        dir, meminfo);

    assertThat(choice.directory()).isEqualTo(named.toAbsolutePath());
  }

  @Test
  void aVariableNamingNoDirectoryIsAOneLineUsageError(@TempDir Path dir) throws Exception {
    Path meminfo = Files.writeString(dir.resolve("meminfo"), PLENTY);
    Path missing = dir.resolve("missing");

    assertThatThrownBy(() -> ScratchDirectory.choose(Map.of(ScratchDirectory.VARIABLE, missing.toString()), dir,
        meminfo))
        .isInstanceOf(AutogenException.class)
        .hasMessage("AUTOGEN_SCRATCH_DIR=" + missing + " is not a writable directory: name an existing directory"
            + " for the embedded dev server's data, or unset it")
        .satisfies(e -> assertThat(((AutogenException) e).exitCode()).isEqualTo(ExitCode.USAGE));
  }

  @Test
  void theTemporaryDirectoryWhenTheMachineHasLittleMemoryAvailable(@TempDir Path dir) throws Exception {
    Path meminfo = Files.writeString(dir.resolve("meminfo"), LITTLE);

    ScratchDirectory.Choice choice = ScratchDirectory.choose(Map.of(), dir, meminfo);

    assertThat(choice).isEqualTo(new ScratchDirectory.Choice(dir.toAbsolutePath(), false));
    assertThat(choice.describe()).isEqualTo("on disk at " + dir.toAbsolutePath());
    assertThat(ScratchDirectory.choose(Map.of(), dir, dir.resolve("no-meminfo")).memory())
        .as("no /proc/meminfo: nothing known of the memory, so not in memory").isFalse();
  }

  @Test
  void memoryWhenDevShmIsATmpfsWithRoomAndTheMachineHasMemoryAvailable(@TempDir Path dir) throws Exception {
    Path shm = Path.of(ScratchDirectory.MEMORY);
    assumeTrue(Files.isDirectory(shm) && "tmpfs".equals(Files.getFileStore(shm).type())
        && Files.getFileStore(shm).getUsableSpace() >= ScratchDirectory.MEMORY_ROOM_MB * 1024 * 1024,
        "no tmpfs /dev/shm with room on this machine");
    Path meminfo = Files.writeString(dir.resolve("meminfo"), PLENTY);

    ScratchDirectory.Choice choice = ScratchDirectory.choose(Map.of(), dir, meminfo);

    assertThat(choice).isEqualTo(new ScratchDirectory.Choice(shm, true));
    assertThat(choice.describe()).isEqualTo("in memory at /dev/shm");
  }

  @Test
  void memAvailableIsReadInMegabytes(@TempDir Path dir) throws Exception {
    assertThat(ScratchDirectory.availableMb(Files.writeString(dir.resolve("a"), PLENTY))).hasValue(7812L);
    assertThat(ScratchDirectory.availableMb(Files.writeString(dir.resolve("b"), "MemTotal: 1 kB\n"))).isEmpty();
  }
}
