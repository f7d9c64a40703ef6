package dev.autogen.codegen.flyway;

import java.util.List;
import java.util.Objects;

/**
 * How a project names its Flyway SQL migrations (Flyway "Configuration": {@code sqlMigrationPrefix},
 * {@code undoSqlMigrationPrefix}, {@code sqlMigrationSeparator}, {@code sqlMigrationSuffixes}; Spring
 * Boot's {@code spring.flyway.sql-migration-prefix}, {@code undo-sql-migration-prefix}, {@code
 * sql-migration-separator}, {@code sql-migration-suffixes}): a versioned migration is {@code
 * <prefix><version><separator><description><suffix>}, its undo the same under the undo prefix. Flyway
 * reads files with any of the suffixes; new files get the first.
 *
 * @param prefix the versioned migrations' prefix, Flyway's default {@code V}; never null or empty
 * @param undoPrefix the undo migrations' prefix, Flyway's default {@code U}; never null or empty
 * @param separator between version and description, Flyway's default {@code __}; never null or empty
 * @param suffixes the file name endings Flyway reads, Flyway's default {@code .sql}; never null or
 *     empty, no item empty
 */
public record FlywayNaming(String prefix, String undoPrefix, String separator, List<String> suffixes) {

  /** Flyway's defaults: {@code V1__description.sql} and {@code U1__description.sql}. */
  public static final FlywayNaming DEFAULT = new FlywayNaming("V", "U", "__", List.of(".sql"));

  /**
   * @throws NullPointerException when a component is null
   * @throws IllegalArgumentException when a prefix, the separator or a suffix is empty, or the two
   *     prefixes are equal (Flyway could not tell a migration from its undo)
   */
  public FlywayNaming {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(undoPrefix, "undoPrefix");
    Objects.requireNonNull(separator, "separator");
    suffixes = List.copyOf(suffixes);
    if (prefix.isEmpty() || undoPrefix.isEmpty() || separator.isEmpty() || suffixes.isEmpty()
        || suffixes.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("the Flyway prefixes, separator and suffixes must not be empty");
    }
    if (prefix.equals(undoPrefix)) {
      throw new IllegalArgumentException("the Flyway migration prefix and undo prefix are both '" + prefix + "'");
    }
  }

  /** @return the suffix of new files: the first of {@link #suffixes()} */
  public String suffix() {
    return suffixes.get(0);
  }

  /**
   * @param version the Flyway version, e.g. {@code 2}, never null
   * @param description the description (a slug), never null
   * @return the versioned migration's file name, e.g. {@code V2__add_bio.sql}
   */
  public String upgradeFileName(String version, String description) {
    return prefix + version + separator + description + suffix();
  }

  /**
   * @param version the Flyway version, never null
   * @param description the description (a slug), never null
   * @return the undo migration's file name, e.g. {@code U2__add_bio.sql}
   */
  public String undoFileName(String version, String description) {
    return undoPrefix + version + separator + description + suffix();
  }

  /** @return the naming as one line, e.g. {@code V|U|__|.sql}, for cache keys */
  @Override
  public String toString() {
    return prefix + "|" + undoPrefix + "|" + separator + "|" + String.join(",", suffixes);
  }
}
