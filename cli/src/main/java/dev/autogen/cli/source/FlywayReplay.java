package dev.autogen.cli.source;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import java.util.function.Supplier;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Replays a Flyway migrations directory into a scratch database of a dev server (replay mode),
 * with as little work per migration as still gives Flyway's own result.
 *
 * <p>First the whole history as one Flyway migration group ({@link FlywayMigrations#migrateGrouped}):
 * one lock and one transaction instead of a lock, a history refresh and a commit per migration, which
 * on a 300-migration history is most of what Flyway adds to the statements themselves (README,
 * Benchmarks: replay). When Flyway refuses the group or a migration fails in it, the grouped database
 * is dropped and the history is applied again, into another empty database, exactly as Flyway's
 * default {@code migrate} does ({@link FlywayMigrations#migrate(DatabaseLogin)}: one transaction per
 * migration, non-transactional ones outside any); its failure is the one reported. So a history mixing
 * transactional and non-transactional migrations, or one that needs a commit between two migrations
 * (an enum value added and then used), replays as Flyway applies it, at the price of a second replay.
 */
final class FlywayReplay {

  private FlywayReplay() {}

  /**
   * @param migrations the directory to apply, never null
   * @param start gives the database to apply it to: an empty one, or a copy of a snapshot holding a prefix
   *     of the history (Flyway applies what its history table lacks); called again for the
   *     one-at-a-time run; never null
   * @param trace records the steps {@code database} and {@code migrate} and how many migrations were applied;
   *     never null
   * @return a scratch database holding the applied history; the caller closes (drops) it
   * @throws AutogenException with {@link ExitCode#USAGE} when a migration fails as Flyway applies it one
   *     at a time, with Flyway's message; with {@link ExitCode#DATABASE} when the server refuses a
   *     database
   */
  static ScratchDatabase apply(FlywayMigrations migrations, Supplier<ScratchDatabase> start, ReplayTrace trace) {
    return apply(migrations, null, start, trace);
  }

  /**
   * {@link #apply(FlywayMigrations, Supplier, ReplayTrace)} up to and including one version.
   *
   * @param target the last version to apply, or null for the whole history
   * @return a scratch database holding the history up to {@code target}; the caller closes (drops) it
   */
  static ScratchDatabase apply(FlywayMigrations migrations, MigrationVersion target, Supplier<ScratchDatabase> start,
      ReplayTrace trace) {
    ScratchDatabase grouped = trace.measure("database", start);
    try {
      trace.applied(trace.measure("migrate", () -> migrations.migrateGrouped(grouped.login(), target)));
      return grouped;
    } catch (AutogenException e) {
      grouped.close();
      if (e.exitCode() != ExitCode.USAGE) {
        throw e;
      }
    } catch (RuntimeException e) {
      grouped.close();
      throw e;
    }
    ScratchDatabase exact = trace.measure("database", start);
    try {
      trace.applied(trace.measure("migrate", () -> target == null ? migrations.migrate(exact.login())
          : migrations.migrate(exact.login(), target)));
      return exact;
    } catch (RuntimeException e) {
      exact.close();
      throw e;
    }
  }
}
