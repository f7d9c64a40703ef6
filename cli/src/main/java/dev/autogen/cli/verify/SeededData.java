package dev.autogen.cli.verify;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import dev.autogen.cli.source.DatabaseLogin;
import dev.autogen.introspect.postgres.PostgresConnections;
import dev.autogen.model.Catalog;
import dev.autogen.model.Schema;
import dev.autogen.model.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The data side of {@code autogen verify}'s stairway: per-version seed files ({@code
 * src/test/resources/autogen/seed/V3.sql} is run after {@code V3}), so that later migrations run on
 * tables that hold rows, and a fingerprint of every table (its row count and an MD5 checksum of its
 * rows as text, in text order) taken before a migration and compared after its undo file, so that an
 * undo that loses data (a dropped column added back empty, a type narrowed and widened) fails.
 */
public final class SeededData {

  private final Map<MigrationVersion, Path> seeds;

  private SeededData(Map<MigrationVersion, Path> seeds) {
    this.seeds = Map.copyOf(seeds);
  }

  /** @return no seed files: nothing seeded, no data compared */
  public static SeededData none() {
    return new SeededData(Map.of());
  }

  /**
   * @param directory the seed directory, never null; a missing one holds no seeds
   * @param prefix the project's versioned-migration prefix ({@code V})
   * @param versions the directory's migrations, to which each seed must belong
   * @return the seed files by version
   * @throws AutogenException with {@link ExitCode#USAGE} for a file not named {@code <prefix><version>.sql}
   *     or of a version no migration has
   */
  public static SeededData in(Path directory, String prefix, MigrationVersions versions) {
    if (!Files.isDirectory(directory)) {
      return none();
    }
    Map<MigrationVersion, Path> seeds = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = file.getFileName().toString();
        MigrationVersion version = name.startsWith(prefix) && name.endsWith(".sql")
            ? version(name.substring(prefix.length(), name.length() - ".sql".length())) : null;
        if (version == null) {
          throw new AutogenException(ExitCode.USAGE, "seed file " + file + " is not named " + prefix
              + "<version>.sql (the version of the migration after which it is inserted)");
        }
        if (versions.versioned().stream().noneMatch(m -> m.version().equals(version))) {
          throw new AutogenException(ExitCode.USAGE, "seed file " + file + ": no migration has version " + version);
        }
        seeds.put(version, file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
    }
    return new SeededData(seeds);
  }

  private static MigrationVersion version(String text) {
    try {
      MigrationVersion v = MigrationVersion.fromVersion(text);
      return v.getVersion() == null ? null : v;
    } catch (FlywayException | NumberFormatException e) {
      return null;
    }
  }

  /** @return whether there is any seed file (else no fingerprints are taken) */
  public boolean any() {
    return !seeds.isEmpty();
  }

  /**
   * @param version a migration's version
   * @return the seed file to run after it, or empty
   */
  public Optional<Path> after(MigrationVersion version) {
    return seeds.entrySet().stream().filter(e -> e.getKey().equals(version)).map(Map.Entry::getValue).findFirst();
  }

  /**
   * @param database the database, never null
   * @param catalog its catalog, whose tables are fingerprinted, never null
   * @return per table ({@code schema.table}) its row count and checksum, e.g. {@code 3 rows, md5 1f3c...}
   * @throws AutogenException with {@link ExitCode#DATABASE} when a table cannot be read
   */
  public static Map<String, String> fingerprint(DatabaseLogin database, Catalog catalog) {
    Map<String, String> prints = new TreeMap<>();
    try (Connection c = PostgresConnections.open(database.url(), database.user(), database.password());
        Statement s = c.createStatement()) {
      for (Schema schema : catalog.schemas()) {
        for (Table table : schema.tables()) {
          String name = quote(schema.name()) + "." + quote(table.name());
          try (ResultSet r = s.executeQuery("select count(*), md5(coalesce(string_agg(t::text, E'\\n' order by "
              + "t::text), '')) from " + name + " t")) {
            r.next();
            prints.put(schema.name() + "." + table.name(), r.getLong(1) + " rows, md5 " + r.getString(2));
          }
        }
      }
    } catch (SQLException e) {
      throw new AutogenException(ExitCode.DATABASE, "cannot read the seeded rows of " + database + ": "
          + e.getMessage(), e);
    }
    return prints;
  }

  /**
   * @param before the fingerprints before the migration
   * @param after the fingerprints after its undo file
   * @return the first table of {@code before} whose rows differ (or which is gone), as one line; empty
   *     when every table holds the same rows
   */
  public static Optional<String> firstDifference(Map<String, String> before, Map<String, String> after) {
    return before.entrySet().stream().filter(e -> !e.getValue().equals(after.get(e.getKey())))
        .map(e -> "table " + e.getKey() + " held " + e.getValue() + " before, "
            + (after.containsKey(e.getKey()) ? after.get(e.getKey()) : "nothing") + " after the undo")
        .findFirst();
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
