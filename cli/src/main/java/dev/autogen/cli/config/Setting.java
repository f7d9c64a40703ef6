package dev.autogen.cli.config;

import java.util.Objects;

/**
 * One setting as a source declares it: its key, its value as written (placeholders not yet resolved)
 * and where it came from.
 *
 * @param key the key in Spring Boot's canonical dotted form ({@code spring.datasource.url}, a list item
 *     as {@code spring.flyway.locations[0]}); never null
 * @param value the value as written, {@code ${...}} placeholders unresolved; never null (a YAML null is
 *     the empty string, as Spring Boot binds it)
 * @param source where it came from, for people: a file and line ({@code /app/application.yml:12}), an
 *     environment variable ({@code environment SPRING_DATASOURCE_URL}), a system property or an option;
 *     never null
 */
public record Setting(String key, String value, String source) {

  /** @throws NullPointerException when a component is null */
  public Setting {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(source, "source");
  }
}
