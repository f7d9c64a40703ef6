package dev.autogen.cli;

import dev.autogen.cli.source.DatabaseLogin;
import dev.autogen.cli.source.DevServer;
import dev.autogen.cli.source.FlywayMigrations;
import dev.autogen.cli.source.ScratchDatabase;
import dev.autogen.introspect.postgres.PostgresConnections;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The demo's data migration, as a Flyway Java migration: the bookstore at version 2 holds products without a
 * title, which version 3 makes required. {@code autogen -m --java --fill} writes the step as a class whose
 * backfill runs in committed batches; the demo compiles it ({@code javax.tools}, against Flyway's jar, as the
 * application's build would), applies it with Flyway on a scratch database, and {@code autogen check --url}
 * finds no drift. On a Java runtime without a compiler the class is shown and the rest is reported as
 * skipped, never as passed.
 */
final class DemoJavaMigration {

  /** The migration's message; its class is {@code V3__require_product_titles}. */
  static final String MESSAGE = "require product titles";

  /** The backfill of the titles that version 3 makes required. */
  static final String FILL = "product.title='untitled ' || sku";

  /** Products without a title at version 2: three batches of the backfill's 1,000 rows. */
  static final int ROWS = 2500;

  private static final String CLASS = "db.migration.V3__require_product_titles";

  /** Runs the command line in a project directory. */
  interface Cli {
    /**
     * @param project the project directory the command runs in
     * @param args the command's arguments
     * @return its exit code
     */
    int run(Path project, String... args);
  }

  private DemoJavaMigration() {}

  /**
   * @param data the demo's sample, never null
   * @param options the demo's options (dev server), never null
   * @param cli runs the command line with the demo's class path and settings, never null
   * @param out where the demo prints, never null
   * @return the exit code of the first command that did not succeed, else {@link ExitCode#OK}
   * @throws IOException when the project's files cannot be written
   */
  static int run(DemoData data, ProjectOptions options, Cli cli, PrintWriter out) throws IOException {
    Path project = Files.createTempDirectory("autogen-demo-java");
    try (DevServer server = DevServer.resolve(options.devUrl, options.user, options.password());
        ScratchDatabase scratch = ScratchDatabase.create(server)) {
      Path migrations = Files.createDirectories(project.resolve(ProjectOptions.DEFAULT_MIGRATIONS));
      data.copyMigrations(migrations, 2);
      FlywayMigrations flyway = new FlywayMigrations(migrations, List.of());
      flyway.migrate(scratch.login());
      insertUntitledProducts(scratch.login());
      String entities = DemoData.entityPackage(3);
      out.println();
      out.println("=== A data migration as a Flyway Java migration (v3 makes product titles required) ===");
      out.println("Applied V1 and V2 with Flyway to scratch database " + scratch.login() + "; " + ROWS
          + " products have no title");
      out.println("$ autogen -m \"" + MESSAGE + "\" --java --include-tables product --fill \"" + FILL
          + "\" --packages " + entities + " --url ...");
      int generated = cli.run(project, withLogin(scratch.login(), options, "-m", MESSAGE, "--java", "--include-tables",
          "product", "--fill", FILL, "--packages", entities, "--no-input"));
      if (generated != ExitCode.OK) {
        return generated;
      }
      Path source = project.resolve(ProjectOptions.DEFAULT_JAVA_SOURCE).resolve(CLASS.replace('.', '/') + ".java");
      out.println();
      out.println("--- " + project.relativize(source) + " ---");
      out.print(Files.readString(source, StandardCharsets.UTF_8));
      JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
      if (compiler == null) {
        out.println();
        out.println("Skipped compiling and applying it: this Java runtime has no compiler (javax.tools); run the demo"
            + " on a JDK, or let your build compile it.");
        return ExitCode.OK;
      }
      JavaMigration migration = compile(compiler, project, source);
      out.println();
      out.println("Compiled it with javax.tools against Flyway's jar; applying it with Flyway:");
      out.flush();  // the migration prints its progress to standard output
      flyway.migrate(scratch.login(), migration);
      out.println("$ autogen check --include-tables product --packages " + entities + " --url ...");
      return cli.run(project, withLogin(scratch.login(), options, "check", "--include-tables", "product", "--packages",
          entities));
    } finally {
      DemoCommand.deleteTree(project);
    }
  }

  private static void insertUntitledProducts(DatabaseLogin login) {
    try (Connection connection = PostgresConnections.open(login.url(), login.user(), login.password())) {
      connection.createStatement().execute("insert into product (id, sku, title) select g, 'B-' || g, null"
          + " from generate_series(1, " + ROWS + ") g");
    } catch (SQLException e) {
      throw new AutogenException(ExitCode.DATABASE, "cannot insert the demo's products: " + e.getMessage(), e);
    }
  }

  /**
   * @return the arguments and the scratch database's URL; its user and password too, unless the demo's own
   *     options give the dev server's, which the command line then adds ({@link Cli})
   */
  private static String[] withLogin(DatabaseLogin login, ProjectOptions options, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--url", login.url()));
    if (options.user == null) {
      all.addAll(List.of("--user", login.user()));
    }
    if (options.password() == null && login.password() != null) {
      all.addAll(List.of("--password", login.password()));
    }
    return all.toArray(String[]::new);
  }

  /** Compiles the migration against Flyway's jar, every lint warning an error, and loads it. */
  private static JavaMigration compile(JavaCompiler compiler, Path project, Path source) throws IOException {
    Path classes = Files.createDirectories(project.resolve("target/classes"));
    String flywayJar;
    try {
      flywayJar = Path.of(BaseJavaMigration.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      boolean compiled = compiler.getTask(null, files, diagnostics, List.of("-classpath", flywayJar, "-d",
          classes.toString(), "-Xlint:all", "-Xlint:-processing", "-Werror", "-encoding", "UTF-8", "--release", "17"),
          null, files.getJavaFileObjects(source)).call();
      if (!compiled) {
        throw new AutogenException(ExitCode.USAGE, "the generated Java migration does not compile: "
            + diagnostics.getDiagnostics());
      }
    }
    try {
      // the loader stays open: Flyway loads the migration's inner classes while it runs it
      URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
          DemoJavaMigration.class.getClassLoader());
      return (JavaMigration) loader.loadClass(CLASS).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot load the compiled " + CLASS, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
