package dev.autogen.cli.cache;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;

/**
 * The identity of the running autogen that cache entries are tied to.
 *
 * <p>A release is identified by its version. A {@code -SNAPSHOT} version names many different builds,
 * so for one the identity adds a short hash of the stamps (path, size, modification time) of the jars
 * that hold the given classes: rebuilding autogen then invalidates every entry, as a new release does.
 * A class loaded from a directory (an IDE or a test run) contributes its directory's path only.
 */
public final class AutogenBuild {

  private static final String SNAPSHOT = "-SNAPSHOT";

  private AutogenBuild() {}

  /**
   * @param version autogen's version, e.g. {@code 0.1.0} or {@code 0.1.0-SNAPSHOT}; never null
   * @param code one class of each module whose code determines what is cached (whose change must
   *     invalidate entries); never null
   * @return {@code version} for a release; {@code version+<16 hex digits>} for a snapshot
   * @throws java.io.UncheckedIOException when a jar's attributes cannot be read
   */
  public static String identity(String version, List<Class<?>> code) {
    if (!version.endsWith(SNAPSHOT)) {
      return version;
    }
    KeyHasher hasher = new KeyHasher("build");
    for (Class<?> c : code) {
      Path location = location(c);
      if (location != null && Files.isRegularFile(location)) {
        hasher.fileStamp("jar", location);
      } else {
        hasher.text("directory", String.valueOf(location));
      }
    }
    return version + "+" + hasher.key().hash().substring(0, 16);
  }

  private static Path location(Class<?> c) {
    CodeSource source = c.getProtectionDomain().getCodeSource();
    try {
      return source == null || source.getLocation() == null ? null : Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null; // not a file: location (a custom class loader); the version alone must do
    }
  }
}
