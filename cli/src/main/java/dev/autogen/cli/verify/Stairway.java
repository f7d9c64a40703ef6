package dev.autogen.cli.verify;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.source.DatabaseLogin;
import dev.autogen.cli.source.FlywayMigrations;
import dev.autogen.cli.verify.MigrationCheck.Status;
import dev.autogen.introspect.IntrospectOptions;
import dev.autogen.introspect.PostgresIntrospector;
import dev.autogen.model.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The upgrade and the stairway of {@code autogen verify} (after Alembic's pytest-alembic {@code
 * test_upgrade} and {@code test_up_down_consistency}), on an empty scratch database: the versioned
 * migrations are applied in order with Flyway's library, each in its own transaction as Flyway's {@code
 * migrate} runs them and timed by Flyway, one {@code migrate} for each run of migrations with no check
 * between them ({@link FlywayMigrations#migrateTimed}; a history without undo and seed files is one
 * {@code migrate}, as in a deployment; a failing versioned migration is still the one named, and a
 * failing repeatable migration or {@code afterMigrate} callback fails the run's last migration); for each
 * one with an undo file (above {@code --from}), the catalog before it is kept, the undo file runs
 * ({@link FlywayMigrations#runScript}), the catalog must then be exactly the one before ({@link
 * ExactCatalogComparison}), and the migration is applied again, which must give exactly the catalog of
 * its first run. With seed files ({@link SeededData}) each runs after its migration, and the rows of
 * every table must be the same after an undo file as before its migration. The first failure stops the run: the database is then in no known state.
 */
public final class Stairway {

  private final FlywayMigrations migrations;
  private final DatabaseLogin database;
  private final IntrospectOptions introspect;
  private final SeededData seeds;

  /**
   * @param migrations the migrations directory with the project's naming, never null
   * @param database an empty scratch database, never null
   * @param introspect which schemas and tables the catalog snapshots read, never null
   * @param seeds the seed files run after their migrations; with any, the rows of every table before a
   *     migration must be the same after its undo file ({@link SeededData}); never null
   */
  public Stairway(FlywayMigrations migrations, DatabaseLogin database, IntrospectOptions introspect,
      SeededData seeds) {
    this.migrations = migrations;
    this.database = database;
    this.introspect = introspect;
    this.seeds = seeds;
  }

  /**
   * @param versions the directory's migrations, versions unique ({@link LinearHistory}), never null
   * @param from the baseline version: at and below it no stairway; null for none
   * @return one check per versioned migration, in version order
   * @throws AutogenException with {@code ExitCode.DATABASE} when the database cannot be read
   */
  public List<MigrationCheck> run(MigrationVersions versions, MigrationVersion from) {
    List<MigrationCheck> checks = new ArrayList<>();
    List<MigrationVersions.Migration> all = versions.versioned();
    // the catalog before a migration is read only when its undo file is checked against it: a history
    // without undo files is applied without reading the growing catalog after every migration
    Catalog before = undoChecked(versions, all, 0, from) ? snapshot() : null;
    Map<String, String> beforeData = before == null ? Map.of() : data(before);
    String stopped = null;
    int runEnd = -1;
    FlywayMigrations.Applied run = null;
    for (int i = 0; i < all.size(); i++) {
      MigrationVersions.Migration m = all.get(i);
      String version = m.version().getVersion();
      Optional<MigrationVersions.Migration> undo = versions.undoOf(m.version());
      String undoFile = undo.map(MigrationVersions.Migration::fileName).orElse(null);
      if (stopped != null) {
        checks.add(new MigrationCheck(version, m.fileName(), undoFile, null, null, Status.NOT_RUN, Status.NOT_RUN,
            Status.NOT_RUN, stopped));
        continue;
      }
      if (i > runEnd) {
        runEnd = runEnd(versions, all, i, from);
        run = migrations.migrateTimed(database, all.get(runEnd).version());
      }
      Long up = run.millis().get(version);
      if (up == null) {
        checks.add(new MigrationCheck(version, m.fileName(), undoFile, null, null, Status.FAILED, Status.NOT_RUN,
            Status.NOT_RUN, m.fileName() + " does not apply: " + run.failure().orElse(
                "Flyway did not apply it when migrating to version " + all.get(runEnd).version().getVersion())));
        stopped = "not run: " + m.fileName() + " failed";
        continue;
      }
      if (i == runEnd && run.failure().isPresent()) {
        // every versioned migration of the run applied, and then what Flyway runs after them failed: a
        // repeatable migration or an afterMigrate callback, which its message names
        checks.add(new MigrationCheck(version, m.fileName(), undoFile, up, null, Status.FAILED, Status.NOT_RUN,
            Status.NOT_RUN, "Flyway's migrate up to " + m.fileName() + " failed after applying it: "
                + run.failure().get()));
        stopped = "not run: Flyway's migrate up to " + m.fileName() + " failed";
        continue;
      }
      Optional<java.nio.file.Path> seed = seeds.after(m.version());
      if (seed.isPresent()) {
        try {
          migrations.runScript(database, seed.get());
        } catch (AutogenException e) {
          checks.add(new MigrationCheck(version, m.fileName(), undoFile, up, null, Status.FAILED, Status.NOT_RUN,
              Status.FAILED, "seed file " + seed.get().getFileName() + " after " + m.fileName() + ": "
              + e.getMessage()));
          stopped = "not run: the seed file of " + m.fileName() + " failed";
          continue;
        }
      }
      if (!undoChecked(versions, all, i, from)) {
        checks.add(new MigrationCheck(version, m.fileName(), undoFile, up, null, Status.PASSED, Status.SKIPPED,
            seed.isPresent() ? Status.PASSED : Status.SKIPPED,
            undo.isEmpty() ? "no undo file" : "at or below --from " + from));
        before = undoChecked(versions, all, i + 1, from) ? snapshot() : null;
        beforeData = before == null ? Map.of() : data(before);
        continue;
      }
      Catalog after = snapshot();
      long down;
      try {
        down = millis(() -> migrations.runScript(database, undo.get().file()));
      } catch (AutogenException e) {
        checks.add(new MigrationCheck(version, m.fileName(), undoFile, up, null, Status.PASSED, Status.FAILED,
            unchecked(seed), e.getMessage()));
        stopped = "not run: the undo file of " + m.fileName() + " failed";
        continue;
      }
      Catalog undone = snapshot();
      Map<String, String> dataBefore = beforeData;
      Optional<String> catalog = ExactCatalogComparison.firstDifference(before, undone)
          .map(d -> undoFile + " does not restore the catalog before " + m.fileName() + ": " + d);
      Optional<String> rows = catalog.isPresent() ? Optional.empty() : SeededData.firstDifference(dataBefore,
          data(undone)).map(d -> undoFile + " does not restore the seeded rows before " + m.fileName() + ": " + d);
      Status seeded = rows.isPresent() ? Status.FAILED : catalog.isPresent() ? unchecked(seed)
          : seeds.any() ? Status.PASSED : Status.SKIPPED;
      if (catalog.isPresent() || rows.isPresent()) {
        checks.add(new MigrationCheck(version, m.fileName(), undoFile, up, down, Status.PASSED, Status.FAILED,
            seeded, catalog.or(() -> rows).get()));
        stopped = "not run: the undo file of " + m.fileName() + " failed";
        continue;
      }
      migrations.forgetNewest(database, m.version());
      try {
        migrations.migrate(database, m.version());
      } catch (AutogenException e) {
        checks.add(new MigrationCheck(version, m.fileName(), undoFile, up, down, Status.PASSED, Status.FAILED,
            seeded, m.fileName() + " does not apply again after " + undoFile + ": " + e.getMessage()));
        stopped = "not run: " + m.fileName() + " failed";
        continue;
      }
      Catalog again = snapshot();
      Optional<String> second = ExactCatalogComparison.firstDifference(after, again, "the first time",
          "after " + undoFile + " and again");
      checks.add(new MigrationCheck(version, m.fileName(), undoFile, up, down, Status.PASSED,
          second.isPresent() ? Status.FAILED : Status.PASSED, seeded,
          second.map(d -> m.fileName() + " applied again after " + undoFile + " builds another catalog: " + d)
              .orElse(null)));
      if (second.isPresent()) {
        stopped = "not run: the undo file of " + m.fileName() + " failed";
      }
      before = again;
      beforeData = data(again);
    }
    return checks;
  }

  /**
   * The last migration of the run that starts at {@code start} and that one Flyway {@code migrate}
   * applies ({@link FlywayMigrations#migrateTimed}): the run stops after a migration with a seed file,
   * one whose undo file is checked (its catalog after is read) and the one before such a migration (its
   * catalog is the "before"); a history without undo and seed files is one run.
   *
   * @return the index of the run's last migration, at least {@code start}
   */
  private int runEnd(MigrationVersions versions, List<MigrationVersions.Migration> all, int start,
      MigrationVersion from) {
    int end = start;
    while (end < all.size() - 1 && seeds.after(all.get(end).version()).isEmpty()
        && !undoChecked(versions, all, end, from) && !undoChecked(versions, all, end + 1, from)) {
      end++;
    }
    return end;
  }

  /**
   * @return whether the migration at {@code index} (none past the end) has its undo file checked: it has
   *     one, and it is above {@code from}
   */
  private static boolean undoChecked(MigrationVersions versions, List<MigrationVersions.Migration> all, int index,
      MigrationVersion from) {
    if (index >= all.size()) {
      return false;
    }
    MigrationVersion version = all.get(index).version();
    return versions.undoOf(version).isPresent() && (from == null || version.compareTo(from) > 0);
  }

  /**
   * @param seed the seed file run after the migration, if any
   * @return the seeded-data status of a migration whose rows were not compared because its undo failed
   *     first: not run when there are seed files, else skipped
   */
  private Status unchecked(Optional<java.nio.file.Path> seed) {
    return seeds.any() || seed.isPresent() ? Status.NOT_RUN : Status.SKIPPED;
  }

  /** @return the fingerprints of the catalog's tables when there are seeds, else none (nothing compared) */
  private Map<String, String> data(Catalog catalog) {
    return seeds.any() ? SeededData.fingerprint(database, catalog) : Map.of();
  }

  private Catalog snapshot() {
    return new PostgresIntrospector(database.url(), database.user(), database.password(), introspect).read();
  }

  private static long millis(Runnable step) {
    long start = System.nanoTime();
    step.run();
    return (System.nanoTime() - start) / 1_000_000;
  }

}
