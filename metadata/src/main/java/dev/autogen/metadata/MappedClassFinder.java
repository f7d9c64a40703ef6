package dev.autogen.metadata;

import dev.autogen.model.MissingClassException;
import dev.autogen.model.SchemaSourceException;
import dev.autogen.model.SchemaSourceException.Reason;
import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Loads the listed classes (without initialising them) and keeps those the JPA mapping needs: classes
 * annotated {@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass} or {@code @Converter}, and
 * {@code package-info} classes that carry JPA or Hibernate annotations.
 *
 * <p>A class that cannot be read is never silently left out when it may be part of the mapping, since
 * an entity left out becomes a {@code drop table}: a damaged class file ({@link ClassFormatError}, e.g.
 * truncated) or one compiled for a newer Java ({@link UnsupportedClassVersionError}, named with both
 * versions by {@link ClassFileVersion}) is always an error, whatever the class; a class
 * that fails to load for a missing dependency ({@link NoClassDefFoundError}) is an error when its class
 * file names {@code @Entity}, {@code @Embeddable} or {@code @MappedSuperclass} (JVM Specification 4.4:
 * annotation types are in the constant pool), and is skipped otherwise (a service class beside the
 * entities whose libraries are not on the class path).
 */
final class MappedClassFinder {

  private static final Set<Class<? extends Annotation>> MAPPED = Set.of(
      Entity.class, Embeddable.class, MappedSuperclass.class, Converter.class);
  private static final String PACKAGE_INFO = ".package-info";
  private static final List<byte[]> MAPPING_DESCRIPTORS = java.util.stream.Stream.of(
          "Ljakarta/persistence/Entity;", "Ljakarta/persistence/Embeddable;", "Ljakarta/persistence/MappedSuperclass;")
      .map(d -> d.getBytes(StandardCharsets.US_ASCII)).toList();
  private static final byte[] JAVAX_ENTITY_DESCRIPTOR = "Ljavax/persistence/Entity;".getBytes(StandardCharsets.US_ASCII);

  private final ClassLoader loader;

  /** @param loader the class loader that sees the entities and, through its parent, JPA and Hibernate */
  MappedClassFinder(ClassLoader loader) {
    this.loader = loader;
  }

  /**
   * @param classNames binary class names, e.g. from {@link ClassPathScanner}
   * @return the mapped classes among them
   * @throws SchemaSourceException ({@link Reason#INPUT}) when an entity class cannot be loaded
   */
  MappedClasses find(List<String> classNames) {
    List<Class<?>> classes = new ArrayList<>();
    List<String> packages = new ArrayList<>();
    List<String> javaxEntities = new ArrayList<>();
    int entities = 0;
    for (String name : classNames) {
      Class<?> type = load(name);
      if (type == null) {
        continue;
      }
      if (name.endsWith(PACKAGE_INFO)) {
        if (hasMappingAnnotation(type)) {
          packages.add(name.substring(0, name.length() - PACKAGE_INFO.length()));
        }
      } else if (MAPPED.stream().anyMatch(type::isAnnotationPresent)) {
        classes.add(type);
        entities += type.isAnnotationPresent(Entity.class) ? 1 : 0;
      }
    }
    if (entities == 0) {
      classNames.stream().filter(n -> declares(n, JAVAX_ENTITY_DESCRIPTOR)).forEach(javaxEntities::add);
    }
    return new MappedClasses(classes, packages, entities, javaxEntities);
  }

  /**
   * @return the class, or null when it (or its annotations) cannot be loaded for a missing dependency
   *     and its class file names no JPA mapping annotation
   * @throws SchemaSourceException ({@link Reason#INPUT}) when its class file is damaged, or when it is
   *     mapped and cannot be loaded
   */
  private Class<?> load(String name) {
    try {
      Class<?> type = Class.forName(name, false, loader);
      type.getAnnotations();
      return type;
    } catch (UnsupportedClassVersionError e) {
      throw ClassFileVersion.tooNew(e, name, loader);
    } catch (ClassFormatError e) {
      throw new SchemaSourceException(Reason.INPUT, "class " + name + " cannot be read: its class file is damaged ("
          + e.getClass().getSimpleName() + ": " + Messages.oneLine(e.getMessage()) + "): rebuild the project", e);
    } catch (ClassNotFoundException | LinkageError | TypeNotPresentException | ArrayStoreException e) {
      if (MAPPING_DESCRIPTORS.stream().anyMatch(d -> declares(name, d))) {
        String kind = declares(name, MAPPING_DESCRIPTORS.get(0)) ? "entity class " : "mapped class ";
        String message = kind + name + " cannot be loaded (" + e.getClass().getSimpleName() + ": "
            + Messages.oneLine(e.getMessage()) + "): add the jars it depends on to --classpath";
        String missing = MissingClasses.className(e);
        throw missing == null ? new SchemaSourceException(Reason.INPUT, message, e)
            : new MissingClassException(message, missing, e);
      }
      return null;
    }
  }

  /**
   * @param mapped the classes found to be mapped
   * @param internalName a class's internal name ({@code shop/Extra}, JVM Specification 4.2.1)
   * @return the names of the mapped classes whose class files refer to that class
   */
  List<String> referring(List<Class<?>> mapped, String internalName) {
    byte[] needle = internalName.getBytes(StandardCharsets.UTF_8);
    return mapped.stream().map(Class::getName).filter(n -> declares(n, needle)).toList();
  }

  private static boolean hasMappingAnnotation(Class<?> packageInfo) {
    for (Annotation a : packageInfo.getAnnotations()) {
      String pkg = a.annotationType().getPackageName();
      if (pkg.startsWith("jakarta.persistence") || pkg.startsWith("org.hibernate.annotations")) {
        return true;
      }
    }
    return false;
  }

  /** Whether the class file's constant pool names the given annotation descriptor. */
  private boolean declares(String className, byte[] descriptor) {
    try (InputStream in = loader.getResourceAsStream(className.replace('.', '/') + ".class")) {
      return in != null && contains(in.readAllBytes(), descriptor);
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

}
