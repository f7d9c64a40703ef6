package dev.autogen.cli.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.codegen.flyway.FlywayNaming;
import dev.autogen.fixtures.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a file name is for Flyway 13 ({@link MigrationNames}), name by name, and checked against Flyway itself. */
class MigrationNamesTest {

  private static final MigrationNames DEFAULT = new MigrationNames(FlywayNaming.DEFAULT);

  private static MigrationNames.Name name(MigrationNames names, String fileName) {
    return names.parse(fileName).orElseThrow(() -> new AssertionError(fileName + " is no migration"));
  }

  @Test
  void aVersionedNameSplitsIntoVersionAndDescriptionAtTheFirstSeparator() {
    assertThat(name(DEFAULT, "V4__add_bio.sql"))
        .isEqualTo(new MigrationNames.Name(false, MigrationVersion.fromVersion("4"), "4", "add_bio"));
    assertThat(name(DEFAULT, "V2__a__b.sql").description()).isEqualTo("a__b");
    assertThat(name(DEFAULT, "U4__add_bio.sql"))
        .isEqualTo(new MigrationNames.Name(true, MigrationVersion.fromVersion("4"), "4", "add_bio"));
  }

  @Test
  void versionsAreFlywaysAndKeepTheirSpelling() {
    MigrationVersion one = MigrationVersion.fromVersion("1");
    for (String raw : List.of("1", "1.0", "001", "1_0")) {
      MigrationNames.Name n = name(DEFAULT, "V" + raw + "__x.sql");
      assertThat(n.version()).as(raw).isEqualTo(one);
      assertThat(n.rawVersion()).isEqualTo(raw);
    }
    assertThat(name(DEFAULT, "V1_1__x.sql").version()).isEqualTo(MigrationVersion.fromVersion("1.1"));
  }

  @Test
  void theSuffixsCaseDoesNotMatterThePrefixsDoes() {
    assertThat(name(DEFAULT, "V4__x.SQL").description()).isEqualTo("x");
    assertThat(name(DEFAULT, "U4__x.Sql").undo()).isTrue();
    assertThat(DEFAULT.parse("v4__x.sql")).isEmpty();
    assertThat(DEFAULT.parse("u4__x.sql")).isEmpty();
  }

  @Test
  void aNameWithoutDescriptionIsStillAMigration() {
    assertThat(name(DEFAULT, "V1.sql"))
        .isEqualTo(new MigrationNames.Name(false, MigrationVersion.fromVersion("1"), "1", ""));
    assertThat(name(DEFAULT, "V1.2.sql").rawVersion()).isEqualTo("1.2");
    assertThat(name(DEFAULT, "V1__.sql").description()).isEmpty();
  }

  @Test
  void namesFlywaySkipsAreNoMigration() {
    for (String skipped : List.of("R__view.sql", "R1__view.sql", "B1__baseline.sql", "afterMigrate.sql",
        "beforeMigrate__x.sql", "V__x.sql", "V.sql", "Vx__y.sql", "V1a__y.sql", "V1__x.sql.conf", "V1__x.txt",
        "V1__x.sq", "notes.md", "Vcurrent__x.sql", "Vlatest__x.sql", "Vnext__x.sql", "XV1__x.sql")) {
      assertThat(DEFAULT.parse(skipped)).as(skipped).isEmpty();
    }
  }

  @Test
  void theLongerPrefixWinsWhenOneStartsWithTheOther() {
    MigrationNames undoLonger = new MigrationNames(new FlywayNaming("V", "VU", "__", List.of(".sql")));
    assertThat(name(undoLonger, "VU3__x.sql"))
        .isEqualTo(new MigrationNames.Name(true, MigrationVersion.fromVersion("3"), "3", "x"));
    assertThat(name(undoLonger, "V3__x.sql").undo()).isFalse();
    assertThat(undoLonger.parse("U3__x.sql")).isEmpty();

    MigrationNames versionedLonger = new MigrationNames(new FlywayNaming("DV", "D", "__", List.of(".sql")));
    assertThat(name(versionedLonger, "DV3__x.sql").undo()).isFalse();
    assertThat(name(versionedLonger, "D3__x.sql").undo()).isTrue();
    assertThat(versionedLonger.parse("V3__x.sql")).isEmpty();
  }

  @Test
  void theFirstSuffixInTheConfiguredOrderIsCutOff() {
    MigrationNames specificFirst =
        new MigrationNames(new FlywayNaming("M", "D", "-", List.of("_POSTGRESQL.sql", ".sql")));
    assertThat(name(specificFirst, "M4-a_POSTGRESQL.sql").description()).isEqualTo("a");
    assertThat(name(specificFirst, "M4-b.sql").description()).isEqualTo("b");
    assertThat(name(specificFirst, "D4-a_postgresql.SQL").undo()).isTrue();
    assertThat(specificFirst.parse("V4__c.sql")).isEmpty();

    MigrationNames genericFirst =
        new MigrationNames(new FlywayNaming("M", "D", "-", List.of(".sql", "_POSTGRESQL.sql")));
    assertThat(name(genericFirst, "M4-a_POSTGRESQL.sql").description()).isEqualTo("a_POSTGRESQL");
  }

  /**
   * The versioned names of a directory as Flyway 13 itself resolves them ({@code info()} on an empty
   * database: its scanner, name parser and resolver), against this class's reading. Undo names are
   * left out (Flyway's community edition has no undo migrations), and so are repeatables. Each version
   * once, since Flyway refuses a directory with two migrations of one version.
   */
  @Test
  void flywayResolvesTheSameVersionedMigrations(@TempDir Path dir) throws Exception {
    List<String> files = List.of("V1__plain.sql", "V2.0__dotted.sql", "V003__padded.sql", "V4_1__underscored.sql",
        "V5__upper_suffix.SQL", "V6.sql", "V7__two__separators.sql", "V8__.sql", "v9__lower_prefix.sql",
        "R__repeatable.sql", "Vx__bad_version.sql", "V__no_version.sql", "V10__conf.sql.conf", "V11__text.txt",
        "U1__undo_left_to_teams.sql", "afterMigrate.sql");
    Files.createDirectories(dir.resolve("sub"));
    for (String file : files) {
      Files.writeString(dir.resolve(file.startsWith("V4") ? "sub/" + file : file), "select 1;\n");
    }
    Map<String, String> expected = new TreeMap<>();
    for (String file : files) {
      DEFAULT.parse(file).filter(n -> !n.undo())
          .ifPresent(n -> expected.put(file, n.version() + " " + n.description().replace('_', ' ')));
    }
    try (TestDatabase db = TestDatabase.create("names")) {
      MigrationInfo[] all = Flyway.configure().dataSource(db.url(), TestDatabase.user(), TestDatabase.password())
          .locations("filesystem:" + dir).load().info().all();
      Map<String, String> resolved = Arrays.stream(all)
          .filter(i -> i.getType() == CoreMigrationType.SQL && i.getVersion() != null)
          .collect(Collectors.toMap(i -> Path.of(i.getScript()).getFileName().toString(),
              i -> i.getVersion() + " " + i.getDescription(), (a, b) -> a, TreeMap::new));
      assertThat(resolved).isEqualTo(expected);
    }
    assertThat(expected).containsOnlyKeys("V1__plain.sql", "V2.0__dotted.sql", "V003__padded.sql",
        "V4_1__underscored.sql", "V5__upper_suffix.SQL", "V6.sql", "V7__two__separators.sql", "V8__.sql");
    assertThat(expected.get("V7__two__separators.sql")).isEqualTo("7 two  separators");
  }
}
