package dev.autogen.cli.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Where embedded dev servers live while a run uses them, so that a run killed outright ({@code kill
 * -9}, a crash, a power cut) leaves nothing that the next run does not clean up.
 *
 * <p>Each embedded server gets a run directory {@code <scratch>/autogen-<user>/embedded/<pid>-<random>}, where
 * {@code <scratch>} is {@link ScratchDirectory}'s choice (memory where there is room, else {@code
 * java.io.tmpdir}) (per user, mode {@code 0700} where the file system has POSIX permissions) holding {@value #OWNER},
 * the owning autogen process's pid and start time written before the server is created, and {@code
 * data}, the server's data directory (PostgreSQL's {@code postmaster.pid} in it names the server's
 * process). Before an embedded server starts, {@link #reapDead()} looks at every run directory: one
 * whose owner is no longer running (its pid is gone, or now belongs to a process started at another
 * time) has its server stopped, if it still runs, and is deleted, whichever scratch directory it is in
 * ({@link ScratchDirectory#candidates()}).
 */
final class EmbeddedRuns {

  /** The file of a run directory that names its owner: {@code <pid> <start time in ms or ->}. */
  static final String OWNER = "owner";

  /** The data directory of a run directory. */
  static final String DATA = "data";

  /** A run directory without owner file younger than this may still be being created. */
  private static final Duration CREATING = Duration.ofMinutes(1);

  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private EmbeddedRuns() {}

  /**
   * @param scratch a scratch directory ({@link ScratchDirectory})
   * @return the parent of run directories in it: {@code <scratch>/autogen-<user>/embedded}
   */
  static Path home(Path scratch) {
    return userDirectory(scratch).resolve("embedded");
  }

  /**
   * @param parent a temporary directory
   * @return this user's directory in it, {@code <parent>/autogen-<user>}
   */
  static Path userDirectory(Path parent) {
    String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
    return parent.resolve("autogen-" + user);
  }

  /**
   * Creates this run's directory, its owner file written first.
   *
   * @param scratch the scratch directory to create it in ({@link ScratchDirectory#choose()})
   * @return the run directory, holding the owner file; the caller puts the data directory in it
   * @throws UncheckedIOException when it cannot be created
   */
  static Path create(Path scratch) {
    Path home = home(scratch);
    try {
      createPrivate(home.getParent());
      createPrivate(home);
      Path run = home.resolve(ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8));
      Files.createDirectory(run);
      Files.writeString(run.resolve(OWNER), owner(ProcessHandle.current()), StandardCharsets.UTF_8);
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for the embedded PostgreSQL under " + home
          + ": " + e.getMessage(), e);
    }
  }

  /**
   * Creates a directory only its owner may use, where the file system has POSIX permissions; nothing when it
   * exists.
   *
   * @param directory the directory, whose parent exists
   * @throws IOException when it cannot be created
   */
  static void createPrivate(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    try {
      Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) {
      Files.createDirectory(directory);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      // another run created it a moment ago
    }
  }

  private static String owner(ProcessHandle process) {
    return process.pid() + " " + process.info().startInstant().map(i -> Long.toString(i.toEpochMilli())).orElse("-");
  }

  /**
   * Stops the servers of run directories whose owner is no longer running and deletes those
   * directories. Never throws; says on standard error what it stopped.
   *
   * @return the run directories removed
   */
  static List<Path> reapDead() {
    List<Path> reaped = new ArrayList<>();
    for (Path scratch : ScratchDirectory.candidates()) {
      reaped.addAll(reapDead(home(scratch)));
    }
    return reaped;
  }

  private static List<Path> reapDead(Path home) {
    if (!Files.isDirectory(home)) {
      return List.of();
    }
    List<Path> runs;
    try (Stream<Path> list = Files.list(home)) {
      runs = list.filter(Files::isDirectory).toList();
    } catch (IOException | UncheckedIOException e) {
      return List.of();
    }
    List<Path> reaped = new ArrayList<>();
    for (Path run : runs) {
      if (ownerDead(run)) {
        stopServer(run.resolve(DATA));
        delete(run);
        if (!Files.exists(run)) {
          reaped.add(run);
        }
      }
    }
    return reaped;
  }

  /** @return whether the run's owner is gone; a run directory being created counts as alive */
  static boolean ownerDead(Path run) {
    String owner;
    try {
      owner = Files.readString(run.resolve(OWNER), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return age(run).compareTo(CREATING) > 0;
    }
    String[] parts = owner.split(" ");
    long pid;
    try {
      pid = Long.parseLong(parts[0]);
    } catch (NumberFormatException e) {
      return age(run).compareTo(CREATING) > 0;
    }
    if (pid == ProcessHandle.current().pid()) {
      return false;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      return true;
    }
    // the pid may have been reused by another process since
    return parts.length > 1 && !parts[1].equals("-") && !owner(process.get()).equals(owner);
  }

  private static Duration age(Path run) {
    try {
      return Duration.between(Files.getLastModifiedTime(run).toInstant(), Instant.now());
    } catch (IOException e) {
      return Duration.ZERO;
    }
  }

  /**
   * Stops the PostgreSQL server of a data directory if it still runs: the process that {@code
   * postmaster.pid} names, when it is a {@code postgres} process, gets SIGTERM (PostgreSQL's smart
   * shutdown; its clients died with the owner), then SIGKILL if it has not ended within 10 s.
   */
  static void stopServer(Path data) {
    stopServer(data, true);
  }

  /**
   * As {@link #stopServer(Path)}.
   *
   * @param data the data directory
   * @param report whether to say on standard error that a server an ended run left is stopped; false where
   *     a running server is expected (the persistent one, idle between runs)
   */
  static void stopServer(Path data, boolean report) {
    Path pidFile = data.resolve("postmaster.pid");
    long pid;
    try (Stream<String> lines = Files.lines(pidFile, StandardCharsets.UTF_8)) {
      pid = Long.parseLong(lines.findFirst().orElse("").strip());
    } catch (IOException | UncheckedIOException | NumberFormatException e) {
      return; // never started, or stopped: postmaster.pid is removed on shutdown
    }
    Optional<ProcessHandle> server = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.endsWith("postgres") || c.endsWith("postgres.exe")).orElse(true));
    if (server.isEmpty()) {
      return;
    }
    ProcessHandle process = server.get();
    if (report) {
      System.err.println("autogen: stopping the embedded PostgreSQL (pid " + pid + ") of an autogen run that ended"
          + " without stopping it");
    }
    process.destroy();
    try {
      process.onExit().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // ended
    }
  }

  /** Deletes a run directory as far as it can; never throws. */
  static void delete(Path run) {
    try (Stream<Path> walk = Files.walk(run)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // left for a later run
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // gone already
    }
  }
}
