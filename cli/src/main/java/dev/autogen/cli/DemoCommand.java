package dev.autogen.cli;

import dev.autogen.cli.source.DatabaseLogin;
import dev.autogen.cli.source.DevServer;
import dev.autogen.cli.source.FlywayMigrations;
import dev.autogen.introspect.JdbcUrls;
import dev.autogen.cli.source.ScratchDatabase;
import dev.autogen.introspect.IntrospectOptions;
import dev.autogen.introspect.PostgresIntrospector;
import dev.autogen.metadata.EntityModelOptions;
import dev.autogen.metadata.HibernateEntityReader;
import dev.autogen.model.Catalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code autogen demo}: the whole job on the sample bookstore, on a scratch database. It replays the
 * first version's migration, then for each next entity version generates the migration (printing it
 * with its hazards), applies it with Flyway and diffs again to show that nothing is left; then it runs
 * {@code autogen verify} on the migrations it wrote (upgrade, undo, upgrade again, entities matched); last,
 * the same application with its history in Liquibase gets its next changelog and is checked; and last, a
 * data migration is written as a Flyway Java migration, compiled, applied and checked ({@link
 * DemoJavaMigration}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the whole job on a sample bookstore app, on an embedded PostgreSQL (or --dev-url, --user).")
final class DemoCommand implements Callable<Integer> {

  /** The renames a developer confirms for each step, as they would with --rename. */
  private static final Map<Integer, List<String>> CONFIRMED_RENAMES =
      Map.of(2, List.of("customer.full_name=display_name"));

  @Spec CommandSpec spec;
  @ParentCommand AutogenCommand parent;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    DemoData data = DemoData.locate();
    Path migrations = Files.createTempDirectory("autogen-demo-migrations");
    out.println("autogen demo: a bookstore app in " + DemoData.VERSIONS + " entity versions; migrations are written to "
        + migrations + " (removed at the end)");
    ProjectOptions options = parent.options;
    out.println(options.devUrl == null ? "Starting an embedded PostgreSQL..." : "Using dev server " + JdbcUrls.redact(options.devUrl));
    try (DevServer server = DevServer.resolve(options.devUrl, options.user, options.password());
        ScratchDatabase scratch = ScratchDatabase.create(server)) {
      FlywayMigrations flyway = new FlywayMigrations(migrations, List.of());
      data.copyFirstMigration(migrations);
      flyway.migrate(scratch.login());
      out.println("Applied the v1 migration with Flyway to scratch database " + scratch.login());
      for (int version = 2; version <= DemoData.VERSIONS; version++) {
        if (!step(version, data, flyway, scratch.login(), out)) {
          return ExitCode.DRIFT;
        }
      }
    }
    try {
      if (verify(data, migrations, options, out) != ExitCode.OK) {
        return ExitCode.DRIFT;
      }
    } finally {
      deleteTree(migrations);
    }
    Path project = Files.createTempDirectory("autogen-demo-liquibase");
    try {
      if (liquibase(data, project, options, out) != ExitCode.OK) {
        return ExitCode.DRIFT;
      }
    } finally {
      deleteTree(project);
    }
    PrintWriter err = spec.commandLine().getErr();
    if (DemoJavaMigration.run(data, options,
        (directory, args) -> Main.execute(projectArgs(data, options, args), out, err, directory), out) != ExitCode.OK) {
      return ExitCode.DRIFT;
    }
    out.println();
    out.println("Done: every generated migration applied and left no drift.");
    return ExitCode.OK;
  }

  /**
   * Runs {@code autogen verify} on the migrations the demo wrote, as a user would in CI: each applied
   * from empty and timed, each undo file back to exactly the catalog before it, and the last version's
   * entities matched, on a scratch database of the same dev server.
   *
   * @return verify's exit code
   */
  private int verify(DemoData data, Path migrations, ProjectOptions options, PrintWriter out) {
    String entities = DemoData.entityPackage(DemoData.VERSIONS);
    out.println();
    out.println("=== Prove the history: up, down and up again, and the entities matched ===");
    out.println("$ autogen verify --packages " + entities);
    // run where the migrations are: no project directory, autogen.properties or seed files of the caller apply
    return Main.execute(projectArgs(data, options, "verify", "--migrations", migrations.toString(), "--packages",
        entities), out, spec.commandLine().getErr(), migrations);
  }

  /**
   * The same application with its history in Liquibase, as a Spring Boot project keeps it: an XML master
   * including a formatted-SQL changelog of version 1. {@code autogen -m} writes the next changelog (with its
   * rollbacks) and includes it from the master; {@code autogen check} then replays the whole changelog with
   * Liquibase and finds no drift against version 2. Both run as a user runs them, in the project directory.
   *
   * @param project an empty directory for the project, never null
   * @return the exit code of the first command that did not succeed, else {@link ExitCode#OK}
   * @throws IOException when the project's files cannot be written
   */
  private int liquibase(DemoData data, Path project, ProjectOptions options, PrintWriter out) throws IOException {
    Path changelogs = Files.createDirectories(project.resolve("src/main/resources/db/changelog/changes"));
    Files.writeString(changelogs.resolve("001-bookstore-v1.sql"),
        "--liquibase formatted sql\n\n--changeset demo:1\n" + data.firstMigrationSql());
    Files.writeString(changelogs.getParent().resolve("db.changelog-master.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
            <include file="db/changelog/changes/001-bookstore-v1.sql"/>
        </databaseChangeLog>
        """);
    String entities = DemoData.entityPackage(2);
    String rename = CONFIRMED_RENAMES.get(2).get(0);
    out.println();
    out.println("=== The same app with its history in Liquibase (db/changelog/db.changelog-master.xml) ===");
    out.println("$ autogen -m \"bookstore v2\" --packages " + entities + " --rename " + rename + " --author demo");
    int generated = Main.execute(projectArgs(data, options, "-m", "bookstore v2", "--packages", entities,
        "--rename", rename, "--author", "demo", "--no-input"), out, spec.commandLine().getErr(), project);
    if (generated != ExitCode.OK) {
      return generated;
    }
    try (java.util.stream.Stream<Path> files = Files.list(changelogs)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-bookstore-v2.xml")).toList()) {
        out.println();
        out.println("--- " + project.relativize(file) + " ---");
        out.print(content(file));
      }
    }
    out.println();
    out.println("$ autogen check --packages " + entities + "   # replays the changelog with Liquibase");
    return Main.execute(projectArgs(data, options, "check", "--packages", entities), out, spec.commandLine().getErr(),
        project);
  }

  /** @return the arguments, then the demo's class path, naming, cache and dev server options */
  private static String[] projectArgs(DemoData data, ProjectOptions options, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--classpath", data.classpath().toString(), "--naming", "hibernate", "--no-cache"));
    if (options.devUrl != null) {
      all.addAll(List.of("--dev-url", options.devUrl));
    }
    if (options.user != null) {
      all.addAll(List.of("--user", options.user));
    }
    if (options.password() != null) {
      all.addAll(List.of("--password", options.password()));
    }
    return all.toArray(String[]::new);
  }

  /** The demo's migrations live only as long as the demo: their text is printed above. */
  static void deleteTree(Path directory) throws IOException {
    try (java.util.stream.Stream<Path> files = Files.walk(directory)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private boolean step(int version, DemoData data, FlywayMigrations flyway, DatabaseLogin db, PrintWriter out) {
    List<String> renames = CONFIRMED_RENAMES.getOrDefault(version, List.of());
    out.println();
    out.println("=== Entities v" + (version - 1) + " -> v" + version + " ===");
    out.println("$ autogen -m \"bookstore v" + version + "\" --packages " + DemoData.entityPackage(version)
        + renames.stream().map(r -> " --rename " + r).reduce("", String::concat));
    Catalog target = read(data, version);
    Comparison comparison = Comparison.of(introspect(db), target, renames);
    out.print(Reports.text(comparison));
    for (Path file : MigrationFiles.write(flyway, "bookstore v" + version, comparison)) {
      out.println();
      out.println("--- " + file.getFileName() + " ---");
      out.print(content(file));
    }
    int applied = flyway.migrate(db);
    Comparison after = Comparison.of(introspect(db), target, List.of());
    out.println();
    out.println("Applied " + applied + " migration with Flyway; diff against the v" + version + " entities: "
        + (after.plan().isEmpty() ? "no changes." : after.plan().changes().size() + " changes left!"));
    if (!after.plan().isEmpty()) {
      out.print(Reports.text(after));
    }
    return after.plan().isEmpty();
  }

  private static Catalog read(DemoData data, int version) {
    return new HibernateEntityReader(new EntityModelOptions(
        List.of(data.classpath()), List.of(DemoData.entityPackage(version)), "hibernate", null)).read();
  }

  private static Catalog introspect(DatabaseLogin db) {
    return new PostgresIntrospector(db.url(), db.user(), db.password(), IntrospectOptions.defaults()).read();
  }

  private static String content(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
