package dev.autogen.metadata;

import dev.autogen.model.MissingClassException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;

/**
 * Which classes and mapping files go to Hibernate, as the application's runtime finds them (Jakarta
 * Persistence 3.2, 8.2.1.6 "Mapping Files, Jar Files and Managed Classes"; Spring Boot scans its
 * application's own packages): with {@link EntityModelOptions#packages()}, every class of those
 * packages on the whole class path; else, unless {@link EntityModelOptions#excludeUnlistedClasses()},
 * every class of {@link EntityModelOptions#scannedEntries()} (the application's own output, never its
 * dependency jars); and in either case the persistence unit's {@link
 * EntityModelOptions#listedClasses()}. A global mapping in a dependency jar (an {@code @Converter(autoApply
 * = true)}, an annotated {@code package-info}) therefore applies only when the application registers
 * it: it lies in the scanned packages or entries, or the persistence unit lists it.
 */
final class EntityScan {

  /** The mapping file a persistence unit root holds by default (Jakarta Persistence 3.2, 8.2.1.6.2). */
  static final String DEFAULT_ORM_XML = "META-INF/orm.xml";

  private EntityScan() {}

  /**
   * @param options what to read, never null
   * @param loader the class loader over {@link EntityModelOptions#classpath()}
   * @return the binary names of the candidate classes, sorted, without duplicates
   * @throws MissingClassException when a listed class is not on the class path
   * @throws dev.autogen.model.SchemaSourceException as {@link ClassPathScanner#classNames}
   */
  static List<String> classNames(EntityModelOptions options, ClassLoader loader) {
    TreeSet<String> names = new TreeSet<>();
    if (!options.packages().isEmpty()) {
      names.addAll(new ClassPathScanner(options.packages()).classNames(options.classpath()));
    } else if (!options.excludeUnlistedClasses()) {
      names.addAll(new ClassPathScanner(List.of()).classNames(options.scannedEntries()));
    }
    for (String listed : options.listedClasses()) {
      if (loader.getResource(listed.replace('.', '/') + ".class") == null) {
        throw new MissingClassException("class " + listed + ", which the persistence unit lists, is not on the class "
            + "path: add the jar or directory that holds it, or remove it from persistence.xml", listed, null);
      }
      names.add(listed);
    }
    return List.copyOf(names);
  }

  /**
   * @param options what to read, never null
   * @return the mapping files to read: {@link EntityModelOptions#mappingFiles()}, then {@value
   *     #DEFAULT_ORM_XML} when a scanned entry (or, with {@code packages}, any class path entry) holds
   *     one and it is not listed already
   */
  static List<String> mappingFiles(EntityModelOptions options) {
    List<String> files = new ArrayList<>(options.mappingFiles());
    List<Path> roots = options.packages().isEmpty() ? options.scannedEntries() : options.classpath();
    if (!files.contains(DEFAULT_ORM_XML) && roots.stream().anyMatch(r -> holds(r, DEFAULT_ORM_XML))) {
      files.add(DEFAULT_ORM_XML);
    }
    return List.copyOf(files);
  }

  private static boolean holds(Path entry, String resource) {
    if (Files.isDirectory(entry)) {
      return Files.isRegularFile(entry.resolve(resource));
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      return jar.getEntry(resource) != null;
    } catch (IOException e) {
      return false; // not a jar: the scan reports it
    }
  }
}
