package dev.autogen.cli.config;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a Quarkus application's configuration ({@link QuarkusConfig}) from the sources Quarkus reads,
 * lowest ordinal first, as the Quarkus "Configuration Reference" lists them: {@code application.properties}
 * on the class path (250), {@code application.yaml}/{@code .yml} on the class path ({@code
 * quarkus-config-yaml}, 255), the working directory's {@code config/application.properties} (260) and
 * {@code config/application.yaml} (265), the working directory's {@code .env} file (295), environment
 * variables (300), system properties (400); then the {@code hibernate.*} keys of {@code autogen.properties}.
 * In each place the profile-aware files {@code application-{profile}.properties} (and {@code .yaml}) come
 * after the main file, their keys counting as {@code %profile.key}.
 *
 * <p>The active profiles: {@code --profile}, else {@code quarkus.profile} from the highest of these
 * sources that sets it (the system property, {@code QUARKUS_PROFILE} in the environment or {@code .env},
 * the files), else {@value QuarkusConfig#DEFAULT_PROFILE}.
 */
final class QuarkusConfigReader {

  private QuarkusConfigReader() {}

  /**
   * @param inputs what to read
   * @param classpath the application's class path
   * @param baseline the settings read before the application's files ({@code hibernate.properties},
   *     {@code persistence.xml}), lowest precedence
   * @param unit the persistence unit of {@code persistence.xml} chosen, or null when there is none
   * @return the configuration; never a Spring Boot one
   * @throws AutogenException with {@link ExitCode#USAGE} when a file cannot be read or is malformed
   */
  static ApplicationConfig read(ApplicationConfigReader.Inputs inputs, ClassLoader classpath, List<Setting> baseline,
      PersistenceUnit unit) {
    Path dotEnvFile = inputs.workingDirectory().resolve(".env");
    List<Setting> dotEnv = dotEnv(dotEnvFile);
    Map<String, String> environment = new TreeMap<>();
    dotEnv.forEach(s -> environment.put(s.key(), s.value()));
    environment.putAll(inputs.environment());

    List<Setting> derived = new ArrayList<>();
    List<String> profiles = profiles(inputs, classpath, environment, derived);
    List<Setting> declared = new ArrayList<>(baseline);
    declared.addAll(files(inputs, classpath, profiles));

    Set<String> keys = new LinkedHashSet<>(QuarkusConfig.USED_KEYS);
    keys.add(QuarkusConfig.PROFILE_KEY);
    declared.stream().map(Setting::key).filter(k -> !k.startsWith("%")).forEach(keys::add);
    Map<String, String> dotEnvValues = new TreeMap<>();
    dotEnv.forEach(s -> dotEnvValues.put(s.key(), s.value()));
    declared.addAll(QuarkusConfig.environment(keys, profiles, dotEnvValues, dotEnvFile + " "));
    declared.addAll(QuarkusConfig.environment(keys, profiles, inputs.environment(), "environment "));
    declared.addAll(ApplicationConfigReader.systemProperties(inputs, "quarkus."));
    declared.addAll(inputs.autogenSettings());
    declared.addAll(derived);
    return new ApplicationConfig(profiles, declared, environment, false, unit);
  }

  private static List<String> profiles(ApplicationConfigReader.Inputs inputs, ClassLoader classpath,
      Map<String, String> environment, List<Setting> derived) {
    if (!inputs.profiles().isEmpty()) {
      List<String> given = ApplicationConfigReader.split(String.join(",", inputs.profiles()));
      derived.add(new Setting(QuarkusConfig.PROFILE_KEY, String.join(",", given), "command line --profile"));
      return given;
    }
    String env = environment.get(QuarkusConfig.environmentVariable(QuarkusConfig.PROFILE_KEY));
    String property = inputs.systemProperties().get(QuarkusConfig.PROFILE_KEY);
    String declared = null;
    for (Setting s : files(inputs, classpath, List.of())) {
      if (s.key().equals(QuarkusConfig.PROFILE_KEY)) {
        declared = s.value();
      }
    }
    for (String candidate : java.util.Arrays.asList(property, env, declared)) {
      if (candidate != null && !candidate.isBlank()) {
        return ApplicationConfigReader.split(candidate);
      }
    }
    derived.add(new Setting(QuarkusConfig.PROFILE_KEY, QuarkusConfig.DEFAULT_PROFILE,
        "default: Quarkus' profile of a packaged application"));
    return List.of(QuarkusConfig.DEFAULT_PROFILE);
  }

  private static List<Setting> files(ApplicationConfigReader.Inputs inputs, ClassLoader classpath,
      List<String> profiles) {
    List<Setting> settings = new ArrayList<>();
    settings.addAll(place(profiles, base -> {
      List<Setting> found = new ArrayList<>();
      for (String extension : List.of(".properties", ".yaml", ".yml")) {
        found.addAll(ApplicationConfigReader.resource(classpath, base + extension, List.of()));
      }
      return found;
    }));
    Path config = inputs.workingDirectory().resolve("config");
    settings.addAll(place(profiles, base -> {
      List<Setting> found = new ArrayList<>();
      for (String extension : List.of(".properties", ".yaml", ".yml")) {
        found.addAll(ApplicationConfigReader.file(config.resolve(base + extension), List.of()));
      }
      return found;
    }));
    return settings;
  }

  /** @return one place's {@code application} files with their profile keys applied, then its profile files' */
  private static List<Setting> place(List<String> profiles, java.util.function.Function<String, List<Setting>> read) {
    List<Setting> settings = new ArrayList<>(QuarkusConfig.withProfiles(read.apply("application"), profiles));
    for (String profile : profiles) {
      settings.addAll(QuarkusConfig.withProfiles(read.apply("application-" + profile), profiles));
    }
    return settings;
  }

  private static List<Setting> dotEnv(Path file) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return PropertiesSource.read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new AutogenException(ExitCode.USAGE, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
