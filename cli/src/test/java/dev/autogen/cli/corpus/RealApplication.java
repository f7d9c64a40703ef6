package dev.autogen.cli.corpus;

import dev.autogen.fixtures.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A real open-source application used as a corpus: its runtime class path exactly as Maven resolves it
 * (module {@code corpus/<name>}, third-party code from Maven Central, never compiled into or shipped by
 * autogen), the packages of its entities, and its own way of building its schema.
 *
 * <ul>
 *   <li>{@link #KOGITO_DATA_INDEX}: Apache KIE Kogito Data Index for PostgreSQL 10.1.0
 *       (https://github.com/apache/incubator-kie-kogito-apps, release 10.1.0; Apache License 2.0), a
 *       Quarkus 3.15 application on Hibernate 6.6.3. Its {@code application.properties} (in its jar,
 *       on the class path root) names the physical naming strategy and {@code quarkus.flyway.locations};
 *       Quarkus' Flyway applies those locations with Flyway's defaults, and so does the test (with the
 *       Flyway of autogen's tests: the SQL and its order are the application's, the runner is plain Flyway).
 *   <li>{@link #KOGITO_DATA_AUDIT}: Apache KIE Kogito Data Audit on JPA 10.1.0 in a Spring Boot 3.4
 *       application (same repository and licence), Hibernate 6.6.3; its migrations are applied by
 *       Kogito's own runner ({@code org.kie.flyway.initializer.KieFlywayInitializer} of {@code
 *       kie-addons-flyway}), which reads the module's {@code META-INF/kie-flyway.properties} and keeps
 *       the history in {@code kie_flyway_history_data_audit}.
 * </ul>
 */
public enum RealApplication {

  KOGITO_DATA_INDEX("kogito-data-index",
      List.of("org.kie.kogito.index.jpa.model", "org.kie.kogito.persistence.postgresql.model"),
      // quarkus.hibernate-orm.physical-naming-strategy of its application.properties
      "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy", List.of()) {
    @Override
    public void migrate(TestDatabase db) {
      try (URLClassLoader app = loader(ClassLoader.getSystemClassLoader())) {
        // Quarkus' Flyway: the locations of the application's own configuration, Flyway's defaults otherwise
        Flyway.configure(app).dataSource(db.url(), TestDatabase.user(), TestDatabase.password())
            .locations(migrationLocations().toArray(String[]::new)).load().migrate();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public List<String> migrationLocations() {
      String locations = properties("application.properties").getProperty("quarkus.flyway.locations");
      return Arrays.stream(locations.split(",")).map(String::trim).toList();
    }
  },

  // Kie Flyway keeps its history in a table of its own name, which a user excludes
  KOGITO_DATA_AUDIT("kogito-data-audit", List.of("org.kie.kogito.app.audit.jpa.model"),
      // Spring Boot's own naming (no physical strategy configured)
      "spring", List.of("--exclude-tables", "kie_flyway_history_*")) {
    @Override
    public void migrate(TestDatabase db) {
      // the application's own runner, on the application's own class path (its Flyway 10, its driver)
      try (URLClassLoader app = loader(ClassLoader.getPlatformClassLoader())) {
        Object dataSource = app.loadClass("org.postgresql.ds.PGSimpleDataSource").getConstructor().newInstance();
        dataSource.getClass().getMethod("setURL", String.class).invoke(dataSource, db.url());
        dataSource.getClass().getMethod("setUser", String.class).invoke(dataSource, TestDatabase.user());
        dataSource.getClass().getMethod("setPassword", String.class).invoke(dataSource, TestDatabase.password());
        Class<?> initializer = app.loadClass("org.kie.flyway.initializer.KieFlywayInitializer");
        Object builder = initializer.getMethod("builder").invoke(null);
        Class<?> builderType = builder.getClass();
        builderType.getMethod("withDatasource", DataSource.class).invoke(builder, dataSource);
        builderType.getMethod("withClassLoader", ClassLoader.class).invoke(builder, app);
        Object runner = builderType.getMethod("build").invoke(builder);
        Method migrate = initializer.getMethod("migrate");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(app);
        try {
          migrate.invoke(runner);
        } finally {
          thread.setContextClassLoader(previous);
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Kie Flyway could not migrate " + db.name() + ": " + e.getCause(), e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public List<String> migrationLocations() {
      return List.of(properties("META-INF/kie-flyway.properties").getProperty("module.locations.postgresql").trim());
    }
  };

  private final String name;
  private final List<String> packages;
  private final String naming;
  private final List<String> options;

  RealApplication(String name, List<String> packages, String naming, List<String> options) {
    this.name = name;
    this.packages = packages;
    this.naming = naming;
    this.options = options;
  }

  /**
   * @return the physical naming strategy the application's runtime boots Hibernate with, as {@code
   *     --naming} spells it; the tests give autogen none, it finds it in the application's configuration
   */
  public String naming() {
    return naming;
  }

  /** @return further options a user gives autogen for this application (beyond database, class path and packages) */
  public List<String> options() {
    return options;
  }

  /** @return the corpus module's name, e.g. {@code kogito-data-index} */
  public String moduleName() {
    return name;
  }

  /** @return the packages of the application's entities, for {@code --packages} */
  public List<String> packages() {
    return packages;
  }

  /**
   * Builds the application's schema in the database as the application itself does.
   *
   * @param db an empty database
   */
  public abstract void migrate(TestDatabase db);

  /** @return the application's Flyway locations for PostgreSQL, {@code classpath:} ones */
  public abstract List<String> migrationLocations();

  /**
   * @return the application's runtime class path as its build resolves it (its own Hibernate 6.6 among it)
   * @throws IllegalStateException when the build did not write it ({@link #isResolved()}; system property
   *     {@code autogen.corpus.<name>.classpath}, set by the cli module's Surefire configuration)
   */
  public List<Path> classpath() {
    if (!isResolved()) {
      throw new IllegalStateException("no class path file for " + name + ": build corpus/" + name
          + " (./mvnw -pl cli -am test, without -DskipRealApplications)");
    }
    try {
      return Arrays.stream(Files.readString(classpathFile()).strip().split(File.pathSeparator)).map(Path::of).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @return whether the build resolved the application's class path: false when the corpus modules were
   *     left out ({@code -DskipRealApplications}), then the tests are skipped, never passed
   */
  public boolean isResolved() {
    return Files.isRegularFile(classpathFile());
  }

  private Path classpathFile() {
    return Path.of(System.getProperty("autogen.corpus." + name + ".classpath", "target/no-corpus-" + name));
  }

  /** @return the class path without Hibernate ORM's own jars: autogen then reads the entities with its bundled Hibernate */
  public List<Path> classpathWithoutHibernate() {
    return classpath().stream().filter(p -> !p.getFileName().toString().matches("hibernate-(core|ant|graalvm)-.*\\.jar")).toList();
  }

  /**
   * Copies the application's migrations for PostgreSQL out of its jars into one directory, as a user
   * points replay mode ({@code --migrations}) at them; Flyway orders versions across locations, so one
   * directory of them all replays the same history.
   *
   * @param dir the directory to fill
   * @return the number of files copied
   */
  public int copyMigrations(Path dir) throws IOException {
    int copied = 0;
    for (String location : migrationLocations()) {
      String prefix = location.substring("classpath:".length()) + "/";
      for (Path entry : classpath()) {
        if (!entry.toString().endsWith(".jar")) {
          continue;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
          for (JarEntry e : java.util.Collections.list(jar.entries())) {
            String rest = e.getName().startsWith(prefix) ? e.getName().substring(prefix.length()) : "";
            if (rest.endsWith(".sql") && !rest.contains("/")) {
              try (InputStream in = jar.getInputStream(e)) {
                Files.writeString(dir.resolve(rest), new String(in.readAllBytes(), StandardCharsets.UTF_8));
              }
              copied++;
            }
          }
        }
      }
    }
    return copied;
  }

  /**
   * @param resource a properties file of the application's class path, e.g. its {@code application.properties}
   * @return its settings, as the application reads them
   */
  final Properties properties(String resource) {
    Properties config = new Properties();
    try (URLClassLoader app = loader(ClassLoader.getPlatformClassLoader());
        InputStream in = app.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the class path of " + name);
      }
      config.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return config;
  }

  /** @return a class loader over the application's class path, to be closed by the caller */
  final URLClassLoader loader(ClassLoader parent) {
    List<URL> urls = new ArrayList<>();
    for (Path p : classpath()) {
      try {
        urls.add(p.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), parent);
  }
}
