package dev.autogen.cli.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The migrations directory of Flyway's {@code locations} ({@code spring.flyway.locations}), as Flyway
 * reads a location ("Configuration: Locations"): {@code filesystem:dir} is a directory, {@code
 * classpath:path} (and a location without prefix, which Flyway reads as {@code classpath:}) is a
 * package of the class path, which in a Maven or Gradle project lives in {@code src/main/resources}.
 */
public final class FlywayLocations {

  private static final String FILESYSTEM = "filesystem:";
  private static final String CLASSPATH = "classpath:";

  private FlywayLocations() {}

  /**
   * @param locations the locations in order, never null
   * @return the directory of the first location that is a plain directory or class path package (no
   *     wildcards, not a cloud or database location), else empty
   */
  public static Optional<Path> directory(List<String> locations) {
    for (String location : locations) {
      String trimmed = location.trim();
      if (trimmed.contains("*") || trimmed.contains("{")) {
        continue;
      }
      if (trimmed.startsWith(FILESYSTEM)) {
        return Optional.of(Path.of(trimmed.substring(FILESYSTEM.length())));
      }
      String path = trimmed.startsWith(CLASSPATH) ? trimmed.substring(CLASSPATH.length()) : trimmed;
      if (!path.isEmpty() && !path.matches("^[a-z0-9]+:.*")) {
        return Optional.of(Path.of("src/main/resources").resolve(path.replaceFirst("^/+", "")));
      }
    }
    return Optional.empty();
  }
}
