package dev.autogen.cli.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ChildJvm;
import dev.autogen.cli.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrations directory's lock (issue 9, #6) between processes: file locks belong to a process, so
 * the other holder is a JVM of its own.
 */
class MigrationLockTest {

  @Test
  void aSecondProcessWaitsThenFailsClearlyAndTakesOverOnceTheHolderIsKilled(@TempDir Path dir) throws Exception {
    Path migrations = Files.createDirectory(dir.resolve("migrations"));
    ChildJvm holder = ChildJvm.start(dir.resolve("logs"), List.of(), LockHolder.class, migrations.toString());
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!holder.out().contains("locked") && holder.process().isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(holder.out()).as(holder.err()).contains("locked");

      StringWriter waiting = new StringWriter();
      assertThatThrownBy(() -> MigrationLock.acquire(migrations, Duration.ofSeconds(1), new PrintWriter(waiting, true)))
          .isInstanceOfSatisfying(AutogenException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
          .hasMessageContaining("pid " + holder.pid()).hasMessageContaining("holds its lock");
      assertThat(waiting.toString()).contains("waiting for the lock held by pid " + holder.pid()).hasLineCount(1);

      holder.process().destroyForcibly(); // kill -9: the holder cannot release or delete anything
      holder.process().waitFor();
      assertThat(migrations.resolve(MigrationLock.FILE_NAME)).as("the dead holder's lock file").exists();

      StringWriter takeover = new StringWriter();
      try (MigrationLock lock = MigrationLock.acquire(migrations, Duration.ofSeconds(5), new PrintWriter(takeover, true))) {
        assertThat(Files.readString(lock.file())).startsWith(ProcessHandle.current().pid() + " ");
      }
      assertThat(takeover.toString()).contains("took over the lock").contains("from pid " + holder.pid());
      assertThat(migrations.resolve(MigrationLock.FILE_NAME)).as("released: no lock file left").doesNotExist();
    } finally {
      holder.process().destroyForcibly();
    }
  }

  @Test
  void aFreeLockIsTakenSilentlyAndLeavesNoFile(@TempDir Path migrations) {
    StringWriter err = new StringWriter();
    try (MigrationLock lock = MigrationLock.acquire(migrations, Duration.ofSeconds(1), new PrintWriter(err, true))) {
      assertThat(lock.file()).exists();
    }
    try (MigrationLock again = MigrationLock.acquire(migrations, Duration.ofSeconds(1), new PrintWriter(err, true))) {
      assertThat(again.file()).exists();
    }
    assertThat(err.toString()).isEmpty();
    assertThat(migrations.resolve(MigrationLock.FILE_NAME)).doesNotExist();
  }
}
