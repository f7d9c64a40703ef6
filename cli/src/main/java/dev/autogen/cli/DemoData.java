package dev.autogen.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample bookstore application {@code autogen demo} runs on: its compiled entity versions and its
 * first Flyway migration, read from the fixtures jar (or classes directory) exactly the way a user's
 * entities are read, through a class path entry. Production code never compiles against the fixtures.
 */
final class DemoData {

  /** System property naming the fixtures jar or directory, overriding the default location. */
  static final String LOCATION_PROPERTY = "autogen.demo.fixtures";
  /** How many versions the sample application has. */
  static final int VERSIONS = 3;
  private static final String MIGRATIONS = "db/bookstore";

  private final Path location;

  private DemoData(Path location) {
    this.location = location;
  }

  /**
   * @return the sample data: {@code -Dautogen.demo.fixtures}, else {@code demo/autogen-fixtures.jar}
   *     beside the directory of the autogen jar (where the build puts it)
   * @throws AutogenException with {@link ExitCode#USAGE} when it is not there
   */
  static DemoData locate() {
    String property = System.getProperty(LOCATION_PROPERTY);
    Path path = property != null ? Path.of(property) : besideCli();
    if (!Files.exists(path)) {
      throw new AutogenException(ExitCode.USAGE,
          "the demo's sample entities are missing at " + path + ": build with ./mvnw -DskipTests package");
    }
    return new DemoData(path);
  }

  private static Path besideCli() {
    try {
      Path code = Path.of(DemoData.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return code.getParent().resolve("demo").resolve("autogen-fixtures.jar");
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @return the class path entry holding the entities */
  Path classpath() {
    return location;
  }

  /**
   * @param version 1 to {@link #VERSIONS}
   * @return the package of that version's entities
   */
  static String entityPackage(int version) {
    return "dev.autogen.fixtures.bookstore.v" + version;
  }

  /**
   * Copies the sample's first migration ({@code V1__...sql}) into a directory.
   *
   * @param directory an existing directory
   * @return the copied file
   */
  Path copyFirstMigration(Path directory) {
    return copyMigrations(directory, 1).get(0);
  }

  /**
   * Copies the sample's hand-written migrations of versions 1 to {@code last} ({@code V1__...sql}, ...) into
   * a directory.
   *
   * @param directory an existing directory
   * @param last the last version copied, 1 to {@link #VERSIONS}
   * @return the copied files, in version order
   * @throws AutogenException with {@link ExitCode#USAGE} when one is missing
   */
  List<Path> copyMigrations(Path directory, int last) {
    try (FileSystem jar = Files.isDirectory(location) ? null : FileSystems.newFileSystem(location);
        Stream<Path> files = Files.list(root(jar).resolve(MIGRATIONS))) {
      List<Path> all = files.toList();
      List<Path> copied = new java.util.ArrayList<>();
      for (int version = 1; version <= last; version++) {
        String prefix = "V" + version + "__";
        List<Path> found = all.stream().filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
        if (found.size() != 1) {
          throw new AutogenException(ExitCode.USAGE, "the demo's V" + version + " migration is missing from " + location);
        }
        Path target = directory.resolve(found.get(0).getFileName().toString());
        Files.copy(found.get(0), target);
        copied.add(target);
      }
      return copied;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @return the text of the sample's first migration ({@code V1__...sql}), plain SQL
   * @throws AutogenException with {@link ExitCode#USAGE} when it is missing
   */
  String firstMigrationSql() {
    try {
      Path directory = Files.createTempDirectory("autogen-demo-v1");
      try {
        Path file = copyFirstMigration(directory);
        String text = Files.readString(file);
        Files.delete(file);
        return text;
      } finally {
        Files.deleteIfExists(directory);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path root(FileSystem jar) {
    return jar == null ? location : jar.getPath("/");
  }
}
