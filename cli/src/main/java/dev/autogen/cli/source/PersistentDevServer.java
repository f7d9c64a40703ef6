package dev.autogen.cli.source;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * The embedded PostgreSQL with a data directory that outlives the run, in the project's cache directory
 * ({@value #DIRECTORY}), so that replay snapshots ({@link ReplaySnapshots}) stay from one run to the next
 * (issue 13, incremental replay). No {@code initdb} after the first run: a start is {@code pg_ctl start} of
 * the directory.
 *
 * <ul>
 *   <li><b>One run at a time:</b> a run holds the directory's lock file ({@value #LOCK}) for as long as it
 *       uses the server; a run that finds it held starts a throwaway server instead ({@link #start}).
 *   <li><b>Never left running:</b> the server stops when the run closes it, and on SIGINT or SIGTERM (a
 *       shutdown hook). When a run is killed outright, its {@link ServerWatchdog} stops the server within
 *       about a second; without one (no {@code sh}), the next run that takes the lock stops it first
 *       ({@link EmbeddedRuns#stopServer}), as does {@code autogen dev-server stop}.
 *   <li><b>A cache, not a store:</b> the server runs without crash safety, as the throwaway one does
 *       ({@link EmbeddedDevServer#configure}); a data directory that does not start is deleted and made
 *       again, and scratch databases a killed run left are dropped at start.
 * </ul>
 */
public final class PersistentDevServer extends StartedEmbeddedServer {

  /** The directory under the cache directory that holds the server. */
  static final String DIRECTORY = "dev-server";

  /** The lock file of the directory; its holder is the run using the server. */
  static final String LOCK = "server.lock";

  /** The data directory under {@link #DIRECTORY}. */
  static final String DATA = "data";

  private final FileChannel channel;
  private final FileLock lock;

  private PersistentDevServer(EmbeddedPostgres postgres, Path data, FileChannel channel, FileLock lock) {
    super(postgres, data);
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * @param directory the server's directory ({@code <cache>/}{@value #DIRECTORY}), created when missing
   * @return the started server; empty when another run holds it
   * @throws AutogenException with {@link ExitCode#DATABASE} when it does not start even from a new data
   *     directory
   */
  static Optional<PersistentDevServer> start(Path directory) {
    FileChannel channel = null;
    FileLock lock = null;
    try {
      Files.createDirectories(directory);
      channel = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      Path data = directory.resolve(DATA);
      EmbeddedRuns.stopServer(data);  // what a killed run left running
      EmbeddedPostgres postgres;
      try {
        postgres = startIn(data);
      } catch (IOException | RuntimeException e) {
        System.err.println("autogen: the embedded dev server in " + directory + " did not start (" + e.getMessage()
            + "): its data directory and replay snapshots are made again");
        EmbeddedRuns.stopServer(data);
        EmbeddedRuns.delete(data);  // a cache: begin again
        postgres = startIn(data);
      }
      PersistentDevServer server = new PersistentDevServer(postgres, data, channel, lock);
      try {
        ScratchDatabase.dropAll(server.admin());  // of runs killed while they used it
      } catch (RuntimeException e) {
        server.close();  // stops it and releases the lock
        throw e;
      }
      return Optional.of(server);
    } catch (IOException | RuntimeException e) {
      release(lock, channel);
      if (e instanceof AutogenException a) {
        throw a;
      }
      throw new AutogenException(ExitCode.DATABASE, "cannot start the embedded PostgreSQL in " + directory + " ("
          + e.getMessage() + "): delete that directory, or pass --dev-url jdbc:postgresql://...", e);
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;  // held by this JVM already (another run in the same process)
    }
  }

  private static EmbeddedPostgres startIn(Path data) throws IOException {
    return EmbeddedDevServer.configure(EmbeddedPostgres.builder(), data)
        .setCleanDataDirectory(false)
        .start();
  }

  /** @return whether a run holds the server's directory now (it may be running) */
  static boolean inUse(Path directory) {
    if (!Files.exists(directory.resolve(LOCK))) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel)) {
      return lock == null;
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * What {@code autogen dev-server} shows of the server's directory.
   *
   * @param directory the server's directory
   * @param exists whether it holds a data directory
   * @param inUse whether a run holds it now
   * @param bytes the size of the directory on disk
   */
  public record State(Path directory, boolean exists, boolean inUse, long bytes) {}

  /**
   * @param cacheDirectory the cache directory, never null
   * @return the state of the server's directory in it; reads no database
   */
  public static State state(Path cacheDirectory) {
    Path directory = cacheDirectory.resolve(DIRECTORY);
    return new State(directory, Files.isDirectory(directory.resolve(DATA)), inUse(directory), size(directory));
  }

  /**
   * @param cacheDirectory the cache directory, never null
   * @return the snapshots the server keeps, read from a start of it; empty when it has no data directory
   * @throws AutogenException with {@link ExitCode#USAGE} when a run uses it now, {@link ExitCode#DATABASE}
   *     when it does not start
   */
  public static List<ReplaySnapshots.Snapshot> snapshots(Path cacheDirectory) {
    Path directory = cacheDirectory.resolve(DIRECTORY);
    if (!Files.isDirectory(directory.resolve(DATA))) {
      return List.of();
    }
    try (PersistentDevServer server = start(directory).orElseThrow(() -> inUseError(directory))) {
      return new ReplaySnapshots(server.admin(), Integer.MAX_VALUE).list();
    }
  }

  /**
   * Stops the server a killed run left running, and deletes its directory, snapshots included.
   *
   * @param cacheDirectory the cache directory, never null
   * @return the bytes freed
   * @throws AutogenException with {@link ExitCode#USAGE} when a run uses it now
   */
  public static long delete(Path cacheDirectory) {
    Path directory = cacheDirectory.resolve(DIRECTORY);
    if (inUse(directory)) {
      throw inUseError(directory);
    }
    long bytes = size(directory);
    EmbeddedRuns.stopServer(directory.resolve(DATA));
    EmbeddedRuns.delete(directory);
    return bytes;
  }

  /**
   * Stops the server a killed run left running; a run's own server stops when the run ends.
   *
   * @param cacheDirectory the cache directory, never null
   * @return whether one was running
   * @throws AutogenException with {@link ExitCode#USAGE} when a run uses it now
   */
  public static boolean stopLeftOver(Path cacheDirectory) {
    Path directory = cacheDirectory.resolve(DIRECTORY);
    if (inUse(directory)) {
      throw inUseError(directory);
    }
    boolean running = Files.exists(directory.resolve(DATA).resolve("postmaster.pid"));
    EmbeddedRuns.stopServer(directory.resolve(DATA));
    return running;
  }

  private static AutogenException inUseError(Path directory) {
    return new AutogenException(ExitCode.USAGE, "the embedded dev server in " + directory
        + " is in use by a running autogen: try again when it ends");
  }

  private static long size(Path directory) {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    try (java.util.stream.Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          return 0;  // removed meanwhile
        }
      }).sum();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }

  @Override
  public boolean keepsDatabases() {
    return true;
  }

  /** Releases the directory's lock; the data directory stays. */
  @Override
  void afterStop() {
    release(lock, channel);
  }

  private static void release(FileLock lock, FileChannel channel) {
    try {
      if (lock != null) {
        lock.release();
      }
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      // the lock goes with the process
    }
  }
}
