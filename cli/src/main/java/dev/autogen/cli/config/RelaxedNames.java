package dev.autogen.cli.config;

import java.util.Locale;

/**
 * Spring Boot's relaxed binding from environment variables ("Binding From Environment Variables" in
 * Spring Boot's reference, "Externalized Configuration"): a property name becomes its environment
 * variable by replacing dots with underscores, removing dashes and upper-casing, and a list index
 * becomes {@code _N_}: {@code spring.datasource.url} is {@code SPRING_DATASOURCE_URL}, {@code
 * spring.flyway.locations[0]} is {@code SPRING_FLYWAY_LOCATIONS_0_}.
 */
final class RelaxedNames {

  private RelaxedNames() {}

  /**
   * @param key a property name in canonical form, never null
   * @return the environment variable that sets it
   */
  static String environmentVariable(String key) {
    return key.replace("[", "_").replace("]", "_").replace('.', '_').replace("-", "")
        .replace("__", "_").toUpperCase(Locale.ROOT);
  }
}
