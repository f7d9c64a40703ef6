package dev.autogen.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.cli.Cli;
import dev.autogen.fixtures.TestDatabase;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;

/**
 * A project as a user has one for the catalog tests: a live test database managed by Flyway, a
 * migrations directory and a package of test entities; the command line runs in live mode against it
 * and the files it writes are applied by Flyway.
 *
 * @param db the live database, closed by the caller
 * @param migrations the migrations directory
 * @param entityPackage the package of the entities (compiled with the tests)
 * @param classpath the {@code --classpath}: the test classes, and whatever {@link #withLibraries} adds
 */
record LiveProject(TestDatabase db, Path migrations, String entityPackage, String classpath) {

  /**
   * @param db the live database
   * @param dir an empty directory for the migrations
   * @param entityPackage the package of the entities
   * @param firstMigration the SQL of {@code V1__start.sql}, applied to the database by Flyway
   * @return the project at head
   * @throws IOException when the migration cannot be written
   */
  static LiveProject start(TestDatabase db, Path dir, String entityPackage, String firstMigration) throws IOException {
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(migrations.resolve("V1__start.sql"), firstMigration);
    LiveProject project = new LiveProject(db, migrations, entityPackage, testClasses());
    project.migrate();
    return project;
  }

  /**
   * @param otherPackage the package of another version of the entities
   * @return the same database and migrations compared with those entities
   */
  LiveProject withEntities(String otherPackage) {
    return new LiveProject(db, migrations, otherPackage, classpath);
  }

  /**
   * @param jars libraries of the application (e.g. its own Hibernate)
   * @return the same project with those jars after the test classes on {@code --classpath}
   */
  LiveProject withLibraries(List<Path> jars) {
    List<String> entries = new ArrayList<>(List.of(testClasses()));
    jars.forEach(jar -> entries.add(jar.toString()));
    return new LiveProject(db, migrations, entityPackage, String.join(java.io.File.pathSeparator, entries));
  }

  /**
   * @param command the command ({@code diff}, {@code check}, {@code generate})
   * @param more further arguments
   * @return the result of that command in live mode against the database and the entities
   */
  Cli.Result run(String command, String... more) {
    List<String> args = new ArrayList<>(List.of(command, "--url", db.url(), "--user", TestDatabase.user(),
        "--dev-url", TestDatabase.adminUrl(), "--migrations", migrations.toString(), "--no-input",
        "--classpath", classpath, "--packages", entityPackage));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  /**
   * Runs {@code generate -m message} and checks that it succeeded.
   *
   * @param message the migration's message
   * @return the result
   */
  Cli.Result generate(String message) {
    Cli.Result result = run("generate", "-m", message);
    assertThat(result.code()).as(result.out() + result.err()).isZero();
    return result;
  }

  /** Applies the migrations directory with Flyway, as the user's build would. */
  void migrate() {
    migrate(migrations);
  }

  private void migrate(Path location) {
    Flyway.configure().dataSource(db.url(), TestDatabase.user(), TestDatabase.password())
        .locations("filesystem:" + location).load().migrate();
  }

  /**
   * @param prefix the start of a file name, e.g. {@code V2__}
   * @return the one {@code .sql} file of the migrations directory with that prefix
   * @throws IOException when the directory cannot be listed
   */
  Path single(String prefix) throws IOException {
    try (Stream<Path> files = Files.list(migrations)) {
      List<Path> found = files.filter(p -> p.getFileName().toString().startsWith(prefix)
          && p.getFileName().toString().endsWith(".sql")).toList();
      assertThat(found).as("files %s* in %s", prefix, migrations).hasSize(1);
      return found.get(0);
    }
  }

  /**
   * Applies an undo file the way Flyway would run it (Flyway Community has no {@code undo}): its text
   * as the next versioned migration of a copy of the directory.
   *
   * @param undo the {@code U} file the CLI wrote
   * @param version the version it gets in the copy, one more than the last applied
   * @throws IOException when the copy cannot be written
   */
  void applyUndo(Path undo, int version) throws IOException {
    Path copy = Files.createDirectories(migrations.resolveSibling("with-undo"));
    try (Stream<Path> files = Files.list(migrations)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("V")).toList()) {
        Files.copy(f, copy.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.copy(undo, copy.resolve("V" + version + "__undo.sql"));
    migrate(copy);
  }

  /**
   * @param query a query returning one text column
   * @return its rows' values, in the query's order
   * @throws SQLException when the query fails
   */
  List<String> rows(String query) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    }
  }

  private static String testClasses() {
    try {
      return Path.of(LiveProject.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
