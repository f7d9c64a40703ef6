package dev.autogen.cli.source;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ContinuousIntegration;
import dev.autogen.cli.ExitCode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded PostgreSQL with a data directory that outlives the run, in the project's cache directory
 * ({@value #DIRECTORY}), so that replay snapshots ({@link ReplaySnapshots}) stay from one run to the next
 * (issue 13, incremental replay). No {@code initdb} after the first run, and no start either while the
 * server is still up from an earlier run.
 *
 * <ul>
 *   <li><b>Started on demand, stopped when idle:</b> a run uses the server it finds running (its port is in
 *       {@code postmaster.pid}) or starts it, and leaves it running when it ends. The server stops once no
 *       run has used it for the idle time ({@value #IDLE_VARIABLE}, default {@link #DEFAULT_IDLE}, in CI 0;
 *       {@code 0} stops it when each run ends), or by {@code autogen dev-server stop}.
 *   <li><b>One run at a time:</b> a run holds the directory's lock file ({@value #LOCK}) for as long as it
 *       uses the server, and names itself in the owner file ({@value #OWNER}: {@code run <pid>}, then
 *       {@code idle <time>}); a run that finds the lock held starts a throwaway server instead ({@link
 *       #start}).
 *   <li><b>Reaped when its owner died:</b> the {@link ServerWatchdog} beside the server follows the owner
 *       file: it stops the server within about a second when the run using it is killed outright, and
 *       when the server has been idle for the idle time. On SIGINT or SIGTERM (a shutdown hook) the run
 *       stops it itself: it may have left a statement running.
 *   <li><b>A cache, not a store:</b> the server runs without crash safety, as the throwaway one does
 *       ({@link EmbeddedDevServer#configure}); a data directory that does not start is deleted and made
 *       again, and scratch databases a killed run left are dropped when a run takes the server.
 * </ul>
 */
public final class PersistentDevServer implements DevServer {

  /** The directory under the cache directory that holds the server. */
  static final String DIRECTORY = "dev-server";

  /** The lock file of the directory; its holder is the run using the server. */
  static final String LOCK = "server.lock";

  /** The data directory under {@link #DIRECTORY}. */
  static final String DATA = "data";

  /** The owner file under {@link #DIRECTORY}: {@code run <pid>} while a run uses the server, {@code idle <ms>} after. */
  static final String OWNER = "owner";

  /** The watchdog's pid under {@link #DIRECTORY}, so that a run using a running server knows one follows it. */
  static final String WATCHDOG = "watchdog.pid";

  /** The environment variable with the idle time: seconds, or a number with {@code s}, {@code m} or {@code h}. */
  public static final String IDLE_VARIABLE = "AUTOGEN_DEV_SERVER_IDLE";

  /** How long the server stays up once no run uses it, unless {@value #IDLE_VARIABLE} says otherwise. */
  public static final Duration DEFAULT_IDLE = Duration.ofMinutes(10);

  private static final Pattern IDLE = Pattern.compile("(\\d+)\\s*([smh]?)");

  /** The servers this JVM started, by data directory: stopping one releases the data directory's own lock. */
  private static final Map<Path, EmbeddedPostgres> STARTED_HERE = new ConcurrentHashMap<>();

  /**
   * The server directories a run of this JVM holds. Checked before the lock file is opened at all, as
   * {@link dev.autogen.cli.files.MigrationLock} does: POSIX record locks belong to the process, and closing
   * any descriptor of the file (a second run's, in the same JVM) would release the holder's lock.
   */
  private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

  private final Path directory;
  private final DatabaseLogin admin;
  private final boolean stopAtClose;
  private final FileChannel channel;
  private final FileLock lock;
  private final Thread hook;
  private final AtomicBoolean closed = new AtomicBoolean();

  private PersistentDevServer(Path directory, DatabaseLogin admin, boolean stopAtClose, FileChannel channel,
      FileLock lock) {
    this.directory = directory;
    this.admin = admin;
    this.stopAtClose = stopAtClose;
    this.channel = channel;
    this.lock = lock;
    this.hook = new Thread(this::interrupted, "autogen-dev-server-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * @return the idle time from {@value #IDLE_VARIABLE}; without it, zero in CI ({@link
   *     ContinuousIntegration}: a job's machine rarely sees a next run soon, and a server left running would
   *     outlive the job's last step) and {@link #DEFAULT_IDLE} elsewhere
   * @throws AutogenException with {@link ExitCode#USAGE} when the variable is not a duration
   */
  public static Duration idle() {
    String value = System.getenv(IDLE_VARIABLE);
    if ((value == null || value.isBlank()) && ContinuousIntegration.detected()) {
      return Duration.ZERO;
    }
    return idle(value);
  }

  /**
   * @param value seconds ({@code 600}), or a number with a unit ({@code 30s}, {@code 10m}, {@code 1h}); null
   *     or blank for the default
   * @return the idle time
   * @throws AutogenException with {@link ExitCode#USAGE} when the value is not such a duration
   */
  static Duration idle(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_IDLE;
    }
    Matcher m = IDLE.matcher(value.strip());
    if (!m.matches()) {
      throw new AutogenException(ExitCode.USAGE, IDLE_VARIABLE + "=" + value + " is not an idle time: give seconds"
          + " (600), or a number with s, m or h (10m); 0 stops the embedded dev server when each run ends");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofSeconds(n);
    };
  }

  /**
   * Takes the server for this run: the one running in the directory, else a new start of it.
   *
   * @param directory the server's directory ({@code <cache>/}{@value #DIRECTORY}), created when missing
   * @param idle how long the server stays up once no run uses it; zero stops it when this run closes it
   * @return the server; empty when another run holds it
   * @throws AutogenException with {@link ExitCode#DATABASE} when it does not start even from a new data
   *     directory
   */
  static Optional<PersistentDevServer> start(Path directory, Duration idle) {
    if (!HELD_HERE.add(key(directory))) {
      return Optional.empty();  // another run of this JVM holds it
    }
    FileChannel channel = null;
    FileLock lock = null;
    try {
      Files.createDirectories(directory);
      channel = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock = channel.tryLock();
      if (lock == null) {
        release(directory, null, channel);
        return Optional.empty();
      }
      // named as the owner before the server is looked at: the watchdog then leaves a running one up
      writeOwner(directory, "run " + ProcessHandle.current().pid());
      Path data = directory.resolve(DATA);
      DatabaseLogin admin = answering(data).orElse(null);
      if (admin == null) {
        admin = startIn(directory, data, idle);
      } else if (!watched(directory)) {
        remember(directory, ServerWatchdog.watchOwner(data, directory.resolve(OWNER), idle.toSeconds()));
      }
      // without a watchdog (no sh) nothing would stop an idle server: it stops when the run ends, as before
      PersistentDevServer server = new PersistentDevServer(directory, admin, idle.isZero() || !watched(directory),
          channel, lock);
      try {
        ScratchDatabase.dropAll(server.admin());  // of runs killed while they used it
      } catch (RuntimeException e) {
        server.stopNow();
        server.close();
        throw e;
      }
      return Optional.of(server);
    } catch (IOException | RuntimeException e) {
      release(directory, lock, channel);
      if (e instanceof AutogenException a) {
        throw a;
      }
      throw new AutogenException(ExitCode.DATABASE, "cannot start the embedded PostgreSQL in " + directory + " ("
          + e.getMessage() + "): delete that directory, or pass --dev-url jdbc:postgresql://...", e);
    }
  }

  /** Starts the server of the directory (again from a new data directory when it does not start). */
  private static DatabaseLogin startIn(Path directory, Path data, Duration idle) throws IOException {
    forgetStartedHere(data);
    EmbeddedRuns.stopServer(data, false);  // one that runs but does not answer
    EmbeddedPostgres postgres;
    try {
      postgres = startIn(data);
    } catch (IOException | RuntimeException e) {
      System.err.println("autogen: the embedded dev server in " + directory + " did not start (" + e.getMessage()
          + "): its data directory and replay snapshots are made again");
      EmbeddedRuns.stopServer(data, false);
      EmbeddedRuns.delete(data);  // a cache: begin again
      postgres = startIn(data);
    }
    STARTED_HERE.put(data, postgres);
    remember(directory, ServerWatchdog.watchOwner(data, directory.resolve(OWNER), idle.toSeconds()));
    return login(postgres.getPort());
  }

  private static EmbeddedPostgres startIn(Path data) throws IOException {
    return EmbeddedDevServer.configure(EmbeddedPostgres.builder(), data).start();
  }

  private static DatabaseLogin login(int port) {
    return new DatabaseLogin("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", null);
  }

  /**
   * @return a login to the server running in the data directory, when its {@code postmaster.pid} names a
   *     live process whose port answers a query; empty otherwise
   */
  private static Optional<DatabaseLogin> answering(Path data) {
    OptionalInt port = runningPort(data);
    if (port.isEmpty()) {
      return Optional.empty();
    }
    DatabaseLogin login = login(port.getAsInt());
    try (Connection c = DriverManager.getConnection(login.url() + "?connectTimeout=5", login.user(), null)) {
      c.createStatement().execute("select 1");
      return Optional.of(login);
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  /** @return the port of the server running in the data directory ({@code postmaster.pid}), if one runs */
  private static OptionalInt runningPort(Path data) {
    try {
      List<String> pid = Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.UTF_8);
      if (pid.size() < 4 || !ProcessHandle.of(Long.parseLong(pid.get(0).strip())).map(ProcessHandle::isAlive)
          .orElse(false)) {
        return OptionalInt.empty();
      }
      return OptionalInt.of(Integer.parseInt(pid.get(3).strip()));
    } catch (IOException | RuntimeException e) {
      return OptionalInt.empty();
    }
  }

  /** Closes a server this JVM started in the data directory and that has stopped since (releasing its lock). */
  private static void forgetStartedHere(Path data) {
    EmbeddedPostgres stale = STARTED_HERE.remove(data);
    if (stale != null) {
      try {
        stale.close();
      } catch (IOException | RuntimeException e) {
        // stopped already
      }
    }
  }

  private static void remember(Path directory, ServerWatchdog watchdog) throws IOException {
    Files.writeString(directory.resolve(WATCHDOG), Long.toString(watchdog.pid()));
  }

  /** @return whether the watchdog the directory names is running */
  private static boolean watched(Path directory) {
    try {
      long pid = Long.parseLong(Files.readString(directory.resolve(WATCHDOG)).strip());
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static void writeOwner(Path directory, String owner) throws IOException {
    Path temporary = directory.resolve(OWNER + ".tmp");
    Files.writeString(temporary, owner);
    Files.move(temporary, directory.resolve(OWNER), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static Path key(Path directory) {
    return directory.toAbsolutePath().normalize();
  }

  /** @return whether a run holds the server's directory now (it may be running) */
  static boolean inUse(Path directory) {
    if (HELD_HERE.contains(key(directory))) {
      return true;
    }
    if (!Files.exists(directory.resolve(LOCK))) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      return lock == null;
    } catch (IOException | OverlappingFileLockException e) {
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
   * @param port the port of the server when it runs (between runs: until it has been idle for the idle time)
   */
  public record State(Path directory, boolean exists, boolean inUse, long bytes, OptionalInt port) {}

  /**
   * @param cacheDirectory the cache directory, never null
   * @return the state of the server's directory in it; reads no database
   */
  public static State state(Path cacheDirectory) {
    Path directory = cacheDirectory.resolve(DIRECTORY);
    return new State(directory, Files.isDirectory(directory.resolve(DATA)), inUse(directory), size(directory),
        runningPort(directory.resolve(DATA)));
  }

  /**
   * @param cacheDirectory the cache directory, never null
   * @return the snapshots the server keeps, read from the server (started for this when it is not running,
   *     and stopped again); empty when it has no data directory
   * @throws AutogenException with {@link ExitCode#USAGE} when a run uses it now, {@link ExitCode#DATABASE}
   *     when it does not start
   */
  public static List<ReplaySnapshots.Snapshot> snapshots(Path cacheDirectory) {
    Path directory = cacheDirectory.resolve(DIRECTORY);
    if (!Files.isDirectory(directory.resolve(DATA))) {
      return List.of();
    }
    Duration idle = runningPort(directory.resolve(DATA)).isPresent() ? idle() : Duration.ZERO;
    try (PersistentDevServer server = start(directory, idle).orElseThrow(() -> inUseError(directory))) {
      return new ReplaySnapshots(server.admin(), Integer.MAX_VALUE).list();
    }
  }

  /**
   * Stops the server, when it runs, and deletes its directory, snapshots included.
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
    forgetStartedHere(directory.resolve(DATA));
    EmbeddedRuns.stopServer(directory.resolve(DATA), false);
    EmbeddedRuns.delete(directory);
    return bytes;
  }

  /**
   * Stops the server now, when it runs between runs (until it has been idle for the idle time).
   *
   * @param cacheDirectory the cache directory, never null
   * @return whether one was running
   * @throws AutogenException with {@link ExitCode#USAGE} when a run uses it now
   */
  public static boolean stop(Path cacheDirectory) {
    Path directory = cacheDirectory.resolve(DIRECTORY);
    if (inUse(directory)) {
      throw inUseError(directory);
    }
    boolean running = runningPort(directory.resolve(DATA)).isPresent();
    forgetStartedHere(directory.resolve(DATA));
    EmbeddedRuns.stopServer(directory.resolve(DATA), false);
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
  public DatabaseLogin admin() {
    return admin;
  }

  @Override
  public boolean keepsDatabases() {
    return true;
  }

  /** @return false: the server runs with {@code fsync} off ({@link EmbeddedDevServer#configure}) */
  @Override
  public boolean durable() {
    return false;
  }

  /**
   * Ends this run's use of the server: it stays up for the next run (stopped now when the idle time is
   * zero), the owner file says since when it is idle, and the lock is released.
   */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    if (stopAtClose) {
      stopNow();
    }
    release();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down: the hook finds this closed and does nothing
    }
  }

  /** The shutdown hook: a run stopped while it uses the server stops the server (a statement may still run). */
  private void interrupted() {
    if (closed.getAndSet(true)) {
      return;
    }
    stopNow();
    release();
  }

  private void stopNow() {
    Path data = directory.resolve(DATA);
    forgetStartedHere(data);
    EmbeddedRuns.stopServer(data, false);
  }

  private void release() {
    try {
      writeOwner(directory, "idle " + System.currentTimeMillis());
    } catch (IOException e) {
      // the watchdog stops the server when it sees the run gone
    }
    release(directory, lock, channel);
  }

  private static void release(Path directory, FileLock lock, FileChannel channel) {
    try {
      if (lock != null) {
        lock.release();
      }
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      // the lock goes with the process
    } finally {
      HELD_HERE.remove(key(directory));
    }
  }
}
