package dev.autogen.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The autogen command line the kit runs: {@code autogen-cli.jar} with its {@code lib/} directory, from the
 * {@code dev.autogen:autogen-cli:VERSION:zip:bin} distribution the kit depends on. A zip dependency is
 * resolved by Maven but never put on the test class path, so autogen runs on its own versions of
 * Hibernate, Flyway, Jackson and the JDBC driver whatever versions the application's build picks for its
 * own (Maven's nearest-wins, Spring Boot's dependency management).
 *
 * <p>Where it is found, first to last: the configuration parameter or system property {@value #KEY} (the
 * zip, or a directory holding {@code autogen-cli.jar}, e.g. an unpacked distribution); else the zip beside
 * the kit's own jar in the local Maven repository ({@code dev/autogen/autogen-cli/VERSION/}), where Maven
 * put it when it resolved the kit. A zip is unpacked once into the user's cache ({@code
 * $XDG_CACHE_HOME/autogen/junit}, else {@code ~/.cache/autogen/junit}), in a directory named after the
 * zip's name, size and time, through a temporary directory moved into place, so that concurrent test
 * JVMs never see a half-unpacked one; what an earlier build of the same zip was unpacked into is removed.
 */
final class CliDistribution {

  /** The key naming the distribution explicitly. */
  static final String KEY = "autogen.distribution";

  /** The command line's jar in a distribution; its manifest names the jars of {@code lib/}. */
  static final String JAR = "autogen-cli.jar";

  private CliDistribution() {}

  /**
   * @param given the distribution the settings name ({@value #KEY}), or null to find it beside the kit
   * @return the command line's jar, in an unpacked distribution, never null
   * @throws AutogenVerifyException (exit code 2) when no distribution is found, naming where it looked
   * @throws UncheckedIOException when the zip cannot be unpacked
   */
  static Path jar(Path given) {
    Path distribution = given != null ? given : besideTheKit();
    if (Files.isDirectory(distribution)) {
      Path jar = distribution.resolve(JAR);
      if (!Files.isRegularFile(jar)) {
        throw new AutogenVerifyException(KEY + " is " + distribution + ", a directory without " + JAR
            + ": name the autogen-cli-VERSION-bin.zip or the directory it was unpacked into", 2);
      }
      return jar;
    }
    if (!Files.isRegularFile(distribution)) {
      throw new AutogenVerifyException(given != null
          ? KEY + " is " + distribution + ", which does not exist: name the autogen-cli-VERSION-bin.zip or the directory it was unpacked into"
          : "the autogen command line is not beside the kit: " + distribution + " does not exist (Maven resolves it with "
              + "dev.autogen:autogen-junit; set " + KEY + " to the autogen-cli-VERSION-bin.zip)", 2);
    }
    return unpacked(distribution).resolve(JAR);
  }

  /** @return where Maven put the zip: beside the kit's jar in the local repository */
  private static Path besideTheKit() {
    Path kit;
    try {
      kit = Path.of(CliDistribution.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      throw new AutogenVerifyException("cannot tell where the autogen-junit jar is (" + e + "): set " + KEY
          + " to the autogen-cli-VERSION-bin.zip", 2);
    }
    Path versionDirectory = kit.getParent();
    if (Files.isDirectory(kit) || versionDirectory == null || versionDirectory.getParent() == null) {
      throw new AutogenVerifyException("autogen-junit runs from " + kit + ", not from a Maven repository: set " + KEY
          + " to the autogen-cli-VERSION-bin.zip", 2);
    }
    String version = versionDirectory.getFileName().toString();
    return versionDirectory.getParent().resolveSibling("autogen-cli").resolve(version)
        .resolve("autogen-cli-" + version + "-bin.zip");
  }

  /** @return the directory the zip is unpacked into, unpacking it when it is not there yet */
  private static Path unpacked(Path zip) {
    try {
      String name = zip.getFileName().toString().replaceFirst("\\.zip$", "");
      Path target = cacheDirectory().resolve(name + "-" + Files.size(zip) + "-"
          + Files.getLastModifiedTime(zip).toMillis());
      if (Files.isRegularFile(target.resolve(JAR))) {
        return target;
      }
      Files.createDirectories(target.getParent());
      Path temporary = Files.createTempDirectory(target.getParent(), name + ".unpacking-");
      try {
        unzip(zip, temporary);
        try {
          Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
          // another test JVM unpacked it first: use its copy
        } catch (AtomicMoveNotSupportedException e) {
          throw new UncheckedIOException("cannot move " + temporary + " to " + target + " atomically", e);
        }
      } finally {
        delete(temporary);
      }
      pruneOlder(target, name);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack " + zip + ": " + e.getMessage(), e);
    }
  }

  /**
   * Removes what earlier copies of the zip (a snapshot built again) were unpacked into, best effort: a
   * copy another JVM still runs from stays usable until it exits on POSIX file systems.
   */
  private static void pruneOlder(Path current, String name) {
    try (Stream<Path> siblings = Files.list(current.getParent())) {
      for (Path old : siblings.filter(p -> !p.equals(current))
          .filter(p -> p.getFileName().toString().matches(java.util.regex.Pattern.quote(name) + "-\\d+-\\d+")).toList()) {
        delete(old);
      }
    } catch (IOException | UncheckedIOException e) {
      // stale copies only cost disk space
    }
  }

  private static Path cacheDirectory() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("autogen").resolve("junit");
  }

  private static void unzip(Path zip, Path directory) throws IOException {
    try (ZipFile file = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        Path out = directory.resolve(entry.getName()).normalize();
        if (!out.startsWith(directory)) {
          throw new IOException("entry " + entry.getName() + " points outside the distribution");
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
          continue;
        }
        Files.createDirectories(out.getParent());
        try (InputStream in = file.getInputStream(entry)) {
          Files.copy(in, out);
        }
      }
    }
  }

  private static void delete(Path directory) throws IOException {
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
