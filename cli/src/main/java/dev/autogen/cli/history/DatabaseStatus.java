package dev.autogen.cli.history;

import dev.autogen.cli.source.FlywayMigrations;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * Where a live database stands against the migrations directory, as Flyway's own {@code info()} says
 * ({@link FlywayMigrations#info}): every rule here is a Flyway {@link MigrationState} or Flyway's
 * checksum comparison ({@link MigrationInfo#isChecksumMatching()}), nothing is re-implemented.
 *
 * @param table the history table read, schema-qualified, never null
 * @param current the highest version applied successfully, or empty when none is
 * @param pending migrations of the directory not applied, in version order: Flyway's {@code PENDING},
 *     and {@code IGNORED} (below the applied version: Flyway applies them only with {@code outOfOrder})
 * @param failed history entries that failed ({@code success = false}: {@code FAILED}, {@code
 *     MISSING_FAILED}, {@code FUTURE_FAILED})
 * @param outOfOrder entries applied after a higher version ({@code OUT_OF_ORDER})
 * @param missing applied versions whose file is not in the directory ({@code MISSING_*}, and {@code
 *     FUTURE_*}: above the directory's highest version)
 * @param checksumMismatches applied migrations whose file's checksum (Flyway's) differs from the recorded one
 * @param baselined whether the history holds a baseline entry ({@code BASELINE}): what is below it
 *     was never applied by Flyway
 */
public record DatabaseStatus(String table, Optional<Entry> current, List<Entry> pending, List<Entry> failed,
    List<Entry> outOfOrder, List<Entry> missing, List<Entry> checksumMismatches, boolean baselined) {

  /**
   * One migration as Flyway reports it.
   *
   * @param version its version, e.g. {@code 2}, never null
   * @param script the script: the file name for a resolved migration, the recorded one otherwise; never null
   * @param state Flyway's state of it, never null
   * @param recordedChecksum the checksum the history records, or null
   * @param fileChecksum Flyway's checksum of the file, or null
   */
  public record Entry(String version, String script, MigrationState state, Integer recordedChecksum,
      Integer fileChecksum) {

    /** @throws NullPointerException when version, script or state is null */
    public Entry {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(script, "script");
      Objects.requireNonNull(state, "state");
    }

    /** @return e.g. {@code 2 (V2__add_bio.sql)} */
    public String label() {
      return version + " (" + script.substring(script.lastIndexOf('/') + 1) + ")";
    }
  }

  private static final Set<MigrationState> MISSING = EnumSet.of(MigrationState.MISSING_SUCCESS,
      MigrationState.MISSING_FAILED, MigrationState.FUTURE_SUCCESS, MigrationState.FUTURE_FAILED);

  /** Copies the lists. */
  public DatabaseStatus {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(current, "current");
    pending = List.copyOf(pending);
    failed = List.copyOf(failed);
    outOfOrder = List.copyOf(outOfOrder);
    missing = List.copyOf(missing);
    checksumMismatches = List.copyOf(checksumMismatches);
  }

  /**
   * @param info Flyway's view of the live database, never null
   * @return its status; repeatable migrations are left out (they carry no version)
   */
  public static DatabaseStatus of(FlywayMigrations.Info info) {
    List<MigrationInfo> versioned = info.migrations().stream().filter(m -> m.getVersion() != null).toList();
    Optional<Entry> current = versioned.stream()
        .filter(m -> m.getState().isApplied() && !m.getState().isFailed())
        .max(Comparator.comparing(MigrationInfo::getVersion)).map(DatabaseStatus::entry);
    return new DatabaseStatus(info.table(), current,
        select(versioned, m -> m.getState() == MigrationState.PENDING || m.getState() == MigrationState.IGNORED),
        select(versioned, m -> m.getState().isFailed()),
        select(versioned, m -> m.getState() == MigrationState.OUT_OF_ORDER),
        select(versioned, m -> MISSING.contains(m.getState())),
        select(versioned, m -> m.getState().isApplied() && m.getState().isResolved() && !m.isChecksumMatching()),
        versioned.stream().anyMatch(m -> m.getState() == MigrationState.BASELINE));
  }

  private static List<Entry> select(List<MigrationInfo> infos, java.util.function.Predicate<MigrationInfo> which) {
    return infos.stream().filter(which).sorted(Comparator.comparing(MigrationInfo::getVersion))
        .map(DatabaseStatus::entry).toList();
  }

  private static Entry entry(MigrationInfo m) {
    return new Entry(m.getVersion().toString(), m.getScript(), m.getState(), m.getAppliedChecksum(),
        m.getResolvedChecksum());
  }

  /**
   * @return whether the history records a problem: a failed entry, an applied version missing from the
   *     directory, or a checksum mismatch (pending migrations are not a problem of the history)
   */
  public boolean broken() {
    return !failed.isEmpty() || !missing.isEmpty() || !checksumMismatches.isEmpty();
  }
}
