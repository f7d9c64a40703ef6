package dev.autogen.bench.peer;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The mapped classes of a class directory, found the way a package scan finds them (Spring's {@code
 * packagesToScan}, Hibernate's archive scanner): every class file under the packages' folders is
 * loaded without being initialised and kept when it is annotated {@code @Entity}, {@code @Embeddable}
 * or {@code @MappedSuperclass}.
 */
public final class EntityClasses {

  private static final Set<Class<? extends Annotation>> MAPPED = Set.of(Entity.class, Embeddable.class,
      MappedSuperclass.class);
  private static final String SUFFIX = ".class";

  private EntityClasses() {}

  /**
   * @param directory a class directory (the root of the package folders), never null
   * @param packages the packages to scan, subpackages included; never empty
   * @param loader a class loader that sees the directory and, through its parent, Jakarta Persistence
   * @return the mapped classes, sorted by name
   * @throws IOException when the directory cannot be read
   * @throws ClassNotFoundException when a class file's class cannot be loaded
   */
  public static List<Class<?>> scan(Path directory, List<String> packages, ClassLoader loader)
      throws IOException, ClassNotFoundException {
    List<String> names = new ArrayList<>();
    for (String p : packages) {
      Path folder = directory.resolve(p.replace('.', '/'));
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(folder)) {
        files.map(f -> directory.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/"))
            .filter(f -> f.endsWith(SUFFIX) && !f.endsWith("package-info" + SUFFIX))
            .map(f -> f.substring(0, f.length() - SUFFIX.length()).replace('/', '.'))
            .forEach(names::add);
      }
    }
    List<Class<?>> mapped = new ArrayList<>();
    for (String name : names.stream().sorted().distinct().toList()) {
      Class<?> type = Class.forName(name, false, loader);
      if (MAPPED.stream().anyMatch(type::isAnnotationPresent)) {
        mapped.add(type);
      }
    }
    return mapped;
  }
}
