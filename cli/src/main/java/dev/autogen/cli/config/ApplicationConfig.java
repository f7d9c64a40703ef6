package dev.autogen.cli.config;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.text.StringSubstitutor;
import org.apache.commons.text.lookup.StringLookup;

/**
 * The application's effective configuration as autogen reads it, one immutable value: every setting
 * the application's own sources declare, in the order they apply (a later declaration of a key wins
 * over an earlier one), with the source of each ({@link ApplicationConfigReader} says which sources in
 * which order and cites the documented precedence). Values keep their {@code ${NAME:default}}
 * placeholders until asked for, and are resolved then as Spring Boot resolves them (against the other
 * settings, then the environment), so that a placeholder no autogen setting uses never fails a run.
 *
 * <p>What autogen takes from it: the Hibernate settings ({@link #hibernateSettings()}), which are part
 * of the entity cache key, and a few defaults of its options (naming strategy, Flyway location and
 * schema), which the command line and {@code autogen.properties} override.
 *
 * @param profiles the active Spring profiles, in order; never null
 * @param declared every declared setting, lowest precedence first; never null
 * @param environment the environment variables placeholders may name; never null
 * @param springBoot whether a Spring Boot configuration file ({@code application.properties}, {@code
 *     application.yml}) was found: the application then boots Hibernate with Spring Boot's defaults
 * @param persistenceUnit the persistence unit of {@code META-INF/persistence.xml} the application boots
 *     (whose properties are among {@code declared}), null when there is none
 */
