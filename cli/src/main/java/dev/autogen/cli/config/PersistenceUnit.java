package dev.autogen.cli.config;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code <persistence-unit>} of a {@code META-INF/persistence.xml} (Jakarta Persistence 3.2, 8.2.1
 * "persistence.xml file"): what the application's JPA bootstrap maps and the settings it gives its
 * provider.
 *
 * @param name the unit's {@code name}, never null (empty when the file gives none)
 * @param classes its {@code <class>} entries, in document order; never null
 * @param jarFiles its {@code <jar-file>} entries as written; never null
 * @param mappingFiles its {@code <mapping-file>} entries (orm.xml resources); never null
 * @param excludeUnlistedClasses its {@code <exclude-unlisted-classes>}: true when the element is present
 *     and empty or {@code true}; false when absent (Hibernate then scans the unit's root, as it does in
 *     Java SE too)
 * @param properties its {@code <properties>}, each with source {@code file:line}; never null
 * @param source the file, for messages; never null
 * @param root the class path entry (directory or jar) whose {@code META-INF/persistence.xml} declares
 *     it, the unit's root; null when unknown
 */
public record PersistenceUnit(String name, List<String> classes, List<String> jarFiles, List<String> mappingFiles,
    boolean excludeUnlistedClasses, List<Setting> properties, String source, Path root) {

  /** @throws NullPointerException when a component other than root is null */
  public PersistenceUnit {
    classes = List.copyOf(classes);
    jarFiles = List.copyOf(jarFiles);
    mappingFiles = List.copyOf(mappingFiles);
    properties = List.copyOf(properties);
    java.util.Objects.requireNonNull(name, "name");
    java.util.Objects.requireNonNull(source, "source");
  }

  /**
   * The application's own entries this unit adds: its root and its {@code <jar-file>}s. A jar file is
   * found, in this order, as an absolute path; as the class path entry of the same file name (a Maven
   * or Gradle class path holds {@code model-1.0.jar} wherever its repository is); relative to the
   * directory that holds the unit's root (Jakarta Persistence 8.2.1.6.3: "relative to the directory or
   * jar file that contains the root of the persistence unit").
   *
   * @param classpath the application's class path, never null
   * @return the root (when known) and the jar files, never null
   * @throws AutogenException with {@link ExitCode#USAGE} when a jar file is found nowhere
   */
  public List<Path> entries(List<Path> classpath) {
    List<Path> entries = new ArrayList<>();
    if (root != null) {
      entries.add(root);
    }
    for (String jar : jarFiles) {
      entries.add(jarFile(jar.strip(), classpath));
    }
    return List.copyOf(entries);
  }

  private Path jarFile(String jar, List<Path> classpath) {
    Path path = Path.of(jar.startsWith("file:") ? jar.substring("file:".length()) : jar);
    if (path.isAbsolute() && Files.exists(path)) {
      return path;
    }
    for (Path entry : classpath) {
      if (entry.getFileName() != null && path.getFileName() != null && entry.getFileName().equals(path.getFileName())) {
        return entry;
      }
    }
    Path relative = root == null ? null : root.toAbsolutePath().getParent();
    if (relative != null && Files.exists(relative.resolve(path).normalize())) {
      return relative.resolve(path).normalize();
    }
    throw new AutogenException(ExitCode.USAGE, source + ": persistence unit '" + name + "': <jar-file>" + jar
        + "</jar-file> is neither on the class path nor next to the unit's root"
        + (relative == null ? "" : " (" + relative + ")") + ": add the jar to the class path");
  }
}
