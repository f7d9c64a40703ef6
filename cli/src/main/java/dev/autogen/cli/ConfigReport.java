package dev.autogen.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.cli.config.ApplicationConfig;
import dev.autogen.cli.config.FlywayNamingSettings;
import dev.autogen.cli.config.QuarkusConfig;
import dev.autogen.cli.config.Setting;
import dev.autogen.cli.library.LibraryTables;
import dev.autogen.introspect.JdbcUrls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code autogen config} shows: every effective setting with where it came from, in three
 * sections: autogen's options that the application's configuration can set ({@code naming}, {@code
 * migrations}, {@code flyway-schema}, {@code profile}, the Flyway file naming: {@code sql-migration-prefix},
 * {@code undo-sql-migration-prefix}, {@code sql-migration-separator}, {@code sql-migration-suffixes}) and the tables of libraries on the class path
 * ({@code library-tables}, one row per library), the Hibernate settings the entities are read
 * with, and every setting of the application's own configuration. A secret (a key naming a password,
 * secret, credentials or token) is shown as {@value ApplicationConfig#MASK}, and a JDBC URL with its
 * password removed ({@link JdbcUrls#redact}); a value whose placeholder cannot be resolved is shown as
 * written, marked unresolved, rather than failing.
 *
 * @param rows the rows, in the order shown
 */
record ConfigReport(List<Row> rows) {

  /** The sections of the report. */
  enum Section { option, hibernate, application }

  /**
   * @param section which section
   * @param key the option's or setting's name
   * @param value the value, masked where secret; null when unset
   * @param source where it came from: a file and line, an environment variable, the command line, or
   *     {@code default ...}
   */
  record Row(Section section, String key, String value, String source) {}

  /**
   * @param options the run's options, whose application configuration is read
   * @return the report
   * @throws AutogenException with {@link ExitCode#USAGE} when the configuration files are malformed
   */
  static ConfigReport of(ProjectOptions options) {
    ApplicationConfig app = options.applicationConfig();
    List<Row> rows = new ArrayList<>();
    rows.add(new Row(Section.option, "profile", String.join(",", app.profiles()), app.setting("spring.profiles.active")
        .or(() -> app.setting(QuarkusConfig.PROFILE_KEY)).map(Setting::source)
        .orElse(app.profiles().isEmpty() ? "default: none" : "environment SPRING_PROFILES_ACTIVE")));
    // the persistence unit whose classes and properties are read, when the class path has one
    app.unit().ifPresent(u -> rows.add(option(options, "persistence-unit", options.persistenceUnit, u.name(),
        u.source())));
    rows.add(option(options, "naming", options.naming, options.naming(),
        app.setting(ApplicationConfig.SPRING_PHYSICAL_NAMING)
            .or(() -> app.setting(ApplicationConfig.QUARKUS_PHYSICAL_NAMING)).map(Setting::source)
            .orElse(app.springBoot() ? "default: a Spring Boot application configuration was found" : "default")));
    rows.add(option(options, "migrations", options.migrations == null ? null : options.migrations.toString(),
        options.migrationsDirectory().toString(), app.setting("spring.flyway.locations").or(
            () -> app.setting("spring.flyway.locations[0]")).map(Setting::source).orElse("default")));
    rows.add(option(options, "flyway-schema", options.flywaySchema, options.flywaySchema(),
        app.setting("spring.flyway.default-schema").or(() -> app.setting("spring.flyway.schemas"))
            .or(() -> app.setting("spring.flyway.schemas[0]")).map(Setting::source)
            .orElse("default: the mode's (see --help)")));
    dev.autogen.codegen.flyway.FlywayNaming naming = FlywayNamingSettings.of(app);
    List<String> namingValues = List.of(naming.prefix(), naming.undoPrefix(), naming.separator(),
        String.join(",", naming.suffixes()));
    for (int i = 0; i < FlywayNamingSettings.KEYS.size(); i++) {
      String key = FlywayNamingSettings.KEYS.get(i);
      rows.add(new Row(Section.option, key.substring("spring.flyway.".length()), namingValues.get(i),
          FlywayNamingSettings.source(app, key)));
    }
    for (LibraryTables.Found library : options.libraries()) {
      rows.add(new Row(Section.option, "library-tables", library.library().library() + ": " + library.names(),
          "class path " + library.entry().getFileName() + ", prefix " + library.prefix() + " (" + library.source() + ")"));
    }
    for (Map.Entry<String, Setting> e : app.hibernateSources().entrySet()) {
      rows.add(new Row(Section.hibernate, e.getKey(), shown(app, e.getKey(), e.getValue()), e.getValue().source()));
    }
    for (Setting s : app.effective()) {
      rows.add(new Row(Section.application, s.key(), shown(app, s.key(), s), s.source()));
    }
    return new ConfigReport(List.copyOf(rows));
  }

  private static Row option(ProjectOptions options, String key, String given, String effective, String derived) {
    if (given == null) {
      return new Row(Section.option, key, effective, derived);
    }
    Optional<String> file = options.projectProperties == null ? Optional.empty()
        : options.projectProperties.sourceOf(key).filter(s -> given.equals(options.projectProperties.value(key)));
    return new Row(Section.option, key, effective, file.orElse("command line --" + key));
  }

  private static String shown(ApplicationConfig app, String key, Setting setting) {
    if (ApplicationConfig.isSecret(key) || ApplicationConfig.isSecret(setting.key())) {
      return ApplicationConfig.MASK;
    }
    String value;
    try {
      value = app.resolve(setting);
    } catch (AutogenException e) {
      return setting.value() + " (unresolved)";
    }
    return value.startsWith("jdbc:") ? JdbcUrls.redact(value) : value;
  }

  /** @return the report as text: one line per row, {@code key = value  (source)}, under a heading per section */
  String text() {
    StringBuilder text = new StringBuilder();
    Section current = null;
    for (Row row : rows) {
      if (row.section() != current) {
        current = row.section();
        text.append(switch (current) {
          case option -> "autogen options:\n";
          case hibernate -> "Hibernate settings the entities are read with:\n";
          case application -> "The application's configuration:\n";
        });
      }
      text.append("  ").append(row.key()).append(" = ").append(row.value() == null ? "" : row.value())
          .append("  (").append(row.source()).append(")\n");
    }
    return text.toString();
  }

  /**
   * @return the report as JSON: {@code {"formatVersion":1,"settings":[{"section","key","value","source"}]}}
   */
  String json() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode().put("formatVersion", 1);
    ArrayNode settings = root.putArray("settings");
    for (Row row : rows) {
      settings.addObject().put("section", row.section().name()).put("key", row.key()).put("value", row.value())
          .put("source", row.source());
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
