package dev.autogen.cli.build;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import dev.autogen.cli.config.PersistenceUnit;
import dev.autogen.metadata.EntityModelOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The application's class path and which of its entries are the application's own (its build's output
 * directories), whose mapped classes are read when no {@code --packages} is given.
 *
 * @param entries the class path, in lookup order; never null
 * @param own the application's own entries; null when they are not known (a {@code --classpath} given by
 *     hand: then the default of {@link EntityModelOptions#scannedEntries()} applies)
 */
public record ApplicationClassPath(List<Path> entries, List<Path> own) {

  /** @throws NullPointerException when entries is null */
  public ApplicationClassPath {
    entries = List.copyOf(entries);
    own = own == null ? null : List.copyOf(own);
  }

  /**
   * @param entries a class path given by hand, never null
   * @return it, its own entries unknown
   */
  public static ApplicationClassPath given(List<Path> entries) {
    return new ApplicationClassPath(entries, null);
  }

  /**
   * @param resolved what a Maven build resolved, never null
   * @return its class path, its output directories as the application's own
   */
  public static ApplicationClassPath maven(MavenClassPath.Resolved resolved) {
    return new ApplicationClassPath(resolved.entries(), resolved.outputDirectories());
  }

  /**
   * @param options entity options over {@link #entries()}, never null
   * @param unit the persistence unit the application boots, null when none
   * @return the options with the application's own entries (its output directories, else the default
   *     of {@link EntityModelOptions#scannedEntries()}), plus the unit's root and jar files, and the
   *     unit's listed classes, mapping files and {@code exclude-unlisted-classes}; {@code options} as
   *     they are when neither the own entries nor a unit are known
   * @throws AutogenException with {@link ExitCode#USAGE} when a jar file of the unit is found nowhere
   */
  public EntityModelOptions select(EntityModelOptions options, PersistenceUnit unit) {
    if (unit == null && own == null) {
      return options;
    }
    List<Path> scanned = new ArrayList<>(own != null ? own : options.scannedEntries());
    if (unit == null) {
      return options.withSelection(scanned, null, null, false);
    }
    for (Path entry : unit.entries(entries)) {
      if (scanned.stream().noneMatch(s -> same(s, entry))) {
        scanned.add(entry);
      }
    }
    return options.withSelection(scanned, unit.classes(), unit.mappingFiles(), unit.excludeUnlistedClasses());
  }

  private static boolean same(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }
}
