package dev.autogen.cli.files;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

/** A process that takes a migrations directory's lock, says "locked" and holds it until killed. */
public final class LockHolder {

  private LockHolder() {}

  /** @param args the migrations directory */
  public static void main(String[] args) throws InterruptedException {
    try (MigrationLock lock = MigrationLock.acquire(Path.of(args[0]), Duration.ofSeconds(30),
        new PrintWriter(System.err, true))) {
      System.out.println("locked");
      System.out.flush();
      Thread.sleep(120_000);
    }
  }
}
