package dev.autogen.cli.config;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import dev.autogen.cli.source.LiquibaseChangelog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Whether a project keeps its schema history in Liquibase, and where its master changelog is: {@code
 * --changelog FILE}; else the application's {@code spring.liquibase.change-log} ({@code classpath:} paths
 * resolved under {@code src/main/resources}, as Spring Boot's {@code LiquibaseProperties} reads them);
 * else the first of the conventional masters that exists: Spring Boot's default {@code
 * db/changelog/db.changelog-master.yaml} (and its {@code .yml}, {@code .xml}, {@code .json} and {@code .sql}
 * forms) and JHipster's {@code config/liquibase/master.xml}, under {@code src/main/resources}. The
 * contexts and labels are {@code --contexts}/{@code --labels}, else the application's {@code
 * spring.liquibase.contexts} and {@code spring.liquibase.label-filter} (Spring Boot 2's {@code
 * spring.liquibase.labels}).
 */
public final class LiquibaseProject {

  /** Where a Maven or Gradle project keeps its class-path resources. */
  static final Path RESOURCES = Path.of("src", "main", "resources");

  /** The conventional master changelogs, relative to {@link #RESOURCES}, first found wins. */
  static final List<String> CONVENTIONAL = List.of("db/changelog/db.changelog-master.yaml",
      "db/changelog/db.changelog-master.yml", "db/changelog/db.changelog-master.xml",
      "db/changelog/db.changelog-master.json", "db/changelog/db.changelog-master.sql", "config/liquibase/master.xml");

  private LiquibaseProject() {}

  /**
   * @param directory the project directory, never null
   * @param changelog {@code --changelog}, relative to {@code directory}, or null
   * @param contexts {@code --contexts}, or null for the application's
   * @param labels {@code --labels}, or null for the application's
   * @param app the application's configuration, never null
   * @return the project's changelog, or empty when the project is no Liquibase project
   * @throws AutogenException with {@link ExitCode#USAGE} when {@code --changelog} or the application's
   *     {@code spring.liquibase.change-log} names a file that does not exist
   */
  public static Optional<LiquibaseChangelog> find(Path directory, Path changelog, String contexts, String labels,
      ApplicationConfig app) {
    Path resources = directory.resolve(RESOURCES).toAbsolutePath().normalize();
    Optional<Path> master;
    if (changelog != null) {
      master = Optional.of(required(directory.resolve(changelog), "--changelog " + changelog));
    } else {
      Optional<String> configured = app.value("spring.liquibase.change-log").map(String::trim).filter(v -> !v.isEmpty());
      if (configured.isPresent()) {
        master = Optional.of(required(configuredPath(directory, resources, configured.get()),
            "the application's spring.liquibase.change-log " + configured.get()));
      } else {
        master = CONVENTIONAL.stream().map(resources::resolve).filter(Files::isRegularFile).findFirst();
      }
    }
    return master.map(file -> {
      Path absolute = file.toAbsolutePath().normalize();
      Path root = absolute.startsWith(resources) ? resources : absolute.getParent();
      String relative = root.relativize(absolute).toString().replace('\\', '/');
      return new LiquibaseChangelog(root, relative,
          contexts != null ? contexts : app.value("spring.liquibase.contexts").orElse(""),
          labels != null ? labels : app.value("spring.liquibase.label-filter")
              .or(() -> app.value("spring.liquibase.labels")).orElse(""));
    });
  }

  /** @return a {@code classpath:} location under the resources, a {@code file:} or plain path under the project */
  private static Path configuredPath(Path directory, Path resources, String location) {
    if (location.startsWith("classpath:")) {
      return resources.resolve(location.substring("classpath:".length()).replaceFirst("^/+", ""));
    }
    String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
    return directory.resolve(path);
  }

  private static Path required(Path file, String what) {
    if (!Files.isRegularFile(file)) {
      throw new AutogenException(ExitCode.USAGE, what + ": " + file + " does not exist; name the master changelog");
    }
    return file;
  }
}
