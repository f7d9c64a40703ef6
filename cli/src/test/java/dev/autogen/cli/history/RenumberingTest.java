package dev.autogen.cli.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.codegen.flyway.FlywayNaming;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The version scheme of {@code autogen rebase} and Flyway's version equality in {@link MigrationHistory}. */
class RenumberingTest {

  private static final Instant NOW = Instant.parse("2026-12-05T13:00:00Z");

  @Test
  void theNextVersionFollowsTheDirectorysScheme() {
    assertThat(Renumbering.next("7", NOW)).isEqualTo("8");
    assertThat(Renumbering.next("1.7", NOW)).isEqualTo("1.8");
    assertThat(Renumbering.next("1_9", NOW)).isEqualTo("1_10");
    assertThat(Renumbering.next("007", NOW)).isEqualTo("008");
    assertThat(Renumbering.next("099", NOW)).isEqualTo("100");
    assertThat(Renumbering.next("2.07", NOW)).isEqualTo("2.08");
    // timestamps: the time now, or one above the highest when that is later
    assertThat(Renumbering.next("20250101120000", NOW)).isEqualTo("20261205130000");
    assertThat(Renumbering.next("20301231235959", NOW)).isEqualTo("20301231235960");
  }

  @Test
  void versionsAreEqualAsFlywaySeesThem() {
    MigrationHistory history = MigrationHistory.of(List.of("V1__a.sql", "V1.0__b.sql", "sub/V001__c.sql",
        "V1_1__d.sql", "U1__a.sql", "R__view.sql", "V2__e.sql.conf", "V3__f.txt", "notes.md"), FlywayNaming.DEFAULT);
    assertThat(history.migrations()).extracting(MigrationHistory.Migration::path)
        .containsExactly("V1.0__b.sql", "V1__a.sql", "sub/V001__c.sql", "V1_1__d.sql", "U1__a.sql");
    assertThat(history.duplicates()).hasSize(1);
    assertThat(history.duplicates().get(0).migrations()).extracting(MigrationHistory.Migration::rawVersion)
        .containsExactly("1.0", "1", "001");
    assertThat(history.highest().orElseThrow().rawVersion()).isEqualTo("1_1");
  }

  @Test
  void theProjectsNamingIsHonoured() {
    FlywayNaming naming = new FlywayNaming("M", "D", "-", List.of("_POSTGRESQL.sql", ".sql"));
    MigrationHistory history = MigrationHistory.of(List.of("M4-a_POSTGRESQL.sql", "M4-b.sql", "D4-a_POSTGRESQL.sql",
        "V4__c.sql"), naming);
    assertThat(history.duplicates()).hasSize(1);
    assertThat(history.versioned()).extracting(MigrationHistory.Migration::fileName)
        .containsExactly("M4-a_POSTGRESQL.sql", "M4-b.sql");
  }

  @Test
  void onlyTheHeaderLinesNamingTheVersionAreRewritten() {
    String undo = String.join("\n", "-- Undoes V7 (V7__x.sql): its reverse statements, last change first.",
        "-- The risk summary and hazards below are those of V7.", "-- x", "--", "-- Version:      7",
        "-- Created:      2026-01-01T00:00:00Z", "", "-- Version:      7 stays: not in the header",
        "select 'V7 (V7__x.sql)';", "");
    String rewritten = new String(Renumbering.rewrite(undo.getBytes(StandardCharsets.UTF_8), FlywayNaming.DEFAULT,
        "7", "8", "V7__x.sql", "V8__x.sql"), StandardCharsets.UTF_8);
    assertThat(rewritten).isEqualTo(undo.replace("Undoes V7 (V7__x.sql)", "Undoes V8 (V8__x.sql)")
        .replace("those of V7.", "those of V8.").replace("--\n-- Version:      7\n", "--\n-- Version:      8\n"));
    byte[] latin1 = "-- Version:      7\nselect 'caf\u00e9';\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(Renumbering.rewrite(latin1, FlywayNaming.DEFAULT, "7", "8", "V7__x.sql", "V8__x.sql"))
        .isEqualTo(latin1);
  }
}
