package dev.autogen.cli.history;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import dev.autogen.cli.source.DatabaseLogin;
import dev.autogen.cli.source.DevServer;
import dev.autogen.cli.source.FlywayMigrations;
import dev.autogen.cli.source.ScratchDatabase;
import dev.autogen.cli.verify.ExactCatalogComparison;
import dev.autogen.introspect.IntrospectOptions;
import dev.autogen.introspect.PostgresIntrospector;
import dev.autogen.model.Catalog;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Schema drift from the history: whether a live database's catalog is exactly what its applied
 * migrations build. The directory's migrations up to the applied version are replayed with Flyway's
 * library ({@link FlywayMigrations#migrate(DatabaseLogin, MigrationVersion)}) on a private scratch
 * database of the dev server, and the two catalogs are compared exactly ({@link ExactCatalogComparison}):
 * a column added by hand, a dropped index, a changed default. The live database is only read.
 *
 * @param outcome what was found, never null
 * @param message one line: the first difference, why it was not checked, or what the replay was
 */
public record HistoryDrift(Outcome outcome, String message) {

  /** What the comparison found. */
  public enum Outcome {
    /** The live catalog is exactly the replayed one. */
    NONE,
    /** They differ: {@link #message()} names the first difference. */
    DRIFT,
    /** The history cannot be replayed as the live database applied it (missing files, a baseline). */
    NOT_CHECKED,
    /** A migration the live database applied fails on the scratch database. */
    REPLAY_FAILED
  }

  /** @throws NullPointerException when an argument is null */
  public HistoryDrift {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
  }

  /** @return whether it is a problem: drift, or applied migrations that do not replay */
  public boolean problem() {
    return outcome == Outcome.DRIFT || outcome == Outcome.REPLAY_FAILED;
  }

  /**
   * @param migrations the migrations directory, with the project's naming and history table, never null
   * @param status where the live database stands ({@link DatabaseStatus#of}), never null
   * @param live the live database, read only, never null
   * @param devServer starts the dev server (embedded PostgreSQL unless {@code --dev-url}), called at
   *     most once and only when the history can be replayed; never null
   * @param introspect which schemas and tables both catalogs read, never null
   * @return the outcome
   * @throws AutogenException with {@link ExitCode#DATABASE} when a database cannot be read or the dev
   *     server refuses
   * @throws dev.autogen.model.SchemaSourceException when introspection fails
   */
  public static HistoryDrift check(FlywayMigrations migrations, DatabaseStatus status, DatabaseLogin live,
      Supplier<DevServer> devServer, IntrospectOptions introspect) {
    if (!status.missing().isEmpty()) {
      return new HistoryDrift(Outcome.NOT_CHECKED, "not checked: the directory lacks applied migration(s) "
          + status.missing().stream().map(DatabaseStatus.Entry::label).collect(Collectors.joining(", ")));
    }
    if (status.baselined()) {
      return new HistoryDrift(Outcome.NOT_CHECKED, "not checked: the history starts at a baseline, which no "
          + "migration builds");
    }
    Optional<DatabaseStatus.Entry> skipped = status.pending().stream()
        .filter(p -> status.current().isPresent() && version(p).compareTo(version(status.current().get())) < 0)
        .findFirst();
    if (skipped.isPresent()) {
      return new HistoryDrift(Outcome.NOT_CHECKED, "not checked: " + skipped.get().label()
          + " is below the applied version but not applied, so no replay of the directory builds this history");
    }
    Catalog actual = read(live, introspect);
    try (DevServer server = devServer.get(); ScratchDatabase scratch = ScratchDatabase.create(server)) {
      String upTo = status.current().map(c -> "replayed up to " + c.label()).orElse("no migration applied");
      if (status.current().isPresent()) {
        try {
          migrations.migrate(scratch.login(), version(status.current().get()));
        } catch (AutogenException e) {
          if (e.exitCode() == ExitCode.DATABASE) {
            throw e;
          }
          return new HistoryDrift(Outcome.REPLAY_FAILED, "the applied migrations do not replay on the dev server: "
              + e.getMessage());
        }
      }
      Catalog replayed = read(scratch.login(), introspect);
      return ExactCatalogComparison.firstDifference(replayed, actual, "in the replayed history", "in the live database")
          .map(d -> new HistoryDrift(Outcome.DRIFT, d + " (" + upTo + ")"))
          .orElseGet(() -> new HistoryDrift(Outcome.NONE, "the live schema is exactly what the history builds ("
              + upTo + ")"));
    }
  }

  private static MigrationVersion version(DatabaseStatus.Entry entry) {
    return MigrationVersion.fromVersion(entry.version());
  }

  private static Catalog read(DatabaseLogin login, IntrospectOptions introspect) {
    return new PostgresIntrospector(login.url(), login.user(), login.password(), introspect).read();
  }
}
