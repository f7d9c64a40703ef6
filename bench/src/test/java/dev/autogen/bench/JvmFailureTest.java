package dev.autogen.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JvmFailureTest {

  @Test
  void namesTheRootCauseOfTheUncaughtException() {
    String stderr = """
        INFO: reading the catalog
        Exception in thread "main" liquibase.exception.CommandExecutionException: liquibase.exception.DatabaseException
        \tat liquibase.command.CommandScope.execute(CommandScope.java:258)
        Caused by: liquibase.exception.DatabaseException: java.lang.StackOverflowError
        \tat liquibase.snapshot.SnapshotGeneratorChain.snapshot(SnapshotGeneratorChain.java:52)
        Caused by: java.lang.StackOverflowError
        \tat java.base/java.util.HashMap.hash(HashMap.java:338)
        """;

    assertThat(JvmFailure.rootCause(stderr, 1)).isEqualTo("StackOverflowError");
  }

  @Test
  void namesTheExitCodeWhenNoExceptionWasPrinted() {
    TimedProcess.Run killed = new TimedProcess.Run(137, 12.34, 20, 900, "", "Killed\n");

    assertThat(JvmFailure.describe(killed)).isEqualTo("failed: exit 137 after 12.3 s");
  }
}
