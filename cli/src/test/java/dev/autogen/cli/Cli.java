package dev.autogen.cli;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs the command line in-process, as a user would, and captures what it prints. */
final class Cli {

  /** @param code exit code @param out standard output @param err standard error */
  record Result(int code, String out, String err) {}

  private Cli() {}

  static Result run(String... args) {
    return runWithProperties(new java.io.File(Main.PROPERTIES_FILE), args);
  }

  static Result runWithProperties(java.io.File properties, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err), properties);
    return new Result(code, out.toString(), err.toString());
  }

  /** @return the directory or jar holding the compiled bookstore entities */
  static String fixturesClasspath() {
    try {
      return Path.of(Bookstore.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @param db the live database
   * @param version the bookstore entity version
   * @param more further arguments
   * @return the arguments that compare that database with that entity version
   */
  static String[] against(TestDatabase db, int version, String... more) {
    List<String> args = new ArrayList<>(List.of(
        "--url", db.url(), "--user", TestDatabase.user(),
        "--classpath", fixturesClasspath(), "--packages", Bookstore.packageOf(version)));
    args.addAll(Arrays.asList(more));
    return args.toArray(String[]::new);
  }

  /** @return the same arguments after a command name */
  static String[] command(String name, String... args) {
    List<String> all = new ArrayList<>(List.of(name));
    all.addAll(Arrays.asList(args));
    return all.toArray(String[]::new);
  }
}