public record ApplicationConfig(List<String> profiles, List<Setting> declared, Map<String, String> environment,
    boolean springBoot, PersistenceUnit persistenceUnit) {

  /** Spring Boot's prefix of settings passed to Hibernate as they are ({@code JpaProperties.properties}). */
  public static final String SPRING_JPA_PROPERTIES = "spring.jpa.properties.";

  /** Spring Boot's implicit naming strategy key, which it passes as {@code hibernate.implicit_naming_strategy}. */
  public static final String SPRING_IMPLICIT_NAMING = "spring.jpa.hibernate.naming.implicit-strategy";

  /** Spring Boot's physical naming strategy key. */
  public static final String SPRING_PHYSICAL_NAMING = "spring.jpa.hibernate.naming.physical-strategy";

  /** Quarkus' physical naming strategy key, a default of {@code --naming} as Spring Boot's is. */
  public static final String QUARKUS_PHYSICAL_NAMING = QuarkusConfig.PHYSICAL_NAMING;

  /** Keys whose values are secrets: never shown. */
  private static final List<String> SECRET_WORDS = List.of("password", "secret", "credentials", "token");

  /** The text shown in place of a secret. */
  public static final String MASK = "***";

  /** @throws NullPointerException when a component is null */
  public ApplicationConfig {
    profiles = List.copyOf(profiles);
    declared = List.copyOf(declared);
    environment = Collections.unmodifiableMap(new TreeMap<>(environment));
  }

  /**
   * A configuration without a persistence unit.
   *
   * @param profiles see the record
   * @param declared see the record
   * @param environment see the record
   * @param springBoot see the record
   */
  public ApplicationConfig(List<String> profiles, List<Setting> declared, Map<String, String> environment,
      boolean springBoot) {
    this(profiles, declared, environment, springBoot, null);
  }

  /** @return the persistence unit the application boots, when its class path has one */
  public Optional<PersistenceUnit> unit() {
    return Optional.ofNullable(persistenceUnit);
  }

  /** @return a configuration with nothing declared */
  public static ApplicationConfig empty() {
    return new ApplicationConfig(List.of(), List.of(), Map.of(), false, null);
  }

  /** @return the effective settings, one per key (the declaration that wins), sorted by key; values raw */
  public List<Setting> effective() {
    Map<String, Setting> effective = new TreeMap<>();
    declared.forEach(s -> effective.put(s.key(), s));
    return List.copyOf(effective.values());
  }

  /**
   * @param key a key
   * @return the declaration of it that wins, when one is declared; else, for a Spring Boot key autogen
   *     reads, the winning declaration of the Quarkus key of the same meaning ({@link
   *     QuarkusConfig#SPRING_EQUIVALENTS}: {@code spring.datasource.url} is {@code
   *     quarkus.datasource.jdbc.url}, {@code spring.flyway.locations} is {@code quarkus.flyway.locations}, ...)
   */
  public Optional<Setting> setting(String key) {
    return declaration(key).or(() -> QuarkusConfig.quarkusEquivalent(key).flatMap(this::declaration));
  }

  private Optional<Setting> declaration(String key) {
    Setting found = null;
    for (Setting s : declared) {
      if (s.key().equals(key)) {
        found = s;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * @param key a key
   * @return its effective value with placeholders resolved, when it is declared
   * @throws AutogenException with {@link ExitCode#USAGE} when a placeholder in it names nothing and has
   *     no default, or placeholders refer to each other in a circle (naming the key and its source)
   */
  public Optional<String> value(String key) {
    return setting(key).map(this::resolve);
  }

  /**
   * @param key a list key, e.g. {@code spring.flyway.locations}
   * @return its items: {@code key[0]}, {@code key[1]}, ... as YAML lists are flattened, else the
   *     comma-separated items of {@code key} (Spring Boot binds a list from either form); resolved
   * @throws AutogenException as {@link #value(String)}
   */
  public List<String> list(String key) {
    List<String> items = new ArrayList<>();
    for (int i = 0; setting(key + "[" + i + "]").isPresent(); i++) {
      items.add(value(key + "[" + i + "]").orElseThrow().trim());
    }
    if (items.isEmpty()) {
      value(key).ifPresent(v -> {
        for (String item : v.split(",")) {
          if (!item.isBlank()) {
            items.add(item.trim());
          }
        }
      });
    }
    return List.copyOf(items);
  }

  /**
   * The settings the application's Hibernate boots with: every {@code hibernate.*} and {@code
   * jakarta.persistence.*} key declared as such ({@code hibernate.properties}, {@code
   * autogen.properties}, system properties), every {@code spring.jpa.properties.*} key without that
   * prefix (Spring Boot passes them to Hibernate as they are), {@value #SPRING_IMPLICIT_NAMING} as
   * {@code hibernate.implicit_naming_strategy} (as Spring Boot's {@code HibernateProperties} does), and
   * the Quarkus {@code quarkus.hibernate-orm.*} keys of its default persistence unit that change the DDL,
   * translated as Quarkus does ({@link QuarkusConfig#hibernateSettings}). When
   * two declarations land on one key, the later (higher precedence) one wins.
   *
   * @return the settings, sorted by key, placeholders resolved
   * @throws AutogenException as {@link #value(String)}
   */
  public Map<String, String> hibernateSettings() {
    Map<String, String> settings = new TreeMap<>();
    hibernateSources().forEach((k, s) -> settings.put(k, resolve(s)));
    return Collections.unmodifiableMap(settings);
  }

  /**
   * @return the declaration behind each of {@link #hibernateSettings()}, by Hibernate key, sorted;
   *     values raw, except that a translated Quarkus key is a setting of the Hibernate key with the
   *     translated value and source {@code <source> as <quarkus key>}
   */
  public Map<String, Setting> hibernateSources() {
    Map<String, Setting> winning = new TreeMap<>();
    for (Setting s : declared) {
      if (QuarkusConfig.isHibernateKey(s.key())) {
        if (declaration(s.key()).orElseThrow() == s) {
          QuarkusConfig.hibernateSettings(s.key(), resolvedOrRaw(s), k -> declaration(k).map(this::resolvedOrRaw))
              .forEach((k, v) ->
              winning.put(k, new Setting(k, v, s.source() + " as " + s.key())));
        }
      } else {
        hibernateKey(s.key()).ifPresent(k -> winning.put(k, s));
      }
    }
    return Collections.unmodifiableMap(winning);
  }

  private String resolvedOrRaw(Setting setting) {
    try {
      return resolve(setting);
    } catch (AutogenException e) {
      return setting.value(); // hibernateSettings() resolves it again and reports the failure
    }
  }

  /**
   * @param key a declared key
   * @return the Hibernate setting it is, when it is one ({@link #hibernateSettings()})
   */
  static Optional<String> hibernateKey(String key) {
    if (key.startsWith("hibernate.") || key.startsWith("jakarta.persistence.")) {
      return Optional.of(key);
    }
    if (key.startsWith(SPRING_JPA_PROPERTIES) && key.length() > SPRING_JPA_PROPERTIES.length()) {
      return Optional.of(key.substring(SPRING_JPA_PROPERTIES.length()));
    }
    if (key.equals(SPRING_IMPLICIT_NAMING)) {
      return Optional.of("hibernate.implicit_naming_strategy");
    }
    return Optional.empty();
  }

  /**
   * @param key a key
   * @return whether its value is a secret, to be shown as {@value #MASK}: its last segment names a
   *     password, secret, credentials or token
   */
  public static boolean isSecret(String key) {
    String last = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return SECRET_WORDS.stream().anyMatch(last::contains);
  }

  /**
   * @param setting a declared setting
   * @return its value with placeholders resolved: {@code ${name}} is the effective value of the
   *     setting {@code name}, else the environment variable {@code name}, else the environment variable
   *     of its relaxed form ({@link RelaxedNames#environmentVariable}), else of its MicroProfile Config
   *     form ({@link QuarkusConfig#environmentVariable}); {@code ${name:default}} falls
   *     back to {@code default}; resolved values are resolved again (Spring's {@code
   *     PropertyPlaceholderHelper} does the same)
   * @throws AutogenException with {@link ExitCode#USAGE} when one cannot be resolved
   */
  public String resolve(Setting setting) {
    StringLookup lookup = name -> {
      Optional<Setting> declaredValue = setting(name);
      if (declaredValue.isPresent()) {
        return declaredValue.get().value();
      }
      String env = environment.get(name);
      if (env == null) {
        env = environment.get(RelaxedNames.environmentVariable(name));
      }
      return env != null ? env : environment.get(QuarkusConfig.environmentVariable(name));
    };
    StringSubstitutor substitutor = new StringSubstitutor(lookup)
        .setValueDelimiter(':')
        .setEnableUndefinedVariableException(true);
    try {
      return substitutor.replace(setting.value());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new AutogenException(ExitCode.USAGE, setting.source() + ": " + setting.key() + ": cannot resolve "
          + "placeholder: " + String.valueOf(e.getMessage()).strip().replaceAll("\\s+", " ")
          + " (set the environment variable or give a default: ${NAME:default})", e);
    }
  }
}
