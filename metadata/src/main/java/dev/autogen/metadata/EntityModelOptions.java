package dev.autogen.metadata;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@link HibernateEntityReader} reads and how it names things.
 *
 * @param classpath the directories and jars that hold the compiled entity classes, in lookup order;
 *     dependencies of the entities that are not JPA or Hibernate may be listed too (JPA and Hibernate
 *     come from here when it holds {@code hibernate-core}, else from autogen). A Bean Validation provider
 *     here (e.g. Hibernate Validator, with its API and an Expression Language implementation) makes its
 *     constraints part of the mapping as the application's Hibernate applies them ({@code
 *     BeanValidationDdl}); autogen brings none of its own. Never null, copied
 * @param packages limit the scan to classes in these packages and their subpackages; empty (or null)
 *     scans everything on {@code classpath}; copied
 * @param naming the naming strategy: {@code hibernate} (the default, used when null or blank:
 *     Hibernate's {@code PhysicalNamingStrategyStandardImpl} with {@code
 *     ImplicitNamingStrategyJpaCompliantImpl}), {@code spring} (what Spring Boot configures: {@code
 *     CamelCaseToUnderscoresNamingStrategy} with {@link SpringJoinTableNamingStrategy}), or the fully
 *     qualified name of a {@code PhysicalNamingStrategy} class on {@code classpath} or autogen's own
 * @param defaultSchema the schema of entities that name none, passed to Hibernate as {@code
 *     hibernate.default_schema}; null means {@code hibernate.default_schema} of {@code
 *     hibernateSettings} when it sets one, else the database's default ({@code public})
 * @param globallyQuotedIdentifiers Hibernate's {@code hibernate.globally_quoted_identifiers}: every
 *     table, column, sequence and constraint name is written in double quotes, so PostgreSQL stores it
 *     exactly as the mapping spells it ({@code Customer}, not {@code customer}); false by default
 * @param hibernateSettings the application's own Hibernate settings ({@code hibernate.*}, {@code
 *     jakarta.persistence.*}: what its {@code hibernate.properties}, Spring Boot's {@code
 *     spring.jpa.properties.*} or {@code autogen.properties} set), applied to the service registry before
 *     autogen's own, so that e.g. {@code hibernate.type.preferred_instant_jdbc_type=TIMESTAMP} maps an
 *     {@code Instant} to {@code timestamp} as the application's Hibernate does, and {@code
 *     hibernate.validator.apply_to_ddl=false} or {@code jakarta.persistence.validation.mode=none} keep Bean
 *     Validation's constraints out of the mapping. autogen's dialect and
 *     {@code hibernate.boot.allow_jdbc_metadata_access=false} always win; {@link #defaultSchema()} and a
 *     true {@link #globallyQuotedIdentifiers()} win over the same keys here; a {@code
 *     hibernate.implicit_naming_strategy} or {@code hibernate.physical_naming_strategy} here replaces the
 *     implicit or physical strategy that {@link #naming()} stands for. Null means none; copied, sorted
 *     by key
 */
public record EntityModelOptions(List<Path> classpath, List<String> packages, String naming, String defaultSchema,
    boolean globallyQuotedIdentifiers, Map<String, String> hibernateSettings) {

  /** The naming option value for Hibernate's own defaults. */
  public static final String HIBERNATE_NAMING = "hibernate";

  /** The naming option value for Spring Boot's defaults. */
  public static final String SPRING_NAMING = "spring";

  /** @throws NullPointerException when classpath or one of its entries is null */
  public EntityModelOptions {
    classpath = List.copyOf(Objects.requireNonNull(classpath, "classpath"));
    packages = packages == null ? List.of() : List.copyOf(packages);
    naming = naming == null || naming.isBlank() ? HIBERNATE_NAMING : naming.trim();
    if ((defaultSchema == null || defaultSchema.isBlank()) && hibernateSettings != null) {
      // the application's own hibernate.default_schema, so that the catalog places unqualified tables there
      defaultSchema = hibernateSettings.get("hibernate.default_schema");
    }
    defaultSchema = defaultSchema == null || defaultSchema.isBlank() ? null : defaultSchema.trim();
    hibernateSettings = hibernateSettings == null ? Map.of()
        : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(hibernateSettings));
  }

  /**
   * Options without Hibernate settings of the application's.
   *
   * @param classpath see the record's description, never null
   * @param packages see the record's description, may be null
   * @param naming see the record's description, may be null
   * @param defaultSchema see the record's description, may be null
   * @param globallyQuotedIdentifiers see the record's description
   * @throws NullPointerException when classpath or one of its entries is null
   */
  public EntityModelOptions(List<Path> classpath, List<String> packages, String naming, String defaultSchema,
      boolean globallyQuotedIdentifiers) {
    this(classpath, packages, naming, defaultSchema, globallyQuotedIdentifiers, Map.of());
  }

  /**
   * Options without globally quoted identifiers.
   *
   * @param classpath see the record's description, never null
   * @param packages see the record's description, may be null
   * @param naming see the record's description, may be null
   * @param defaultSchema see the record's description, may be null
   * @throws NullPointerException when classpath or one of its entries is null
   */
  public EntityModelOptions(List<Path> classpath, List<String> packages, String naming, String defaultSchema) {
    this(classpath, packages, naming, defaultSchema, false);
  }

  /**
   * @param quoted the new {@link #globallyQuotedIdentifiers()}
   * @return these options with global quoting of identifiers switched on or off
   */
  public EntityModelOptions withGloballyQuotedIdentifiers(boolean quoted) {
    return new EntityModelOptions(classpath, packages, naming, defaultSchema, quoted, hibernateSettings);
  }

  /**
   * @param settings the new {@link #hibernateSettings()}, may be null (none)
   * @return these options with the application's Hibernate settings replaced
   */
  public EntityModelOptions withHibernateSettings(Map<String, String> settings) {
    return new EntityModelOptions(classpath, packages, naming, defaultSchema, globallyQuotedIdentifiers, settings);
  }
}
