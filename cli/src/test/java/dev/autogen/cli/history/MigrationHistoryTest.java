package dev.autogen.cli.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.codegen.flyway.FlywayNaming;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/** {@link MigrationHistory} reads paths as Flyway does ({@link MigrationNames}), keeping each path and raw version. */
class MigrationHistoryTest {

  @Test
  void pathsAreReadByFlywaysRules() {
    MigrationHistory history = MigrationHistory.of(List.of("V4__upper.SQL", "db/V5.sql", "v6__lower.sql",
        "V7__x.sql.conf", "U4__undo.sql", "R__view.sql"), FlywayNaming.DEFAULT);
    assertThat(history.migrations()).containsExactly(
        new MigrationHistory.Migration(false, MigrationVersion.fromVersion("4"), "4", "V4__upper.SQL"),
        new MigrationHistory.Migration(false, MigrationVersion.fromVersion("5"), "5", "db/V5.sql"),
        new MigrationHistory.Migration(true, MigrationVersion.fromVersion("4"), "4", "U4__undo.sql"));
    assertThat(history.highest().orElseThrow().folder()).isEqualTo("db/");
  }

  @Test
  void theLongerPrefixDecidesTheKind() {
    MigrationHistory history = MigrationHistory.of(List.of("V1__a.sql", "VU1__a.sql", "V2__b.sql"),
        new FlywayNaming("V", "VU", "__", List.of(".sql")));
    assertThat(history.versioned()).extracting(MigrationHistory.Migration::path)
        .containsExactly("V1__a.sql", "V2__b.sql");
    assertThat(history.migrations()).filteredOn(MigrationHistory.Migration::undo)
        .extracting(MigrationHistory.Migration::path).containsExactly("VU1__a.sql");
    assertThat(history.duplicates()).isEmpty();
  }
}
