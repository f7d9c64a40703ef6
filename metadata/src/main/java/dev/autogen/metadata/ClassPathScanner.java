package dev.autogen.metadata;

import dev.autogen.model.SchemaSourceException;
import dev.autogen.model.SchemaSourceException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists the classes that directories and jars hold, limited to some packages. Only names are
 * read; nothing is loaded.
 */
final class ClassPathScanner {

  private static final String CLASS_SUFFIX = ".class";

  private final List<String> packages;

  /**
   * @param packages package names whose classes (and whose subpackages' classes) are listed; empty
   *     lists every class
   */
  ClassPathScanner(List<String> packages) {
    this.packages = List.copyOf(packages);
  }

  /**
   * @param entries existing directories and jars, never null
   * @return the binary names of the classes in the packages, sorted and without duplicates; package-info
   *     classes are included ({@code a.b.package-info}), module-info is not
   * @throws SchemaSourceException ({@link Reason#INPUT}) when an entry is neither a directory nor a
   *     readable jar
   */
  List<String> classNames(List<Path> entries) {
    TreeSet<String> names = new TreeSet<>();
    for (Path entry : entries) {
      List<String> found = Files.isDirectory(entry) ? inDirectory(entry) : inJar(entry);
      found.stream().filter(this::inPackages).forEach(names::add);
    }
    return List.copyOf(names);
  }

  private boolean inPackages(String className) {
    if (className.endsWith("module-info")) {
      return false;
    }
    if (packages.isEmpty()) {
      return true;
    }
    int dot = className.lastIndexOf('.');
    String pkg = dot < 0 ? "" : className.substring(0, dot);
    return packages.stream().anyMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."));
  }

  private static List<String> inDirectory(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.getFileName().toString().endsWith(CLASS_SUFFIX) && Files.isRegularFile(f))
          .map(f -> toClassName(root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/")))
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new SchemaSourceException(Reason.INPUT, "cannot read classpath directory " + root + ": " + e.getMessage(), e);
    }
  }

  private static List<String> inJar(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      List<String> names = new ArrayList<>();
      for (var entry : Collections.list(file.entries())) {
        String name = entry.getName();
        if (!entry.isDirectory() && name.endsWith(CLASS_SUFFIX) && !name.startsWith("META-INF/")) {
          names.add(toClassName(name));
        }
      }
      return names;
    } catch (IOException e) {
      throw new SchemaSourceException(Reason.INPUT, "classpath entry " + jar
          + " is neither a directory nor a readable jar: pass directories or jars with --classpath", e);
    }
  }

  private static String toClassName(String resourcePath) {
    return resourcePath.substring(0, resourcePath.length() - CLASS_SUFFIX.length()).replace('/', '.');
  }
}
