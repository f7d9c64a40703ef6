package dev.autogen.codegen.flyway;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes migrations as Flyway Java migrations ({@link FlywayJavaLayout}) into a Java source root,
 * under the directory of the layout's package ({@code src/main/java} and {@code db.migration}: {@code
 * src/main/java/db/migration/V3__add_bio.java}). As {@link FlywayMigrationWriter} writes SQL files:
 * nothing is overwritten, no file is seen half-written, and the files of one call are written all or
 * nothing ({@link FlywayMigrationWriter#createAll}).
 */
public final class FlywayJavaWriter {

  private final FlywayJavaLayout layout;
  private final List<ExistingMigration> existing;

  /**
   * @param layout the layout, never null
   * @param existing the migrations the project already has, SQL and Java, for the same-version check;
   *     never null
   */
  public FlywayJavaWriter(FlywayJavaLayout layout, Collection<ExistingMigration> existing) {
    this.layout = java.util.Objects.requireNonNull(layout, "layout");
    this.existing = List.copyOf(existing);
  }

  /** Flyway's Java migration class names ({@code BaseJavaMigration}): {@code V1_2__words.java}. */
  private static final Pattern JAVA_MIGRATION = Pattern.compile("V(\\d+(?:_\\d+)*)__(\\w*)\\.java");

  /**
   * The versioned Java migrations whose sources are in a package directory or its subpackages (Flyway
   * scans a location's subpackages too), as Flyway names them: {@code V1_2__add_bio.java} is version
   * {@code 1.2}. Only the file names are read, not the classes: a source not yet compiled counts too,
   * which is what choosing the next version needs.
   *
   * @param packageDirectory the directory of the migrations' package, never null; missing means none
   * @return the migrations found, in no particular order
   * @throws IOException when the directory cannot be read
   */
  public static List<ExistingMigration> existing(Path packageDirectory) throws IOException {
    if (!Files.isDirectory(packageDirectory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(packageDirectory)) {
      return files.filter(Files::isRegularFile).flatMap(p -> {
        Matcher m = JAVA_MIGRATION.matcher(p.getFileName().toString());
        return m.matches()
            ? Stream.of(new ExistingMigration(new FlywayFileName('V', m.group(1).replace('_', '.'),
                m.group(2).replace('_', ' ')), p))
            : Stream.empty();
      }).toList();
    }
  }

  /**
   * @param sourceRoot the Java source root, e.g. {@code src/main/java}, never null
   * @return the directory of the layout's package under it
   */
  public Path packageDirectory(Path sourceRoot) {
    return sourceRoot.resolve(layout.packageName().replace('.', '/'));
  }

  /**
   * Writes one {@code V<version>__<slug>.java} per migration, creating the package directory when it
   * is missing. Before writing any, checks that no file of those names exists and that no existing
   * migration has one of the versions.
   *
   * @param sourceRoot the Java source root, never null
   * @param migrations the migrations, of distinct versions, never null
   * @return the files written, in the given order
   * @throws FileAlreadyExistsException when a file of one of the names, or a migration of one of the
   *     versions, exists; its message names the file
   * @throws IOException when the directory cannot be created or written
   */
  public List<Path> write(Path sourceRoot, List<FlywayMigration> migrations) throws IOException {
    Path directory = packageDirectory(sourceRoot);
    Map<Path, String> files = new LinkedHashMap<>();
    for (FlywayMigration migration : migrations) {
      Path file = directory.resolve(FlywayJavaLayout.className('V', migration) + ".java");
      if (Files.exists(file)) {
        throw new FileAlreadyExistsException(file.toString(), null,
            "migration file already exists; pick another message or version");
      }
      Optional<Path> sameVersion = existing.stream().filter(m -> m.name().hasVersion(migration.version()))
          .map(ExistingMigration::file).sorted().findFirst();
      if (sameVersion.isPresent()) {
        throw new FileAlreadyExistsException(sameVersion.get().toString(), null,
            "a migration of version " + migration.version() + " already exists; pick another version");
      }
      files.put(file, layout.upgrade(migration).toString());
    }
    Files.createDirectories(directory);
    FlywayMigrationWriter.removeStaleTemporaryFiles(directory);
    FlywayMigrationWriter.createAll(files);
    return new ArrayList<>(files.keySet());
  }
}
