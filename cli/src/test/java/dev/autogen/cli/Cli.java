package dev.autogen.cli;

import dev.autogen.fixtures.Corpus;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs the command line in-process, as a user would, and captures what it prints. */
public final class Cli {

  /** @param code exit code @param out standard output @param err standard error */
  public record Result(int code, String out, String err) {}

  private Cli() {}

  public static Result run(String... args) {
    return runWithProperties(new java.io.File(Main.PROPERTIES_FILE), args);
  }

  /**
   * @param properties the configuration file
   * @param args the arguments; unless they say {@code --cache-dir} or {@code --no-cache}, the run's
   *     caches go to {@link #SHARED_CACHE}, never to the working directory
   * @return what the run printed and its exit code
   */
  public static Result runWithProperties(java.io.File properties, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(withCache(args), new PrintWriter(out), new PrintWriter(err), properties);
    return new Result(code, out.toString(), err.toString());
  }

  /**
   * @param directory the project directory the run starts in: its {@code autogen.properties} is read and
   *     relative paths (reports, migrations) resolve against it, as when a user runs autogen there
   * @param args the arguments; caches as {@link #runWithProperties}
   * @return what the run printed and its exit code
   */
  public static Result runIn(Path directory, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(withCache(args), new PrintWriter(out), new PrintWriter(err), directory);
    return new Result(code, out.toString(), err.toString());
  }

  /**
   * One cache directory for the tests of this JVM that do not choose one, under {@code target}: tests
   * that compare the same inputs share entries as runs on a developer's machine do, and the caches
   * of every test are exercised by concurrent readers and writers.
   */
  private static final Path SHARED_CACHE =
      Path.of("target", "test-caches", "run-" + ProcessHandle.current().pid() + "-" + System.nanoTime());

  private static String[] withCache(String... args) {
    List<String> given = Arrays.asList(args);
    if (given.contains("--cache-dir") || given.contains("--no-cache")) {
      return args;
    }
    return command("--cache-dir", command(SHARED_CACHE.toString(), args));
  }

  /** @return the directory or jar holding the compiled fixture entities (bookstore and corpora) */
  public static String fixturesClasspath() {
    return Bookstore.classpathEntry();
  }


  /**
   * The arguments of live mode against a test database; {@code columnDefinition} texts are resolved
   * on the same test server ({@code --dev-url}), which needs nothing started.
   *
   * @param db the live database
   * @param version the bookstore entity version
   * @param more further arguments
   * @return the arguments that compare that database with that entity version
   */
  public static String[] against(TestDatabase db, int version, String... more) {
    return against(db, List.of("--packages", Bookstore.packageOf(version)), more);
  }

  /**
   * @param db the live database
   * @param corpus the real-world corpus whose entities to compare, with its naming strategy
   * @param more further arguments
   * @return the arguments that compare that database with that corpus's entities
   */
  public static String[] against(TestDatabase db, Corpus corpus, String... more) {
    return against(db, List.of("--packages", corpus.entityPackage(), "--naming", corpus.naming()), more);
  }

  private static String[] against(TestDatabase db, List<String> entities, String... more) {
    List<String> args = new ArrayList<>(List.of(
        "--url", db.url(), "--user", TestDatabase.user(), "--classpath", fixturesClasspath(),
        // the dev server that resolves columnDefinition texts: the test server, not an embedded one
        "--dev-url", TestDatabase.adminUrl()));
    args.addAll(entities);
    args.addAll(Arrays.asList(more));
    return args.toArray(String[]::new);
  }

  /** @return the same arguments after a command name */
  public static String[] command(String name, String... args) {
    List<String> all = new ArrayList<>(List.of(name));
    all.addAll(Arrays.asList(args));
    return all.toArray(String[]::new);
  }
}
