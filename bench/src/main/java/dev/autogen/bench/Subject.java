package dev.autogen.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every benchmarked tool compares: a database and a directory of compiled entity classes. The
 * tools take it as the same command-line options, the ones {@code autogen check} takes: {@code --url
 * JDBC_URL --user USER --classpath CLASS_DIR --packages PACKAGE[,PACKAGE...]}, the password from the
 * environment variable {@value #PASSWORD_VARIABLE}.
 *
 * @param url the JDBC URL of the database, never null
 * @param user the login user, never null
 * @param classes the class directory (root of the package folders), never null
 * @param packages the packages holding the entities, never null or empty
 */
public record Subject(String url, String user, Path classes, List<String> packages) {

  /** The environment variable holding the database password, as for autogen itself. */
  public static final String PASSWORD_VARIABLE = "AUTOGEN_PASSWORD";

  private static final String USAGE = "usage: --url JDBC_URL --user USER --classpath CLASS_DIR"
      + " --packages PACKAGE[,PACKAGE...] (password in " + PASSWORD_VARIABLE + ")";

  /**
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when packages is empty
   */
  public Subject {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(classes, "classes");
    packages = List.copyOf(packages);
    if (packages.isEmpty()) {
      throw new IllegalArgumentException("at least one entity package");
    }
  }

  /**
   * @param args the options of the class comment, in any order
   * @return the subject they describe
   * @throws IllegalArgumentException when an option is missing, unknown or without a value
   */
  public static Subject parse(String[] args) {
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("options come in pairs; " + USAGE);
    }
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!List.of("--url", "--user", "--classpath", "--packages").contains(args[i])) {
        throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
      }
      options.put(args[i], args[i + 1]);
    }
    return new Subject(required(options, "--url"), required(options, "--user"),
        Path.of(required(options, "--classpath")), List.of(required(options, "--packages").split(",")));
  }

  /** @return the options that {@link #parse} reads back, for a tool's command line */
  public List<String> arguments() {
    return List.of("--url", url, "--user", user, "--classpath", classes.toString(),
        "--packages", String.join(",", packages));
  }

  /** @return the password from {@value #PASSWORD_VARIABLE}, or null when it is not set */
  public String password() {
    return System.getenv(PASSWORD_VARIABLE);
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing " + name + "; " + USAGE);
    }
    return value;
  }
}
