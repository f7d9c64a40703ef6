package dev.autogen.maven;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file that takes a goal's report instead of the Maven log ({@code autogen:diff}'s {@code
 * outputFile}), one line at a time, in UTF-8, each ended by {@code \n}; its directory is created.
 */
final class ReportFile implements AutoCloseable {

  private final Path file;
  private final BufferedWriter writer;

  /**
   * @param file the file, replaced when it exists, never null
   * @throws IOException when it cannot be created
   */
  ReportFile(Path file) throws IOException {
    this.file = file;
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  /**
   * @param line one line of the report, without its line break
   * @throws UncheckedIOException when it cannot be written
   */
  void line(String line) {
    try {
      writer.write(line);
      writer.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** @return the file */
  Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
