package dev.autogen.cli;

import dev.autogen.cli.files.RunDirectory;
import dev.autogen.cli.source.FlywayMigrations;
import dev.autogen.codegen.flyway.ExistingMigration;
import dev.autogen.codegen.flyway.FlywayFileName;
import dev.autogen.codegen.flyway.FlywayFiles;
import dev.autogen.codegen.flyway.FlywayJavaLayout;
import dev.autogen.codegen.flyway.FlywayJavaWriter;
import dev.autogen.codegen.flyway.FlywayMigration;
import dev.autogen.codegen.flyway.FlywayMigrationWriter;
import dev.autogen.codegen.flyway.OnlineFlywayMigrations;
import dev.autogen.codegen.postgres.online.OnlineOptions;
import dev.autogen.codegen.postgres.online.OnlinePostgresRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes a comparison as the next Flyway migration and its undo file in a migrations directory, named
 * as the project names its migrations ({@link FlywayMigrations#naming()}), or with
 * {@code --online} as the migrations of an online plan. The next version follows the migrations Flyway
 * resolves in the directory, subdirectories included ({@link FlywayMigrations#existing()}), the same
 * set the replay and the live "not at head" check read. Temporary files go to a {@link RunDirectory}
 * (under the cache directory when it is on the migrations' file system), never stay beside the
 * migrations, and a SIGINT or SIGTERM during publishing waits for all files of the migration.
 */
final class MigrationFiles {

  private MigrationFiles() {}

  /**
   * Writes one migration, its temporary files in the migrations directory (under names a later run
   * removes should this run be killed).
   *
   * @param migrations the migrations directory, never null
   * @param message what the migration does
   * @param comparison the comparison to write, with at least one change
   * @return the upgrade file and the undo file written
   * @throws AutogenException as {@link #write(FlywayMigrations, Path, String, Comparison, OnlineOptions)}
   */
  static List<Path> write(FlywayMigrations migrations, String message, Comparison comparison) {
    return write(migrations, null, message, comparison, OnlineOptions.of(false, List.of()));
  }

  /**
   * Writes the comparison rendered with the options: one migration, or with {@code --online} one per
   * step of the online plan ({@link OnlineFlywayMigrations}: expand, non-transactional online steps with
   * their {@code .sql.conf}, contract), at consecutive versions, all or nothing. The caller holds the
   * directory's {@link dev.autogen.cli.files.MigrationLock}; temporary files that dead runs left in the
   * directory are removed first.
   *
   * @param migrations the migrations directory, never null
   * @param temporaryParent where this run's {@link RunDirectory} for temporary files goes (e.g. {@code
   *     .autogen/cache/tmp}), or null to write them in the migrations directory
   * @param message what the migration does
   * @param comparison the comparison to write, with at least one change
   * @param online how to render it
   * @return every file written: each migration's upgrade and undo files, then its configuration files
   * @throws AutogenException with {@link ExitCode#USAGE} when a file of one of the names or versions
   *     exists (nothing is overwritten), Flyway rejects the directory, or the directory cannot be written
   */
  static List<Path> write(FlywayMigrations migrations, Path temporaryParent, String message, Comparison comparison,
      OnlineOptions online) {
    return write(migrations, temporaryParent, message, comparison, online, null);
  }

  /**
   * As {@link #write(FlywayMigrations, Path, String, Comparison, OnlineOptions)}, and with {@code javaTarget} writing
   * the migrations as Flyway Java migrations ({@link FlywayJavaWriter}) instead of SQL files. Either
   * way the versions continue after the SQL migrations and the Java migration sources of {@code javaTarget}'s
   * package directory ({@link FlywayJavaWriter#existing}).
   *
   * @param migrations the migrations directory, never null
   * @param temporaryParent as for SQL files; Java files are written beside their targets
   * @param message what the migration does
   * @param comparison the comparison to write, with at least one change
   * @param online how to render it
   * @param javaTarget where Java migrations are ({@link JavaTarget#of}), or null for SQL files (the Java
   *     migrations' versions are then still read from the default place)
   * @return every file written
   * @throws AutogenException as the SQL flow
   */
  static List<Path> write(FlywayMigrations migrations, Path temporaryParent, String message, Comparison comparison,
      OnlineOptions online, JavaTarget javaTarget) {
    Path directory = migrations.directory();
    Instant now = Instant.now();
    List<ExistingMigration> existing = new java.util.ArrayList<>(migrations.existing());
    existing.addAll(javaMigrations(javaTarget));
    List<String> versions = existing.stream()
        .map(m -> new FlywayFileName(m.name().prefix(), m.name().version(), "").fileName()).toList();
    List<FlywayMigration> planned = OnlineFlywayMigrations.of(message, versions, now, VersionProvider.version(),
        comparison.plan(), new OnlinePostgresRenderer(online, comparison.current()).phased(comparison.plan()), online);
    if (javaTarget != null && javaTarget.write()) {
      try {
        return new FlywayJavaWriter(new FlywayJavaLayout(javaTarget.packageName()), existing).write(javaTarget.sourceRoot(), planned);
      } catch (FileAlreadyExistsException e) {
        throw new AutogenException(ExitCode.USAGE, "not overwriting " + e.getFile() + ": "
            + (e.getReason() == null ? "it exists" : e.getReason()), e);
      } catch (IOException | UncheckedIOException e) {
        throw new AutogenException(ExitCode.USAGE, "cannot write the Java migration into "
            + javaTarget.sourceRoot() + ": " + e, e);
      }
    }
    FlywayMigrationWriter writer = new FlywayMigrationWriter().withNaming(migrations.naming()).withExisting(existing);
    try {
      FlywayMigrationWriter.removeStaleTemporaryFiles(directory);
      RunDirectory run = temporaryParent == null ? null : runDirectory(temporaryParent);
      if (run == null) {
        return files(writer.write(directory, planned, false));
      }
      try (run) {
        return run.complete(() -> files(writer.withTemporaryDirectory(run.path()).write(directory, planned, false)));
      }
    } catch (FileAlreadyExistsException e) {
      throw new AutogenException(ExitCode.USAGE, "not overwriting " + e.getFile() + ": "
          + (e.getReason() == null ? "it exists" : e.getReason()), e);
    } catch (IOException | UncheckedIOException e) {
      throw new AutogenException(ExitCode.USAGE, "cannot write the migration into " + directory + ": " + e, e);
    }
  }

  /**
   * Where the project's Flyway Java migrations are: a source root and a package.
   *
   * @param sourceRoot the Java source root, e.g. {@code src/main/java}
   * @param packageName the migrations' package, e.g. {@code db.migration}
   * @param write whether generate writes Java migrations ({@code --java}) rather than SQL files
   */
  record JavaTarget(Path sourceRoot, String packageName, boolean write) {

    /**
     * @param options the project options
     * @return {@code --java-source} and {@code --java-package} (or their defaults), and {@code --java}
     * @throws AutogenException with {@link ExitCode#USAGE} when the package is not a Java package name
     */
    static JavaTarget of(ProjectOptions options) {
      return new JavaTarget(options.javaSourceRoot(), options.javaPackage(), options.javaOutput);
    }

    /** @return the directory of the package under the source root */
    Path packageDirectory() {
      return sourceRoot.resolve(packageName.replace('.', '/'));
    }
  }

  /**
   * @param javaTarget where the Java migrations are, or null
   * @return the Java migrations whose sources are there ({@link FlywayJavaWriter#existing}); none for null
   * @throws AutogenException with {@link ExitCode#USAGE} when the directory cannot be read
   */
  static List<ExistingMigration> javaMigrations(JavaTarget javaTarget) {
    if (javaTarget == null) {
      return List.of();
    }
    try {
      return FlywayJavaWriter.existing(javaTarget.packageDirectory());
    } catch (IOException | UncheckedIOException e) {
      throw new AutogenException(ExitCode.USAGE, "cannot read the Java migrations in " + javaTarget.packageDirectory()
          + ": " + e, e);
    }
  }

  /**
   * The one line replay mode prints when the project has Flyway Java migrations: the replay applies the
   * SQL migrations only (it does not compile the application), so a schema change made by a Java
   * migration is not in the replayed schema.
   *
   * @param javaTarget where the Java migrations are, never null
   * @return the line, or empty when there are none
   * @throws AutogenException as {@link #javaMigrations}
   */
  static java.util.Optional<String> notReplayed(JavaTarget javaTarget) {
    List<ExistingMigration> found = javaMigrations(javaTarget);
    if (found.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of("autogen: " + found.size() + " Flyway Java migration" + (found.size() == 1 ? "" : "s")
        + " in " + DisplayPath.of(javaTarget.packageDirectory()) + " not replayed (replay mode applies SQL migrations only); "
        + "to compare with them applied, pass --url of a database they were applied to");
  }

  /**
   * @return this run's temporary directory, or null when it cannot be created (a read-only cache
   *     directory must not stop the migration: the temporary files then go beside the migrations,
   *     under names a later run removes)
   * @throws AutogenException when a SIGINT or SIGTERM is stopping the run ({@link RunDirectory#create}):
   *     nothing is written
   */
  private static RunDirectory runDirectory(Path parent) {
    try {
      return RunDirectory.create(parent);
    } catch (UncheckedIOException e) {
      return null;
    }
  }

  private static List<Path> files(List<FlywayFiles> written) {
    return written.stream().flatMap(f -> f.all().stream()).toList();
  }
}
