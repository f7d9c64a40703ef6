package dev.autogen.cli.library;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.config.ApplicationConfig;
import dev.autogen.cli.config.Setting;
import dev.autogen.diff.LibraryTable;
import dev.autogen.model.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The libraries of {@link JdbcLibrary#known()} found on the application's class path, with the tables
 * each owns under the prefix the application configures. Only the class path says a library is there:
 * a table that merely looks like a library's is a table like any other.
 */
public final class LibraryTables {

  /**
   * One library found on the class path.
   *
   * @param library the library, never null
   * @param entry the class path entry (jar or directory) that holds its marker class, never null
   * @param prefix the prefix (or name) its tables are called by, as configured, never null
   * @param source where the prefix came from: the configuration file and line or environment variable,
   *     else {@code default}; never null
   * @param tables its tables and sequences, as the catalog spells them, never empty
   */
  public record Found(JdbcLibrary library, Path entry, String prefix, String source, List<LibraryTable> tables) {

    /** @throws NullPointerException when a component is null */
    public Found {
      tables = List.copyOf(tables);
    }

    /** @return the table names, comma-separated, e.g. {@code int_message, int_lock, ...} */
    public String names() {
      return String.join(", ", tables.stream().map(t -> (t.schema() == null ? "" : t.schema() + ".") + t.name())
          .toList());
    }
  }

  private LibraryTables() {}

  /**
   * @param classpath the application's class path entries (jars and directories); entries that do not
   *     exist are skipped, as a class loader skips them; never null
   * @param config the application's configuration, whose prefix properties apply ({@link
   *     JdbcLibrary#property()}); never null
   * @param dialect folds the unquoted names as the database does, never null
   * @return the libraries found, in {@link JdbcLibrary#known()} order; empty when none is there
   * @throws AutogenException with {@link dev.autogen.cli.ExitCode#USAGE} when a jar cannot be read, or a
   *     prefix property's placeholder cannot be resolved
   */
  public static List<Found> onClassPath(List<Path> classpath, ApplicationConfig config, Dialect dialect) {
    List<Found> found = new ArrayList<>();
    for (JdbcLibrary library : JdbcLibrary.known()) {
      for (Path entry : classpath) {
        if (holdsAny(entry, library.markers())) {
          found.add(found(library, entry, config, dialect));
          break;
        }
      }
    }
    return List.copyOf(found);
  }

  /**
   * @param found libraries found by {@link #onClassPath}
   * @return all their tables and sequences
   */
  public static List<LibraryTable> tables(List<Found> found) {
    return found.stream().flatMap(f -> f.tables().stream()).toList();
  }

  private static Found found(JdbcLibrary library, Path entry, ApplicationConfig config, Dialect dialect) {
    String prefix = library.defaultPrefix();
    String source = "default";
    if (library.property() != null) {
      java.util.Optional<Setting> setting = config.setting(library.property());
      if (setting.isPresent() && !config.resolve(setting.get()).isBlank()) {
        prefix = config.resolve(setting.get()).trim();
        source = setting.get().source();
      }
    }
    // a prefix may name a schema: "app.BATCH_" puts the tables in schema app
    int dot = prefix.lastIndexOf('.');
    String schema = dot < 0 ? null : dialect.foldIdentifier(prefix.substring(0, dot));
    String namePrefix = prefix.substring(dot + 1);
    List<LibraryTable> tables = new ArrayList<>();
    for (String suffix : library.suffixes()) {
      tables.add(new LibraryTable(library.library(), schema, dialect.foldIdentifier(namePrefix + suffix)));
    }
    return new Found(library, entry, prefix, source, tables);
  }

  private static boolean holdsAny(Path entry, List<String> resources) {
    if (Files.isDirectory(entry)) {
      return resources.stream().anyMatch(r -> Files.isRegularFile(entry.resolve(r)));
    }
    if (!Files.isRegularFile(entry)) {
      return false;
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      return resources.stream().anyMatch(r -> jar.getEntry(r) != null);
    } catch (IOException e) {
      throw new AutogenException(dev.autogen.cli.ExitCode.USAGE, "--classpath: cannot read " + entry + " as a jar ("
          + String.valueOf(e.getMessage()).strip() + ")", e);
    }
  }
}
