package dev.autogen.cli;

import dev.autogen.cli.source.DatabaseLogin;
import dev.autogen.cli.source.FlywayMigrations;
import dev.autogen.cli.source.LiquibaseChangelog;
import dev.autogen.diff.Change;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.Catalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import picocli.CommandLine;

/**
 * The files the CLI writes for a comparison, and Flyway applying them: what {@code autogen -m} does
 * once it has read the two schemas, for tests whose schemas are catalogs rather than entities (the
 * convergence properties). The options are parsed from command-line arguments by the CLI's own
 * command ({@link ProjectOptions}: {@code --drop-unmanaged}, {@code --converge-serial}, {@code
 * --online}, ...), the comparison is the command's ({@link Comparison#of(Catalog, Catalog,
 * ProjectOptions)}) and the files are written by the command's writer ({@link MigrationFiles}); Flyway's
 * library applies them, with the same configuration as the replay ({@link FlywayMigrations#migrate}).
 */
public final class CliMigrations {

  private CliMigrations() {}

  /**
   * @param args command-line options of autogen, e.g. {@code --drop-unmanaged all --online}
   * @return the options the CLI's command parses from them (no {@code autogen.properties})
   */
  static ProjectOptions options(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    if (!all.contains("--classpath")) {
      // two catalogs are compared, no entities read: an empty class path, so that the options do not
      // resolve one through the Maven build of the working directory (this module's own pom.xml)
      all.addAll(List.of("--classpath", EMPTY_CLASSPATH.toString()));
    }
    AutogenCommand command = new AutogenCommand();
    new CommandLine(command).parseArgs(all.toArray(String[]::new));
    return command.options;
  }

  private static final Path EMPTY_CLASSPATH = emptyDirectory();

