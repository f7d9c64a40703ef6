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
 * @param packages scan these packages and their subpackages on the whole {@code classpath}, jars
 *     included (as Spring's {@code @EntityScan} does); empty (or null) scans {@link #scannedEntries()};
 *     copied
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
 * @param applicationEntries the application's own class path entries (its build's output directories,
 *     the root and {@code <jar-file>}s of its persistence unit; appended to {@code classpath} when not
 *     on it): where, without {@code packages}, mapped
 *     classes are looked for, as the application's runtime scans its own classes and not its
 *     dependencies' ({@link #scannedEntries()}); null or empty for the default: the directories of
 *     {@code classpath}, or its first entry when it has no directory (a packaged application); copied
 * @param listedClasses classes mapped whether or not a scan finds them: the {@code <class>} entries of the
 *     persistence unit, looked up on the whole {@code classpath}; null means none; copied
 * @param mappingFiles XML mapping files (orm.xml) read as resources of {@code classpath}, as the
 *     persistence unit's {@code <mapping-file>}s; {@code META-INF/orm.xml} of a scanned entry is read
 *     besides (Jakarta Persistence 3.2, 8.2.1.6.2); null means none; copied
 * @param excludeUnlistedClasses the persistence unit's {@code <exclude-unlisted-classes>}: nothing is
 *     scanned, only {@code listedClasses} (and the classes of {@code packages}, when given) are mapped
 */
public record EntityModelOptions(List<Path> classpath, List<String> packages, String naming, String defaultSchema,
    boolean globallyQuotedIdentifiers, Map<String, String> hibernateSettings, List<Path> applicationEntries,
    List<String> listedClasses, List<String> mappingFiles, boolean excludeUnlistedClasses) {

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
    applicationEntries = applicationEntries == null ? List.of() : List.copyOf(applicationEntries);
    if (!classpath.containsAll(applicationEntries)) {
      // the application's own entries are loaded like the rest: on the class path, after its entries
      List<Path> all = new java.util.ArrayList<>(classpath);
      applicationEntries.stream().filter(e -> !all.contains(e)).forEach(all::add);
      classpath = List.copyOf(all);
    }
    listedClasses = listedClasses == null ? List.of() : List.copyOf(listedClasses);
    mappingFiles = mappingFiles == null ? List.of() : List.copyOf(mappingFiles);
  }

  /**
   * Options without a persistence unit: the default scan.
   *
   * @param classpath see the record's description, never null
   * @param packages see the record's description, may be null
   * @param naming see the record's description, may be null
   * @param defaultSchema see the record's description, may be null
   * @param globallyQuotedIdentifiers see the record's description
   * @param hibernateSettings see the record's description, may be null
   * @throws NullPointerException when classpath or one of its entries is null
   */
  public EntityModelOptions(List<Path> classpath, List<String> packages, String naming, String defaultSchema,
      boolean globallyQuotedIdentifiers, Map<String, String> hibernateSettings) {
    this(classpath, packages, naming, defaultSchema, globallyQuotedIdentifiers, hibernateSettings, null, null, null,
        false);
  }

  /**
   * @return the entries whose classes are scanned for mapped classes when {@link #packages()} is empty
   *     and classes are not excluded: {@link #applicationEntries()} when given, else the directories of
   *     {@link #classpath()}, else its first entry (none when it is empty); never null
   */
  public List<Path> scannedEntries() {
    if (!applicationEntries.isEmpty()) {
      return applicationEntries;
    }
    List<Path> directories = classpath.stream().filter(java.nio.file.Files::isDirectory).toList();
    return !directories.isEmpty() || classpath.isEmpty() ? directories : List.of(classpath.get(0));
  }

  /**
   * @param entries the new {@link #applicationEntries()}, may be null (the default)
   * @param classes the new {@link #listedClasses()}, may be null
   * @param mappings the new {@link #mappingFiles()}, may be null
   * @param excludeUnlisted the new {@link #excludeUnlistedClasses()}
   * @return these options with the application's own entries and its persistence unit's selection
   */
  public EntityModelOptions withSelection(List<Path> entries, List<String> classes, List<String> mappings,
      boolean excludeUnlisted) {
    return new EntityModelOptions(classpath, packages, naming, defaultSchema, globallyQuotedIdentifiers,
        hibernateSettings, entries, classes, mappings, excludeUnlisted);
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
    return new EntityModelOptions(classpath, packages, naming, defaultSchema, quoted, hibernateSettings,
        applicationEntries, listedClasses, mappingFiles, excludeUnlistedClasses);
  }

  /**
   * @param settings the new {@link #hibernateSettings()}, may be null (none)
   * @return these options with the application's Hibernate settings replaced
   */
  public EntityModelOptions withHibernateSettings(Map<String, String> settings) {
    return new EntityModelOptions(classpath, packages, naming, defaultSchema, globallyQuotedIdentifiers, settings,
        applicationEntries, listedClasses, mappingFiles, excludeUnlistedClasses);
  }
}
