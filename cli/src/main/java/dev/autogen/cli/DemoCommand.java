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
 * with its hazards), applies it with Flyway and diffs again to show that nothing is left; last, it runs
 * {@code autogen verify} on the migrations it wrote (upgrade, undo, upgrade again, entities matched).
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
    List<String> args = new ArrayList<>(List.of("verify", "--migrations", migrations.toString(),
        "--classpath", data.classpath().toString(), "--packages", entities, "--naming", "hibernate", "--no-cache"));
    if (options.devUrl != null) {
      args.addAll(List.of("--dev-url", options.devUrl));
    }
    if (options.user != null) {
      args.addAll(List.of("--user", options.user));
    }
    if (options.password() != null) {
      args.addAll(List.of("--password", options.password()));
    }
    // run where the migrations are: no project directory, autogen.properties or seed files of the caller apply
    return Main.execute(args.toArray(String[]::new), out, spec.commandLine().getErr(), migrations);
  }

  /** The demo's migrations live only as long as the demo: their text is printed above. */
  private static void deleteTree(Path directory) throws IOException {
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
