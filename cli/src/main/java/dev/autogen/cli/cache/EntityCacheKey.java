package dev.autogen.cli.cache;

import dev.autogen.metadata.EntityModelOptions;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The key of the catalog read from the entities ({@code HibernateEntityReader}): everything that
 * reading depends on besides autogen's own version (which {@link CatalogCache#key(String)} adds).
 *
 * <ul>
 *   <li>Hibernate ORM's version ({@code org.hibernate.Version}) and the Java feature version, which
 *       decide how the classes are bound and read;
 *   <li>the options: naming strategy, packages (in order), default schema and quoted identifiers, and
 *       the selection of the application's own entries and persistence unit (application entries,
 *       listed classes, mapping files, exclude-unlisted-classes);
 *   <li>the application's Hibernate settings, every key and value ({@link
 *       EntityModelOptions#hibernateSettings()}: {@code spring.jpa.properties.hibernate.*}, {@code
 *       hibernate.properties}, {@code autogen.properties}, system properties), so that changing one reads
 *       the entities again;
 *   <li>the dev server that resolves {@code columnDefinition} texts;
 *   <li>each class path entry in order: for a directory, the relative path and content of every file the
 *       mapping is read from ({@link #readByTheMapping(Path)}: class files, and what Bean Validation and
 *       Hibernate read besides them: XML such as {@code META-INF/validation.xml}, constraint mappings and
 *       {@code orm.xml}, and {@code META-INF/services} entries such as a validation provider), so a rebuild
 *       that writes the same bytes still hits, and a moved project too; for a
 *       jar, its absolute path, size and modification time (reading a whole dependency jar would cost
 *       about what the cache saves); for a missing entry, its path (the reader then fails, and failures
 *       are never cached).
 * </ul>
 *
 * Classes outside {@code packages} are hashed too: a {@code @MappedSuperclass}, an embeddable or a
 * naming strategy elsewhere on the class path can change the entities' tables.
 */
public final class EntityCacheKey {

  /** The kind of entity-model entries. */
  public static final String KIND = "entities";

  private EntityCacheKey() {}

  /**
   * @param cache the cache the key is for
   * @param options the options of the entity read, never null
   * @param columnDefinitionServer the identity of the server that resolves {@code columnDefinition}
   *     texts ({@link dev.autogen.cli.source.CurrentSchema#devServerIdentity()}), or null when unknown
   * @return the key
   * @throws java.io.UncheckedIOException when a class path entry cannot be read
   */
  public static CacheKey of(CatalogCache cache, EntityModelOptions options, String columnDefinitionServer) {
    KeyHasher hasher = cache.key(KIND)
        // which classes and mapping files are read: the application's own entries and its persistence unit
        .texts("application entries", options.applicationEntries().stream()
            .map(p -> p.toAbsolutePath().normalize().toString()).toList())
        .texts("listed classes", options.listedClasses())
        .texts("mapping files", options.mappingFiles())
        .text("exclude unlisted classes", Boolean.toString(options.excludeUnlistedClasses()))
        .text("hibernate", org.hibernate.Version.getVersionString())
        .text("java", Integer.toString(Runtime.version().feature()))
        .text("naming", options.naming())
        .texts("packages", options.packages())
        .text("default schema", options.defaultSchema())
        .text("quoted identifiers", Boolean.toString(options.globallyQuotedIdentifiers()))
        .text("column definitions resolved on", columnDefinitionServer)
        .text("hibernate settings", Integer.toString(options.hibernateSettings().size()));
    options.hibernateSettings().forEach((key, value) -> hasher.text("setting", key).text("value", value));
    for (Path entry : options.classpath()) {
      if (Files.isDirectory(entry)) {
        hasher.tree("directory", entry, p -> readByTheMapping(entry.relativize(p)));
      } else if (Files.isRegularFile(entry)) {
        hasher.fileStamp("jar", entry);
      } else {
        hasher.text("missing", entry.toAbsolutePath().toString());
      }
    }
    return hasher.key();
  }

  /**
   * @param file a file's path relative to a class path directory
   * @return whether reading the entities may depend on it: a {@code .class} file; an {@code .xml} file
   *     (Bean Validation's {@code META-INF/validation.xml} names constraint-mapping files anywhere on the
   *     class path, and Hibernate reads {@code orm.xml} and {@code persistence.xml}); a file under {@code
   *     META-INF/services/} (how Bean Validation finds its provider and Hibernate its integrations)
   */
  static boolean readByTheMapping(Path file) {
    String name = file.toString().replace(file.getFileSystem().getSeparator(), "/");
    return name.endsWith(".class") || name.endsWith(".xml") || name.startsWith("META-INF/services/");
  }
}