  private static Path emptyDirectory() {
    try {
      Path dir = Files.createTempDirectory("autogen-no-entities");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param current the schema as it is, never null
   * @param target the schema as it should be, never null
   * @param args the command-line options the comparison runs with
   * @return the changes the CLI's comparison with those options finds: empty when both mean the same
   */
  public static List<Change> changes(Catalog current, Catalog target, String... args) {
    return Comparison.of(current, target, options(args)).plan().changes();
  }

  /**
   * @param current the schema as it is, never null
   * @param target the schema as it should be, never null
   * @param args the command-line options the comparison runs with
   * @return the SQL of the CLI's comparison, forward and reverse, one statement a line: what its files
   *     hold, without their headers (which carry the time)
   */
  public static String sql(Catalog current, Catalog target, String... args) {
    StringBuilder sb = new StringBuilder();
    for (dev.autogen.codegen.Statement s : Comparison.of(current, target, options(args)).statements()) {
      s.sql().forEach(line -> sb.append(line).append(";\n"));
      s.reverseSql().forEach(line -> sb.append("-- undo: ").append(line).append(";\n"));
    }
    return sb.toString();
  }

  /**
   * Writes the next migration(s) as {@code autogen -m message} with those options would.
   *
   * @param directory the migrations directory, existing, never null
   * @param message the migration's message
   * @param current the schema as it is, never null
   * @param target the schema as it should be, never null
   * @param args the command-line options
   * @return the files written, as the CLI lists them; empty when there is nothing to do
   */
  public static List<Path> write(Path directory, String message, Catalog current, Catalog target, String... args) {
    ProjectOptions options = options(args);
    Comparison comparison = Comparison.of(current, target, options);
    if (comparison.plan().isEmpty()) {
      return List.of();
    }
    return MigrationFiles.write(new FlywayMigrations(directory, List.of()), null, message, comparison,
        options.onlineOptions());
  }

  /**
   * Writes the next changelog as {@code autogen -m message} with those options would in a Liquibase project
   * whose master is {@code master.xml} in the directory (created, empty, when missing, even when there is
   * nothing to write), including it from the master.
   *
   * @param directory the changelog root, existing, never null
   * @param format {@code --changelog-format}, e.g. {@code sql}, or null for the master's (XML)
   * @param message the changelog's message
   * @param current the schema as it is, never null
   * @param target the schema as it should be, never null
   * @param args the command-line options
   * @return the files written (the changelog, then the master); empty when there is nothing to do
   * @throws IOException when the master cannot be created
   */
  public static List<Path> writeLiquibase(Path directory, String format, String message, Catalog current,
      Catalog target, String... args) throws IOException {
    Path master = directory.resolve(LIQUIBASE_MASTER);
    if (!Files.exists(master)) {
      Files.writeString(master, """
          <?xml version="1.0" encoding="UTF-8"?>
          <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
              xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
          </databaseChangeLog>
          """);
    }
    ProjectOptions options = options(args);
    Comparison comparison = Comparison.of(current, target, options);
    if (comparison.plan().isEmpty()) {
      return List.of();
    }
    return LiquibaseFiles.write(new LiquibaseChangelog(directory, LIQUIBASE_MASTER, "", ""), message, comparison,
        options.onlineOptions(), format, "autogen-property");
  }

  /** The master changelog {@link #writeLiquibase} includes the changelogs from. */
  public static final String LIQUIBASE_MASTER = "master.xml";

  /**
   * Applies every pending versioned migration of the directory with Flyway's library, configured as
   * the CLI's replay configures it; a database without Flyway's history is first given one at version
   * 0 (Flyway {@code baseline}), as a project that adopts Flyway on an existing database does.
   *
   * @param db the database, never null
   * @param directory the migrations directory, never null
   * @throws AutogenException when a migration fails, with Flyway's message
   */
  public static void migrate(TestDatabase db, Path directory) {
    Flyway history = Flyway.configure().dataSource(db.url(), TestDatabase.user(), TestDatabase.password())
        .baselineVersion("0").load();
    if (history.info().current() == null) {
      // a database made outside Flyway, as a project adopting it has: its history starts below V1
      history.baseline();
    }
    new FlywayMigrations(directory, List.of())
        .migrate(new DatabaseLogin(db.url(), TestDatabase.user(), TestDatabase.password()));
  }

  /**
   * Applies the undo files ({@code U<version>__x.sql}) of the directory, highest version first, with
   * Flyway's library: Flyway's community edition does not run undo migrations, so each is copied, with
   * its {@code .sql.conf}, into a scratch directory as a versioned migration in that order and
   * migrated under a history table of its own, dropped after. Flyway parses and runs them as it would
   * the undo files themselves (transactions, {@code executeInTransaction=false}).
   *
   * @param db the database, never null
   * @param directory the migrations directory, never null
   * @throws org.flywaydb.core.api.FlywayException when an undo migration fails
   */
  public static void undo(TestDatabase db, Path directory) {
    try {
      List<Path> undos;
      try (Stream<Path> files = Files.list(directory)) {
        undos = files.filter(p -> p.getFileName().toString().matches("U[0-9._]+__.*\\.sql"))
            .sorted(Comparator.comparing(CliMigrations::version).reversed()).toList();
      }
      Path scratch = Files.createTempDirectory("autogen-undo");
      try {
        for (int i = 0; i < undos.size(); i++) {
          Path undo = undos.get(i);
          String name = "V" + (i + 1) + "__undo_" + version(undo).getVersion().replace('.', '_') + ".sql";
          Files.copy(undo, scratch.resolve(name));
          Path conf = undo.resolveSibling(undo.getFileName() + ".conf");
          if (Files.exists(conf)) {
            Files.copy(conf, scratch.resolve(name + ".conf"));
          }
        }
        TestFlyway.configure(db, scratch).table("autogen_undo_history")
            .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        db.execute("drop table autogen_undo_history");
      } finally {
        delete(scratch);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the version of a migration file as Flyway reads and orders it ({@code U1_2__x.sql}: 1.2) */
  private static MigrationVersion version(Path file) {
    String name = file.getFileName().toString();
    return MigrationVersion.fromVersion(name.substring(1, name.indexOf("__")));
  }

  /**
   * Deletes a directory tree.
   *
   * @param directory the directory, may be missing
   * @throws IOException when a file cannot be deleted
   */
  public static void delete(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
