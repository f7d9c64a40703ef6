package dev.autogen.cli.files;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The exclusive lock of a migrations directory, held by {@code generate} for the whole
 * compare-choose-version-and-write, so that two runs in one project never write the same version:
 * the second waits, then compares against what the first wrote.
 *
 * <p>The lock is an operating-system file lock ({@link FileChannel#lock}, {@code fcntl} on Linux and
 * macOS, {@code LockFileEx} on Windows) on {@value #FILE_NAME} in the migrations directory, so every
 * autogen process that writes there agrees on it, whatever its working or cache directory; the system
 * releases it when the holder dies, however it dies. The file holds the holder's pid and a token, and
 * exists only while a run holds it: on release the holder empties and deletes it while still holding
 * the lock. A run that finds the lock free but the file not empty took it over from a run that died
 * holding it, and says so on standard error. Since the file can be deleted and created again between
 * a waiter's open and its lock, a run holds the lock only once the file at the path holds its own
 * token (else it tries again). A shutdown hook releases it on SIGINT and SIGTERM.
 *
 * <p>POSIX record locks belong to a process and a file, and closing <em>any</em> descriptor of the
 * file releases them (see {@link FileLock}): so the holder keeps the descriptor it read the path
 * through open until it releases, and threads of one JVM queue on an in-process set before they open
 * the file at all.
 *
 * <p>Flyway ignores the file (not a {@code .sql} name); the replayed-schema cache key leaves it out.
 */
public final class MigrationLock implements AutoCloseable {

  /** The lock file's name in the migrations directory. */
  public static final String FILE_NAME = ".autogen.lock";

  /** How long {@code generate} waits for another run's lock. */
  public static final Duration WAIT = Duration.ofSeconds(30);

  private static final long POLL_MILLIS = 100;

  /** The directories (real paths) whose lock a thread of this JVM holds or is taking. */
  private static final Set<Path> IN_THIS_JVM = ConcurrentHashMap.newKeySet();

  private final Path key;
  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final FileChannel verifier;
  private final Thread hook;
  private final AtomicBoolean released = new AtomicBoolean();

  private MigrationLock(Path key, Path file, FileChannel channel, FileLock lock, FileChannel verifier) {
    this.key = key;
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.verifier = verifier;
    this.hook = new Thread(this::release, "autogen-migration-lock-release");
  }

  /**
   * Takes the lock of a directory, waiting while another process holds it.
   *
   * @param directory the migrations directory, existing, never null
   * @param wait how long to wait for another holder, never null
   * @param err where to say that this run waits, or takes over a dead run's lock; never null
   * @return the held lock, to be closed (released) by the caller
   * @throws AutogenException with {@link ExitCode#USAGE} when another run still holds the lock after
   *     {@code wait}, or the lock file cannot be written
   */
  public static MigrationLock acquire(Path directory, Duration wait, PrintWriter err) {
    Path file = directory.resolve(FILE_NAME);
    String token = ProcessHandle.current().pid() + " " + UUID.randomUUID();
    long deadline = System.nanoTime() + wait.toNanos();
    boolean announced = false;
    try {
      Path key = directory.toRealPath();
      while (true) {
        String holder;
        if (IN_THIS_JVM.add(key)) {
          MigrationLock held = tryAcquire(key, file, token, directory, err);
          if (held != null) {
            return held;
          }
          FileChannel channel = openPath(file);
          holder = channel == null ? "unknown" : pid(read(channel));
          if (channel != null) {
            channel.close();
          }
        } else {
          holder = Long.toString(ProcessHandle.current().pid());
        }
        if (System.nanoTime() - deadline > 0) {
          throw new AutogenException(ExitCode.USAGE, "another autogen run (pid " + holder + ") is writing migrations into "
              + directory + " and still holds its lock after " + wait.toSeconds() + " s; try again when it has finished");
        }
        if (!announced) {
          err.println("autogen: waiting for the lock held by pid " + holder + " on " + directory + " (at most "
              + wait.toSeconds() + " s)");
          err.flush();
          announced = true;
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (IOException e) {
      throw new AutogenException(ExitCode.USAGE, "cannot lock the migrations directory " + directory + " (" + file
          + "): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AutogenException(ExitCode.USAGE, "interrupted while waiting for the lock of " + directory, e);
    }
  }

  /**
   * One try, with {@code key} in {@link #IN_THIS_JVM}: removed again unless the lock is returned.
   *
   * @return the held lock, or null when another process holds it
   */
  private static MigrationLock tryAcquire(Path key, Path file, String token, Path directory, PrintWriter err)
      throws IOException {
    boolean held = false;
    try {
      while (true) {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel);
        if (lock == null) {
          channel.close();
          return null;
        }
        String previous = read(channel);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        FileChannel verifier = openPath(file);
        if (verifier != null && token.equals(read(verifier))) {
          if (!previous.isBlank()) {
            err.println("autogen: took over the lock of " + directory + " from pid " + pid(previous)
                + ", which ended without releasing it");
            err.flush();
          }
          MigrationLock acquired = new MigrationLock(key, file, channel, lock, verifier);
          // SIGINT/SIGTERM: the lock file goes too (the system releases the lock itself in any case)
          Runtime.getRuntime().addShutdownHook(acquired.hook);
          held = true;
          return acquired;
        }
        // the path names another file now (the holder deleted ours as it released it): try again
        lock.release();
        channel.close();
        if (verifier != null) {
          verifier.close();
        }
      }
    } finally {
      if (!held) {
        IN_THIS_JVM.remove(key);
      }
    }
  }

  /** @return a channel reading the file at the path now, or null when there is none */
  private static FileChannel openPath(Path file) throws IOException {
    try {
      return FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** @return the lock, or null when another process (or this one, on another channel) holds it */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  private static String read(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(256);
    int n = channel.read(buffer, 0);
    return n <= 0 ? "" : new String(buffer.array(), 0, n, StandardCharsets.UTF_8);
  }

  private static String pid(String content) {
    String first = content.strip().split("\\s+", 2)[0];
    return first.isEmpty() ? "unknown" : first;
  }

  /** @return the lock file */
  public Path file() {
    return file;
  }

  /** Releases the lock: empties and deletes the file, then lets it go. Never throws. */
  @Override
  public void close() {
    release();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down: the hook releases (again, harmlessly)
    }
  }

  private void release() {
    if (released.getAndSet(true)) {
      return;
    }
    try {
      channel.truncate(0);
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // an emptied file left behind is harmless: the next run takes it without a warning
    }
    try {
      lock.release();
      channel.close();
      verifier.close();
    } catch (IOException e) {
      // closing the channel releases the lock in any case
    } finally {
      IN_THIS_JVM.remove(key);
    }
  }
}
