package dev.autogen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock(LibraryLoggingTest.JAVA_UTIL_LOGGING)
class LibraryLoggingTest {

  /** The JVM's java.util.logging levels, which runs of autogen change while they last. */
  static final String JAVA_UTIL_LOGGING = "java.util.logging";


  @Test
  void quietWhileAnyRunIsUnderWayThenTheLevelsComeBack() {
    Logger hibernate = Logger.getLogger("org.hibernate");
    Level before = hibernate.getLevel();
    hibernate.setLevel(Level.INFO);
    try {
      LibraryLogging first = LibraryLogging.quiet();
      LibraryLogging second = LibraryLogging.quiet();
      assertThat(hibernate.getLevel()).isEqualTo(Level.OFF);

      first.close();
      first.close();
      assertThat(hibernate.getLevel()).as("another run is still under way").isEqualTo(Level.OFF);

      second.close();
      assertThat(hibernate.getLevel()).isEqualTo(Level.INFO);
    } finally {
      hibernate.setLevel(before);
    }
  }
}
