package dev.autogen.cli.files;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A directory private to one run for its temporary files, {@code <parent>/run-<pid>-<random>}, e.g.
 * under {@code .autogen/cache/tmp}: removed when the run closes it, by a shutdown hook when the run is
 * stopped by SIGINT or SIGTERM, and by the next run that creates one in the same parent when the run
 * was killed outright ({@code kill -9}: its pid is then no longer running).
 *
 * <p>Work that must not be cut in half by SIGINT/SIGTERM runs through {@link #complete}: the shutdown
 * hook waits (at most {@value #HOOK_WAIT_SECONDS} s) for such work to finish before it removes the
 * directory and lets the JVM exit, and work not yet started when the hook runs does not start.
 */
public final class RunDirectory implements AutoCloseable {

  /** The name of the parent directory of run directories inside the cache directory. */
  public static final String IN_CACHE = "tmp";

  private static final Pattern NAME = Pattern.compile("run-(\\d+)-[0-9a-f]+");
  private static final long HOOK_WAIT_SECONDS = 10;

  private final Path path;
  private final ReentrantLock work = new ReentrantLock();
  private final Thread hook;
  private volatile boolean stopping;

  private RunDirectory(Path path) {
    this.path = path;
    this.hook = new Thread(this::onShutdown, "autogen-run-directory-cleanup");
  }

  /**
   * Removes the run directories that dead runs left in {@code parent}, then creates this run's.
   *
   * @param parent where run directories live, created when missing, never null
   * @return the new, empty directory, with its shutdown hook installed
   * @throws UncheckedIOException when it cannot be created
   * @throws AutogenException with {@link ExitCode#USAGE} when a SIGINT or SIGTERM is stopping the JVM: no
   *     directory is left, and the caller must write nothing more
   */
  public static RunDirectory create(Path parent) {
    try {
      Files.createDirectories(parent);
      removeDeadRuns(parent);
      Path path = parent.resolve("run-" + ProcessHandle.current().pid() + "-"
          + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
      RunDirectory run = new RunDirectory(path);
      try {
        Runtime.getRuntime().addShutdownHook(run.hook);
      } catch (IllegalStateException e) {
        throw stopping(e);
      }
      // as work a signal must not cut in half: a SIGTERM or SIGINT now either stops the creation or waits
      // for it and then removes the directory (created before the hook was installed, a signal left it)
      try {
        run.complete(() -> Files.createDirectory(path));
      } catch (IOException e) {
        run.removeHook();
        throw e;
      }
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory in " + parent + ": " + e.getMessage(), e);
    }
  }

  /** @return the failure of a run that a signal is stopping: it writes nothing more */
  private static AutogenException stopping(Throwable cause) {
    return new AutogenException(ExitCode.USAGE, "autogen is stopping (signal received); nothing was written", cause);
  }

  /**
   * @param parent a parent of run directories, never null
   * @return the run directories removed: those whose pid is not running
   */
  static List<Path> removeDeadRuns(Path parent) {
    if (!Files.isDirectory(parent)) {
      return List.of();
    }
    try (Stream<Path> runs = Files.list(parent)) {
      List<Path> dead = runs.filter(RunDirectory::dead).toList();
      dead.forEach(RunDirectory::deleteTree);
      return dead;
    } catch (IOException e) {
      return List.of();
    }
  }

  private static boolean dead(Path run) {
    Matcher m = NAME.matcher(run.getFileName().toString());
    if (!m.matches()) {
      return false;
    }
    long pid = Long.parseLong(m.group(1));
    return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty();
  }

  /** @return the directory */
  public Path path() {
    return path;
  }

  /**
   * Runs work that a SIGINT or SIGTERM must not cut in half (publishing files that belong together):
   * the shutdown hook waits for it to end.
   *
   * @param <T> what the work returns
   * @param work the work, never null
   * @return what it returned
   * @throws IOException what the work throws
   * @throws AutogenException with {@link ExitCode#USAGE} when the JVM is already shutting down (a SIGINT
   *     or SIGTERM): the work then does not start
   */
  public <T> T complete(IoWork<T> work) throws IOException {
    this.work.lock();
    try {
      if (stopping) {
        throw stopping(null);
      }
      return work.run();
    } finally {
      this.work.unlock();
    }
  }

  /**
   * Work that may throw {@link IOException}.
   *
   * @param <T> what it returns
   */
  @FunctionalInterface
  public interface IoWork<T> {
    /**
     * @return the result
     * @throws IOException when it fails
     */
    T run() throws IOException;
  }

  private void onShutdown() {
    stopping = true;
    try {
      if (work.tryLock(HOOK_WAIT_SECONDS, TimeUnit.SECONDS)) {
        work.unlock();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteTree(path);
  }

  /** Removes the directory and everything in it, and the shutdown hook. Never throws. */
  @Override
  public void close() {
    deleteTree(path);
    removeHook();
  }

  private void removeHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs (or ran) and removes the directory again, harmlessly
    }
  }

  /** Deletes a directory tree as far as it can; never throws. */
  static void deleteTree(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // left for the next run to remove
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // gone already, or unreadable: nothing more to do
    }
  }
}
