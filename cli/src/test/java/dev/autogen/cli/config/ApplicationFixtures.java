package dev.autogen.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.cli.Cli;
import dev.autogen.cli.config.instant.Event;
import dev.autogen.fixtures.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Fixtures of the application configuration tests: the class path directory holding an {@code
 * application.properties}, and the check that an application's datasource login (Spring Boot's {@code spring.datasource.*}, Quarkus'
 * {@code quarkus.datasource.*}) is used for its own URL only, shared by the frameworks' tests: a role
 * that may not connect is the application's user; with {@code --url} exactly the application's URL and no
 * {@code --user} the run fails to connect as that role (exit 3), with another URL it does not use it.
 */
final class ApplicationFixtures {

  private ApplicationFixtures() {}

  /**
   * @param dir a temporary directory
   * @param text the content of {@code application.properties}
   * @return {@code dir/classes}, a class path directory holding {@code application.properties} with that text
   */
  static Path classesWith(Path dir, String text) {
    try {
      Path classes = Files.createDirectories(dir.resolve("classes"));
      Files.writeString(classes.resolve("application.properties"), text);
      return classes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param name the test database's name
   * @param liveArgs given the database (with table {@code event}) and the role, writes the application's
   *     configuration naming the database's URL and the role, and returns the live {@code check}
   *     arguments with {@code --url} and {@code --user}
   */
  static void usedOnlyForTheOwnUrl(String name, BiFunction<TestDatabase, String, String[]> liveArgs) {
    String role = name + "_no_connect_" + ProcessHandle.current().pid();
    try (TestDatabase guarded = TestDatabase.create(name)) {
      guarded.execute("create table event (id bigint primary key, happened_at timestamp(6))");
      guarded.execute("create role " + role + " login");
      guarded.execute("revoke connect on database " + guarded.name() + " from public");
      List<String> live = new ArrayList<>(List.of(liveArgs.apply(guarded, role)));
      live.remove(live.indexOf("--user") + 1);
      live.remove("--user");

      Cli.Result own = Cli.run(live.toArray(String[]::new));
      assertThat(own.code()).as("the application's user, who may not connect: " + own.out() + own.err()).isEqualTo(3);
      assertThat(own.err()).contains(role);

      live.set(live.indexOf("--url") + 1, guarded.url() + (guarded.url().contains("?") ? "&" : "?") + "ApplicationName=x");
      Cli.Result other = Cli.run(live.toArray(String[]::new));
      assertThat(other.code()).as("another URL gets no application login: " + other.out() + other.err()).isZero();
    } finally {
      try (TestDatabase admin = TestDatabase.create(name + "drop")) {
        admin.execute("drop role if exists " + role);
      }
    }
  }

  /**
   * @param command the command
   * @param db the database of {@code --url}
   * @param resources a class path directory of the application's configuration
   * @param dir a temporary directory for the cache
   * @param more further arguments; a {@code --cache-dir} among them replaces the default one
   * @return the arguments of live mode against {@code db}, with the test entity {@link Event} and {@code
   *     resources} on the class path and only its package read
   */
  static String[] args(String command, TestDatabase db, Path resources, Path dir, String... more) {
    List<String> args = new ArrayList<>(List.of(command, "--url", db.url(), "--user", TestDatabase.user(),
        "--dev-url", TestDatabase.adminUrl(), "--no-input", "--cache-dir", dir.resolve("run-cache").toString(),
        "--classpath", testClasses() + File.pathSeparator + resources, "--packages", Event.class.getPackageName()));
    if (List.of(more).contains("--cache-dir")) {
      int at = args.indexOf("--cache-dir");
      args.remove(at);
      args.remove(at);
    }
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** @return the directory (or jar) of the test classes, where {@link Event} is */
  static String testClasses() {
    try {
      return Path.of(Event.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
