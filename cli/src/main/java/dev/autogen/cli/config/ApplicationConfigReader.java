package dev.autogen.cli.config;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@link ApplicationConfig} of the application whose class path and working directory
 * autogen was given, from the sources its runtime reads, lowest precedence first (a later source wins):
 *
 * <ol>
 *   <li>{@code hibernate.properties} at the class path's root: Hibernate's baseline, which every
 *       setting given to the {@code StandardServiceRegistryBuilder} overrides (Hibernate ORM User Guide,
 *       "Configuration and bootstrap": "hibernate.properties ... on the classpath", and {@code
 *       StandardServiceRegistryBuilder}, which starts from {@code Environment.getProperties()});
 *   <li>the properties of the persistence unit the application boots (the one named by {@code
 *       --persistence-unit}, else the only one of the {@code META-INF/persistence.xml} files on the class
 *       path; several and none named is an error, {@link PersistenceXmlSource#select}), which
 *       Hibernate's JPA bootstrap lays over {@code
 *       hibernate.properties} ({@code EntityManagerFactoryBuilderImpl}: the unit's properties, then the
 *       integration settings);
 *   <li>Spring Boot's config data files, in the order of Spring Boot's reference ("Externalized
 *       Configuration", "Accessing Command-line Properties" and "External Application Properties"):
 *       the class path root, then the class path {@code config/}, then their {@code application-{profile}}
 *       files; then the working directory, then its {@code config/}, then their profile files. In one
 *       place {@code .properties} wins over {@code .yml}/{@code .yaml} ("If you have configuration files
 *       with both .properties and YAML format in the same location, .properties takes precedence"); of
 *       several profiles the last wins;
 *   <li>environment variables in relaxed form ({@link RelaxedNames}) for every key declared above and
 *       every key autogen uses (OS environment variables rank above config data files in Spring Boot's
 *       order of property sources);
 *   <li>Java system properties {@code hibernate.*}, {@code jakarta.persistence.*} and {@code spring.*}
 *       of autogen's own JVM (above environment variables in Spring Boot's order; Hibernate's {@code
 *       Environment} reads system properties too);
 *   <li>{@code hibernate.*} keys of {@code autogen.properties}, the project's own word to autogen;
 * </ol>
 *
 * and above them all the command line, whose options are applied by the caller. The active profiles
 * are {@code --profile}, else {@code SPRING_PROFILES_ACTIVE}, else the system property, else {@code
 * spring.profiles.active} of the files read without profiles. Not read (documented limits): a {@code
 * persistence.xml} of several units, {@code config/*}{@code /} subdirectories, {@code spring.config.import} and {@code
 * spring.config.location}, {@code #---} documents in properties files.
 *
 * <p>A Quarkus application (a configuration file sets a {@code quarkus.*} or {@code %profile.} key, or a
 * Quarkus extension is on the class path: {@code META-INF/quarkus-extension.properties}) is read from
 * Quarkus' own sources instead, after {@code hibernate.properties} and {@code persistence.xml}
 * ({@link QuarkusConfigReader}).
 */
public final class ApplicationConfigReader {

  /** The keys autogen uses, looked up in the environment even when no file declares them. */
  static final List<String> USED_KEYS = List.of(
      "spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
      ApplicationConfig.SPRING_PHYSICAL_NAMING, ApplicationConfig.SPRING_IMPLICIT_NAMING,
      "spring.flyway.locations", "spring.flyway.schemas", "spring.flyway.default-schema", "spring.flyway.table",
      "spring.batch.jdbc.table-prefix", "spring.session.jdbc.table-name",
      "spring.quartz.properties.org.quartz.jobStore.tablePrefix",
      FlywayNamingSettings.PREFIX, FlywayNamingSettings.UNDO_PREFIX, FlywayNamingSettings.SEPARATOR,
      FlywayNamingSettings.SUFFIXES);

  private static final String PROFILES_KEY = "spring.profiles.active";

  /**
   * What the reading depends on.
   *
   * @param classpath the application's class path entries (directories and jars), in lookup order
   * @param workingDirectory the directory Spring Boot's {@code file:./} locations are relative to
   * @param profiles the profiles of {@code --profile}; empty when not given
   * @param environment the environment variables
   * @param systemProperties the system properties
   * @param autogenSettings the {@code hibernate.*} settings of {@code autogen.properties}, with sources
   * @param persistenceUnit the persistence unit named with {@code --persistence-unit}, null when none
   */
  public record Inputs(List<Path> classpath, Path workingDirectory, List<String> profiles,
      Map<String, String> environment, Map<String, String> systemProperties, List<Setting> autogenSettings,
      String persistenceUnit) {

    /** @throws NullPointerException when a component other than persistenceUnit is null */
    public Inputs {
      classpath = List.copyOf(classpath);
      profiles = List.copyOf(profiles);
      environment = Map.copyOf(environment);
      systemProperties = Map.copyOf(systemProperties);
      autogenSettings = List.copyOf(autogenSettings);
    }

    /**
     * Inputs that name no persistence unit.
     *
     * @param classpath see the record
     * @param workingDirectory see the record
     * @param profiles see the record
     * @param environment see the record
     * @param systemProperties see the record
     * @param autogenSettings see the record
     */
    public Inputs(List<Path> classpath, Path workingDirectory, List<String> profiles, Map<String, String> environment,
        Map<String, String> systemProperties, List<Setting> autogenSettings) {
      this(classpath, workingDirectory, profiles, environment, systemProperties, autogenSettings, null);
    }
  }

  private ApplicationConfigReader() {}

  /**
   * @param inputs what to read
   * @return the configuration
   * @throws AutogenException with {@link ExitCode#USAGE} when a file found cannot be read or is
   *     malformed (one line naming the file and, where known, the line), or no persistence unit can be
   *     chosen ({@link PersistenceXmlSource#select})
   */
  public static ApplicationConfig read(Inputs inputs) {
    try (URLClassLoader classpath = new URLClassLoader(urls(inputs.classpath()), null)) {
      List<Setting> declared = new ArrayList<>();
      declared.addAll(resource(classpath, "hibernate.properties", List.of()));
      PersistenceUnit unit = PersistenceXmlSource.select(persistenceUnits(classpath), inputs.persistenceUnit());
      if (unit != null) {
        declared.addAll(unit.properties());
      }
      if (QuarkusConfig.isQuarkus(configFiles(inputs, classpath, List.of()))
          || classpath.getResource(QuarkusConfig.EXTENSION_MARKER) != null) {
        return QuarkusConfigReader.read(inputs, classpath, declared, unit);
      }
      List<String> profiles = profiles(inputs, classpath);
      List<Setting> files = configFiles(inputs, classpath, profiles);
      declared.addAll(files);
      declared.addAll(environment(inputs, declared));
      declared.addAll(systemProperties(inputs, "spring."));
      declared.addAll(inputs.autogenSettings());
      if (!inputs.profiles().isEmpty()) {
        declared.add(new Setting(PROFILES_KEY, String.join(",", profiles), "command line --profile"));
      }
      return new ApplicationConfig(profiles, declared, inputs.environment(), springBoot(files), unit);
    } catch (IOException e) {
      throw new AutogenException(ExitCode.USAGE, "cannot read the application's configuration: " + e.getMessage(), e);
    }
  }

  /**
   * @param inputs the inputs
   * @param framework the prefix of the framework's own keys taken from system properties ({@code spring.})
   * @return the system properties {@code hibernate.*}, {@code jakarta.persistence.*} and {@code framework*}, sorted
   */
  static List<Setting> systemProperties(Inputs inputs, String framework) {
    return inputs.systemProperties().entrySet().stream()
        .filter(e -> e.getKey().startsWith("hibernate.") || e.getKey().startsWith("jakarta.persistence.")
            || e.getKey().startsWith(framework))
        .sorted(Map.Entry.comparingByKey())
        .map(e -> new Setting(e.getKey(), e.getValue(), "system property -D" + e.getKey()))
        .toList();
  }

  /**
   * @return whether the application files found are Spring Boot's: there are some, and none sets a key
   *     of another framework that reads {@code application.properties}/{@code .yml} ({@code quarkus.*},
   *     {@code micronaut.*}), whose Hibernate keeps Hibernate's own naming
   */
  private static boolean springBoot(List<Setting> files) {
    return !files.isEmpty() && files.stream().map(Setting::key)
        .noneMatch(k -> k.startsWith("quarkus.") || k.startsWith("%") || k.startsWith("micronaut."));
  }

  private static List<String> profiles(Inputs inputs, ClassLoader classpath) {
    if (!inputs.profiles().isEmpty()) {
      return split(String.join(",", inputs.profiles()));
    }
    String env = inputs.environment().get(RelaxedNames.environmentVariable(PROFILES_KEY));
    if (env != null && !env.isBlank()) {
      return split(env);
    }
    String property = inputs.systemProperties().get(PROFILES_KEY);
    if (property != null && !property.isBlank()) {
      return split(property);
    }
    String declared = null;
    for (Setting s : configFiles(inputs, classpath, List.of())) {
      if (s.key().equals(PROFILES_KEY)) {
        declared = s.value();
      }
    }
    return declared == null ? List.of() : split(declared);
  }

  static List<String> split(String profiles) {
    Set<String> names = new LinkedHashSet<>();
    for (String name : profiles.split(",")) {
      if (!name.isBlank()) {
        names.add(name.trim());
      }
    }
    return List.copyOf(names);
  }

  private static List<Setting> configFiles(Inputs inputs, ClassLoader classpath, List<String> profiles) {
    List<Setting> settings = new ArrayList<>();
    for (String dir : List.of("", "config/")) {
      settings.addAll(resources(classpath, dir + "application", profiles));
    }
    for (String profile : profiles) {
      for (String dir : List.of("", "config/")) {
        settings.addAll(resources(classpath, dir + "application-" + profile, profiles));
      }
    }
    Path work = inputs.workingDirectory();
    for (Path dir : List.of(work, work.resolve("config"))) {
      settings.addAll(files(dir, "application", profiles));
    }
    for (String profile : profiles) {
      for (Path dir : List.of(work, work.resolve("config"))) {
        settings.addAll(files(dir, "application-" + profile, profiles));
      }
    }
    return settings;
  }

  /** @return the settings of {@code base.yml}, {@code base.yaml} and {@code base.properties} on the class path */
  private static List<Setting> resources(ClassLoader classpath, String base, List<String> profiles) {
    List<Setting> settings = new ArrayList<>();
    for (String extension : List.of(".yml", ".yaml", ".properties")) {
      settings.addAll(resource(classpath, base + extension, profiles));
    }
    return settings;
  }

  static List<Setting> resource(ClassLoader classpath, String name, List<String> profiles) {
    URL url = classpath.getResource(name);
    if (url == null) {
      return List.of();
    }
    String shown = "file".equals(url.getProtocol()) ? fileName(url) : url.toString();
    try (InputStream in = url.openStream()) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), shown, name, profiles);
    } catch (IOException e) {
      throw new AutogenException(ExitCode.USAGE, "cannot read " + shown + ": " + e.getMessage(), e);
    }
  }

  /**
   * @return the units of every {@value PersistenceXmlSource#RESOURCE} on the class path, in class path
   *     order (a JPA provider reads them all: {@code ClassLoader.getResources})
   */
  private static List<PersistenceUnit> persistenceUnits(ClassLoader classpath) throws IOException {
    List<PersistenceUnit> units = new ArrayList<>();
    for (URL url : java.util.Collections.list(classpath.getResources(PersistenceXmlSource.RESOURCE))) {
      String shown = "file".equals(url.getProtocol()) ? fileName(url) : url.toString();
      try (InputStream in = url.openStream()) {
        units.addAll(PersistenceXmlSource.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), shown, root(url)));
      } catch (IOException e) {
        throw new AutogenException(ExitCode.USAGE, "cannot read " + shown + ": " + e.getMessage(), e);
      }
    }
    return units;
  }

  /**
   * @return the class path entry of a resource's URL: the directory above {@code META-INF/} for {@code
   *     file:}, the jar for {@code jar:file:...!/}; null for anything else
   */
  private static Path root(URL url) {
    try {
      if ("file".equals(url.getProtocol())) {
        return Path.of(url.toURI()).getParent().getParent();
      }
      if ("jar".equals(url.getProtocol())) {
        String spec = url.getPath();
        return Path.of(new java.net.URI(spec.substring(0, spec.indexOf("!/"))));
      }
    } catch (java.net.URISyntaxException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
      return null;
    }
    return null;
  }

  private static List<Setting> files(Path dir, String base, List<String> profiles) {
    List<Setting> settings = new ArrayList<>();
    for (String extension : List.of(".yml", ".yaml", ".properties")) {
      settings.addAll(file(dir.resolve(base + extension), profiles));
    }
    return settings;
  }

  /**
   * @param file a configuration file ({@code .properties}, {@code .yml}/{@code .yaml})
   * @param profiles the active Spring profiles, for YAML profile documents
   * @return its settings, none when it does not exist
   * @throws AutogenException with {@link ExitCode#USAGE} when it cannot be read or is malformed
   */
  static List<Setting> file(Path file, List<String> profiles) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), file.toString(), profiles);
    } catch (IOException e) {
      throw new AutogenException(ExitCode.USAGE, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static List<Setting> parse(String text, String shown, String name, List<String> profiles) {
    return name.endsWith(".properties") ? PropertiesSource.read(text, shown) : YamlSource.read(text, shown, profiles);
  }

  private static List<Setting> environment(Inputs inputs, List<Setting> declared) {
    Set<String> keys = new LinkedHashSet<>(USED_KEYS);
    declared.forEach(s -> keys.add(s.key()));
    List<Setting> settings = new ArrayList<>();
    for (String key : keys) {
      String variable = RelaxedNames.environmentVariable(key);
      String value = inputs.environment().get(variable);
      if (value != null) {
        settings.add(new Setting(key, value, "environment " + variable));
      }
    }
    return settings;
  }

  private static URL[] urls(List<Path> classpath) {
    List<URL> urls = new ArrayList<>();
    for (Path entry : classpath) {
      try {
        urls.add(entry.toAbsolutePath().toUri().toURL());
      } catch (MalformedURLException e) {
        throw new AutogenException(ExitCode.USAGE, "--classpath: not a path: " + entry, e);
      }
    }
    return urls.toArray(URL[]::new);
  }

  private static String fileName(URL url) {
    try {
      return Path.of(url.toURI()).toString();
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      return url.toString();
    }
  }
}
