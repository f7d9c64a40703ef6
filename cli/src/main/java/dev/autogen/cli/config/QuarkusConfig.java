package dev.autogen.cli.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a Quarkus application reads its configuration, as far as autogen needs it: its profiles, its
 * environment variable names, and what its {@code quarkus.*} keys mean in the terms the rest of autogen
 * reads (Hibernate settings and the Spring Boot keys of the same meaning). Sources: the Quarkus guides
 * "Configuration Reference" (profiles, environment variables, config source ordinals), "Hibernate ORM"
 * (its configuration properties, default persistence unit), "Datasources" and "Flyway".
 *
 * <ul>
 *   <li><b>Profiles.</b> A key {@code %profile.key} (or {@code %a,b.key}) stands for {@code key} while
 *       {@code profile} is active. SmallRye Config looks the profile key up first and keeps it unless the
 *       plain key comes from a source of higher ordinal; {@link #withProfiles} reproduces that by placing
 *       a source's profile keys right after its plain keys. Of several active profiles the last wins.
 *   <li><b>Environment variables.</b> MicroProfile Config's mapping ({@link #environmentVariable}): every
 *       character that is not a letter or digit becomes {@code _}, then upper case; so {@code
 *       quarkus.datasource.jdbc.url} is {@code QUARKUS_DATASOURCE_JDBC_URL} and {@code
 *       %prod.quarkus.datasource.jdbc.url} is {@code _PROD_QUARKUS_DATASOURCE_JDBC_URL}.
 *   <li><b>Meaning.</b> {@link #SPRING_EQUIVALENTS}: the default datasource's {@code jdbc.url}, {@code
 *       username}, {@code password}, and Flyway's {@code locations}, {@code schemas}, {@code
 *       default-schema}, {@code table}, {@code sql-migration-prefix}; {@link #hibernateSettings}: the
 *       default persistence unit's {@code quarkus.hibernate-orm.*} keys that change the DDL.
 * </ul>
 *
 * Named datasources and persistence units ({@code quarkus.datasource."name".*}, {@code
 * quarkus.hibernate-orm."name".*}) are not read.
 */
public final class QuarkusConfig {

  /** Quarkus' profile key, also set by {@code QUARKUS_PROFILE} and {@code -Dquarkus.profile}. */
  public static final String PROFILE_KEY = "quarkus.profile";

  /**
   * The profile when none is given: {@code prod}, the profile of a packaged Quarkus application
   * ("Configuration Reference": {@code dev} in dev mode, {@code test} in tests, {@code prod} otherwise),
   * the one whose schema a check is about.
   */
  public static final String DEFAULT_PROFILE = "prod";

  /** The resource every Quarkus extension's runtime jar holds: on the class path, the application is a Quarkus one. */
  static final String EXTENSION_MARKER = "META-INF/quarkus-extension.properties";

  /** Quarkus' prefix of its Hibernate ORM extension's settings (default persistence unit). */
  static final String ORM = "quarkus.hibernate-orm.";

  /** Quarkus' physical naming strategy key (a class name), a default of {@code --naming}. */
  public static final String PHYSICAL_NAMING = ORM + "physical-naming-strategy";

  private static final String UNSUPPORTED = ORM + "unsupported-properties.";

  /** Quarkus keys and the Spring Boot keys of the same meaning, which autogen reads. */
  static final Map<String, String> SPRING_EQUIVALENTS = orderedMap(
      "quarkus.datasource.jdbc.url", "spring.datasource.url",
      "quarkus.datasource.username", "spring.datasource.username",
      "quarkus.datasource.password", "spring.datasource.password",
      "quarkus.flyway.locations", "spring.flyway.locations",
      "quarkus.flyway.schemas", "spring.flyway.schemas",
      "quarkus.flyway.default-schema", "spring.flyway.default-schema",
      "quarkus.flyway.table", "spring.flyway.table",
      "quarkus.flyway.sql-migration-prefix", FlywayNamingSettings.PREFIX);

  /** Quarkus keys passed to Hibernate as one setting, value as written. */
  private static final Map<String, String> HIBERNATE_KEYS = orderedMap(
      ORM + "database.default-schema", "hibernate.default_schema",
      ORM + "database.default-catalog", "hibernate.default_catalog",
      ORM + "database.globally-quoted-identifiers", "hibernate.globally_quoted_identifiers",
      ORM + "implicit-naming-strategy", "hibernate.implicit_naming_strategy",
      ORM + "mapping.id.optimizer.default", "hibernate.id.optimizer.pooled.preferred",
      ORM + "mapping.duration.preferred-jdbc-type", "hibernate.type.preferred_duration_jdbc_type",
      ORM + "mapping.instant.preferred-jdbc-type", "hibernate.type.preferred_instant_jdbc_type",
      ORM + "mapping.boolean.preferred-jdbc-type", "hibernate.type.preferred_boolean_jdbc_type",
      ORM + "mapping.uuid.preferred-jdbc-type", "hibernate.type.preferred_uuid_jdbc_type",
      ORM + "discriminator.ignore-explicit-for-joined", "hibernate.discriminator.ignore_explicit_for_joined");

  private static final String TIMEZONE_STORAGE = ORM + "mapping.timezone.default-storage";
  private static final String QUOTE_STRATEGY = ORM + "quote-identifiers.strategy";
  private static final String VALIDATION_ENABLED = ORM + "validation.enabled";
  private static final String VALIDATION_MODE = ORM + "validation.mode";
  private static final String VALIDATION_SETTING = "jakarta.persistence.validation.mode";

  /** Every Quarkus key autogen reads: looked up in the environment even when no file declares it. */
  static final List<String> USED_KEYS = usedKeys();

  private QuarkusConfig() {}

  /**
   * @param files the settings of the application's configuration files
   * @return whether they are a Quarkus application's: a key is {@code quarkus.*} or a profile key {@code %...}
   */
  static boolean isQuarkus(List<Setting> files) {
    return files.stream().map(Setting::key).anyMatch(k -> k.startsWith("quarkus.") || k.startsWith("%"));
  }

  /**
   * @param key a property name, e.g. {@code %prod.quarkus.datasource.jdbc.url}
   * @return its environment variable by MicroProfile Config's rule: non-alphanumerics to {@code _}, upper case
   */
  static String environmentVariable(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  /**
   * @param source the settings of one source (one file), in its order
   * @param profiles the active profiles, lowest priority first
   * @return the source's settings, then for each active profile in order its {@code %profile.key}
   *     settings as {@code key}, their source naming the profile key ({@code file:3 (%prod.key)})
   */
  static List<Setting> withProfiles(List<Setting> source, List<String> profiles) {
    List<Setting> settings = new ArrayList<>(source);
    for (String profile : profiles) {
      for (Setting s : source) {
        profileKey(s.key(), profile).ifPresent(key ->
            settings.add(new Setting(key, s.value(), s.source() + " (" + s.key() + ")")));
      }
    }
    return settings;
  }

  /**
   * @param key a declared key
   * @param profile a profile
   * @return the key it stands for when {@code profile} is active: {@code %profile.key} and {@code
   *     %a,profile.key} are {@code key}
   */
  static Optional<String> profileKey(String key, String profile) {
    int dot = key.indexOf('.');
    if (!key.startsWith("%") || dot < 0) {
      return Optional.empty();
    }
    for (String name : key.substring(1, dot).split(",")) {
      if (name.trim().equals(profile)) {
        return Optional.of(key.substring(dot + 1));
      }
    }
    return Optional.empty();
  }

  /**
   * @param keys the keys to look up (each plain, without profile)
   * @param profiles the active profiles
   * @param environment the environment variables
   * @param label the start of each setting's source, before the variable's name ({@code "environment "})
   * @return for each key its environment variable, then for each active profile {@code _PROFILE_KEY},
   *     as settings of that key
   */
  static List<Setting> environment(Set<String> keys, List<String> profiles, Map<String, String> environment,
      String label) {
    List<Setting> settings = new ArrayList<>();
    for (String key : keys) {
      List<String> names = new ArrayList<>();
      names.add(key);
      profiles.forEach(p -> names.add("%" + p + "." + key));
      for (String name : names) {
        String variable = environmentVariable(name);
        String value = environment.get(variable);
        if (value != null) {
          settings.add(new Setting(key, value, label + variable));
        }
      }
    }
    return settings;
  }

  /**
   * @param key a Spring Boot key autogen reads
   * @return the Quarkus key of the same meaning, when there is one
   */
  static Optional<String> quarkusEquivalent(String key) {
    return SPRING_EQUIVALENTS.entrySet().stream().filter(e -> e.getValue().equals(key)).map(Map.Entry::getKey)
        .findFirst();
  }

  /**
   * The Hibernate settings a declared Quarkus key stands for, as Quarkus' Hibernate ORM extension passes
   * them for the default persistence unit: {@code unsupported-properties."hibernate.x"} as {@code
   * hibernate.x}; {@code database.default-schema|default-catalog|globally-quoted-identifiers}, {@code
   * implicit-naming-strategy}, {@code mapping.id.optimizer.default}, {@code
   * mapping.duration|instant|boolean|uuid.preferred-jdbc-type} as their Hibernate settings; {@code
   * mapping.timezone.default-storage} ({@code normalize-utc}) as {@code hibernate.timezone.default_storage}
   * ({@code NORMALIZE_UTC}); {@code quote-identifiers.strategy} {@code all} as {@code
   * hibernate.globally_quoted_identifiers=true}, {@code all-except-column-definitions} as that plus {@code
   * hibernate.globally_quoted_identifiers_skip_column_definitions=true}, {@code only-keywords} as {@code
   * hibernate.auto_quote_keyword=true}; {@code validation.mode} ({@code callback,ddl}) as {@code
   * jakarta.persistence.validation.mode} ({@code CALLBACK,DDL}), and {@code validation.enabled=false} as
   * {@code jakarta.persistence.validation.mode=NONE} whatever the mode says (Quarkus' {@code
   * configureValidation}: no Bean Validation DDL); {@code discriminator.ignore-explicit-for-joined} as
   * {@code hibernate.discriminator.ignore_explicit_for_joined}.
   *
   * @param key a declared key
   * @param value its resolved value
   * @param other the effective resolved value of another key (for {@code validation.enabled} beside
   *     {@code validation.mode})
   * @return the Hibernate settings, in order; empty when the key is none of these
   */
  static Map<String, String> hibernateSettings(String key, String value,
      java.util.function.Function<String, Optional<String>> other) {
    Map<String, String> settings = new LinkedHashMap<>();
    String trimmed = value.trim();
    if (key.startsWith(UNSUPPORTED)) {
      String name = key.substring(UNSUPPORTED.length()).replace("\"", "");
      if (!name.isEmpty()) {
        settings.put(name, value);
      }
    } else if (HIBERNATE_KEYS.containsKey(key)) {
      settings.put(HIBERNATE_KEYS.get(key), trimmed);
    } else if (key.equals(TIMEZONE_STORAGE)) {
      settings.put("hibernate.timezone.default_storage", trimmed.replace('-', '_').toUpperCase(Locale.ROOT));
    } else if (key.equals(QUOTE_STRATEGY)) {
      switch (trimmed.toLowerCase(Locale.ROOT)) {
        case "all" -> settings.put("hibernate.globally_quoted_identifiers", "true");
        case "all-except-column-definitions" -> {
          settings.put("hibernate.globally_quoted_identifiers", "true");
          settings.put("hibernate.globally_quoted_identifiers_skip_column_definitions", "true");
        }
        case "only-keywords" -> settings.put("hibernate.auto_quote_keyword", "true");
        default -> { } // none: Hibernate's default
      }
    } else if (key.equals(VALIDATION_ENABLED) && trimmed.equalsIgnoreCase("false")) {
      settings.put(VALIDATION_SETTING, "NONE");
    } else if (key.equals(VALIDATION_MODE)) {
      boolean disabled = other.apply(VALIDATION_ENABLED).map(String::trim).filter("false"::equalsIgnoreCase).isPresent();
      settings.put(VALIDATION_SETTING, disabled ? "NONE" : trimmed.toUpperCase(Locale.ROOT).replaceAll("\\s+", ""));
    }
    return settings;
  }

  /**
   * @param key a declared key
   * @return whether it is one {@link #hibernateSettings} translates (whatever its value)
   */
  static boolean isHibernateKey(String key) {
    return key.startsWith(UNSUPPORTED) || HIBERNATE_KEYS.containsKey(key) || key.equals(TIMEZONE_STORAGE)
        || key.equals(QUOTE_STRATEGY) || key.equals(VALIDATION_ENABLED) || key.equals(VALIDATION_MODE);
  }

  private static List<String> usedKeys() {
    Set<String> keys = new LinkedHashSet<>(SPRING_EQUIVALENTS.keySet());
    keys.addAll(HIBERNATE_KEYS.keySet());
    keys.addAll(List.of(PHYSICAL_NAMING, TIMEZONE_STORAGE, QUOTE_STRATEGY, VALIDATION_ENABLED, VALIDATION_MODE));
    return List.copyOf(keys);
  }

  private static Map<String, String> orderedMap(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
