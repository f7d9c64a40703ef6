package dev.autogen.cli.source;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a throwaway embedded dev server keeps its data directory: in memory when the machine has a
 * memory file system with room, since the server's files are made to be deleted at the end of the run.
 *
 * <p>A replay creates a few files per table (the table, its TOAST table and index, one per index:
 * PostgreSQL, "Database File Layout") and writes the write-ahead log beside them. On a disk file system
 * that is file creation and page writeback the run waits for, and on an ext4 file system without a
 * journal, inode allocation after recent deletions (a previous run's dropped databases) slows further:
 * measured on this project's machine, a cold {@code check} replaying 300 migrations over 1,000 tables
 * took 8.2-8.6 s with the data directory under {@code /tmp} and 4.3-5.0 s under {@code /dev/shm}
 * (README, Benchmarks: replay). Nothing of a throwaway server needs to survive a crash, so memory loses
 * nothing.
 *
 * <p>The choice, in order:
 *
 * <ol>
 *   <li>{@value #VARIABLE}, when set: that directory, which must exist (a one-line error with {@link
 *       ExitCode#USAGE} otherwise);
 *   <li>{@value #MEMORY}, when it is a {@code tmpfs} file system (Linux's POSIX shared memory) with at
 *       least {@value #MEMORY_ROOM_MB} MB usable and the machine has at least {@value #AVAILABLE_MB} MB
 *       available ({@code MemAvailable} of {@code /proc/meminfo}): a replay of 1,000 tables holds about
 *       110 MB there (42 MB of data, 64 MB of write-ahead log);
 *   <li>else {@code java.io.tmpdir}.
 * </ol>
 *
 * <p>The kept dev server (replay snapshots, {@link PersistentDevServer}) is not affected: its data
 * directory is in the cache directory, on disk, and outlives the run by design.
 */
final class ScratchDirectory {

  /** The environment variable that names the directory, overriding the choice. */
  static final String VARIABLE = "AUTOGEN_SCRATCH_DIR";

  /** Linux's memory file system for POSIX shared memory, mounted on every systemd or Debian system. */
  static final String MEMORY = "/dev/shm";

  /** The least usable space of {@value #MEMORY}, in MB, for a server to be put there. */
  static final long MEMORY_ROOM_MB = 1024;

  /** The least memory the machine must have available, in MB, for a server to be put in memory. */
  static final long AVAILABLE_MB = 2048;

  private static final Pattern AVAILABLE = Pattern.compile("(?m)^MemAvailable:\\s+(\\d+) kB");

  /**
   * The directory chosen and why.
   *
   * @param directory the parent of autogen's per-user scratch directory, absolute
   * @param memory whether it is a memory file system
   */
  record Choice(Path directory, boolean memory) {

    /** @return a few words for {@code --timings}, without parentheses: {@code in memory at /dev/shm} */
    String describe() {
      return (memory ? "in memory at " : "on disk at ") + directory;
    }
  }

  private ScratchDirectory() {}

  /**
   * @return the choice for this process's environment and machine, never null
   * @throws AutogenException with {@link ExitCode#USAGE} when {@value #VARIABLE} names no existing directory
   */
  static Choice choose() {
    return choose(System.getenv(), Path.of(System.getProperty("java.io.tmpdir")), Path.of("/proc/meminfo"));
  }

  /**
   * The rule of the class comment, its inputs given.
   *
   * @param environment the environment variables, never null
   * @param temporary {@code java.io.tmpdir}, never null
   * @param meminfo Linux's {@code /proc/meminfo}; a missing file means no memory directory
   * @return the choice, never null
   * @throws AutogenException with {@link ExitCode#USAGE} when {@value #VARIABLE} names no existing directory
   */
  static Choice choose(Map<String, String> environment, Path temporary, Path meminfo) {
    String named = environment.get(VARIABLE);
    if (named != null && !named.isBlank()) {
      Path directory = named(named).orElseThrow(() -> new AutogenException(ExitCode.USAGE, VARIABLE + "=" + named
          + " is not a path: name an existing directory for the embedded dev server's data, or unset it"));
      if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
        throw new AutogenException(ExitCode.USAGE, VARIABLE + "=" + named + " is not a writable directory: name an"
            + " existing directory for the embedded dev server's data, or unset it");
      }
      return new Choice(directory, isMemory(directory));
    }
    Path memory = Path.of(MEMORY);
    if (isMemory(memory) && Files.isWritable(memory) && usableMb(memory) >= MEMORY_ROOM_MB
        && availableMb(meminfo).orElse(0L) >= AVAILABLE_MB) {
      return new Choice(memory, true);
    }
    return new Choice(temporary.toAbsolutePath(), false);
  }

  /**
   * @return every directory a throwaway server of this user may have been put in by any choice (the memory
   *     directory, {@code java.io.tmpdir}, {@value #VARIABLE}), for reaping what killed runs left; existing
   *     ones only
   */
  static List<Path> candidates() {
    List<Path> all = new ArrayList<>();
    String named = System.getenv(VARIABLE);
    if (named != null) {
      named(named).ifPresent(all::add);  // not a path: choose() reports it
    }
    all.add(Path.of(MEMORY));
    all.add(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath());
    return all.stream().distinct().filter(Files::isDirectory).toList();
  }

  /** @return the absolute path {@value #VARIABLE}'s value names; empty when blank or not a path */
  private static Optional<Path> named(String value) {
    if (value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(value.strip()).toAbsolutePath());
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  private static boolean isMemory(Path directory) {
    try {
      return Files.isDirectory(directory) && "tmpfs".equals(Files.getFileStore(directory).type());
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  private static long usableMb(Path directory) {
    try {
      FileStore store = Files.getFileStore(directory);
      return store.getUsableSpace() / (1024 * 1024);
    } catch (IOException e) {
      return 0;
    }
  }

  /** @return {@code MemAvailable} in MB, empty when the file is missing or has no such line */
  static Optional<Long> availableMb(Path meminfo) {
    try {
      Matcher m = AVAILABLE.matcher(Files.readString(meminfo));
      return m.find() ? Optional.of(Long.parseLong(m.group(1)) / 1024) : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
