package dev.autogen.cli.source;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * {@code --dev-url docker}: a throwaway PostgreSQL container started through Testcontainers. Needs a
 * Docker engine that answers; without one (as on machines with only the Docker client) it stops with
 * a one-line error that names the alternatives.
 */
final class DockerDevServer implements DevServer {

  /** The image, pinned so that replays are repeatable. */
  static final String IMAGE = "postgres:17-alpine";

  private final PostgreSQLContainer<?> container;

  private DockerDevServer(PostgreSQLContainer<?> container) {
    this.container = container;
  }

  /**
   * @return a started container
   * @throws AutogenException with {@link ExitCode#DATABASE} when no Docker engine answers or the
   *     container does not start
   */
  static DockerDevServer start() {
    boolean available;
    try {
      available = DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      available = false;
    }
    if (!available) {
      throw new AutogenException(ExitCode.DATABASE,
          "--dev-url docker: no Docker engine answers; start Docker, pass --dev-url jdbc:postgresql://..., "
              + "or leave --dev-url out to use the embedded PostgreSQL");
    }
    PostgreSQLContainer<?> container = new PostgreSQLContainer<>(IMAGE);
    try {
      container.start();
      return new DockerDevServer(container);
    } catch (RuntimeException e) {
      container.close();
      throw new AutogenException(ExitCode.DATABASE, "--dev-url docker: the container did not start: " + e.getMessage(), e);
    }
  }

  @Override
  public DatabaseLogin admin() {
    return new DatabaseLogin(container.getJdbcUrl(), container.getUsername(), container.getPassword());
  }

  @Override
  public void close() {
    container.close();
  }
}
