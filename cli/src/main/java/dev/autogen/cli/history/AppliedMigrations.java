package dev.autogen.cli.history;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import dev.autogen.cli.history.MigrationHistory.Migration;
import dev.autogen.cli.source.DatabaseLogin;
import dev.autogen.introspect.postgres.PostgresConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.flywaydb.core.api.MigrationVersion;

/**
 * What a live database's Flyway history table records as applied, read only with plain SQL (Flyway's
 * own {@code info()} cannot read it while the directory has two migrations of one version, which is
 * when {@code autogen rebase} needs it).
 *
 * @param table the history table read, schema-qualified, e.g. {@code public.flyway_schema_history}
 * @param entries its rows that carry a version: the version and the script (the file's path relative to
 *     its location); empty when the table does not exist (nothing applied)
 */
public record AppliedMigrations(String table, List<Entry> entries) {

  /**
   * One row of the history.
   *
   * @param version the version Flyway recorded, never null
   * @param script the script Flyway recorded, e.g. {@code V4__add_bio.sql}, never null
   */
  public record Entry(MigrationVersion version, String script) {}

  /** Copies the list. */
  public AppliedMigrations {
    Objects.requireNonNull(table, "table");
    entries = List.copyOf(entries);
  }

  /**
   * @param login the live database, never null
   * @param schema the schema of the history table ({@code --flyway-schema}), or null for the
   *     connection's current schema, Flyway's default
   * @param table the history table's name, never null
   * @return what the table records
   * @throws AutogenException with {@link ExitCode#DATABASE} when the database cannot be read
   */
  public static AppliedMigrations read(DatabaseLogin login, String schema, String table) {
    try (Connection connection = PostgresConnections.open(login.url(), login.user(), login.password())) {
      String where;
      try (PreparedStatement find = connection.prepareStatement("select coalesce(?, current_schema()), "
          + "to_regclass(format('%I.%I', coalesce(?, current_schema()), ?::text)) is not null")) {
        find.setString(1, schema);
        find.setString(2, schema);
        find.setString(3, table);
        try (ResultSet found = find.executeQuery()) {
          found.next();
          where = found.getString(1);
          if (where == null || !found.getBoolean(2)) {
            return new AppliedMigrations((where == null ? "" : where + ".") + table, List.of());
          }
        }
      }
      List<Entry> entries = new ArrayList<>();
      try (Statement select = connection.createStatement();
          ResultSet rows = select.executeQuery("select version, script from " + quote(where) + "." + quote(table)
              + " where version is not null and script is not null")) {
        while (rows.next()) {
          entries.add(new Entry(MigrationVersion.fromVersion(rows.getString(1)), rows.getString(2)));
        }
      }
      return new AppliedMigrations(where + "." + table, entries);
    } catch (SQLException e) {
      throw new AutogenException(ExitCode.DATABASE, "cannot read the Flyway history of " + login + ": "
          + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /**
   * @param migration a migration of the directory, never null
   * @return whether the history records it: same version and the same file name (a base's migration
   *     of the same version under another name is not it)
   */
  public boolean applied(Migration migration) {
    return entries.stream().anyMatch(e -> e.version().equals(migration.version())
        && e.script().substring(e.script().lastIndexOf('/') + 1).equals(migration.fileName()));
  }
}
