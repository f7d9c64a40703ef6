package dev.autogen.cli;

import java.nio.file.Path;

/** How a file autogen wrote is named to the user: relative to the working directory when it is under it. */
final class DisplayPath {

  private DisplayPath() {}

  /**
   * @param file a file, relative to the working directory or absolute, never null
   * @return its path relative to the working directory (e.g. {@code
   *     src/main/resources/db/migration/V2__x.sql}) when it lies under it, else its absolute path
   */
  static String of(Path file) {
    Path cwd = Path.of("").toAbsolutePath().normalize();
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
  }
}
