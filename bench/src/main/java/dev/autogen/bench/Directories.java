package dev.autogen.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File-system chores of the benchmark's scratch directories. */
public final class Directories {

  private Directories() {}

  /**
   * Deletes a directory and everything under it; nothing happens when it does not exist.
   *
   * @param directory the directory, never null
   * @throws IOException when a file cannot be deleted
   */
  public static void deleteTree(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
