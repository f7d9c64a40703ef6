package dev.autogen.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.cli.history.MigrationHistory;
import dev.autogen.codegen.flyway.FlywayNaming;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link MigrationVersions} reads a directory as Flyway does, and as {@link MigrationHistory} does. */
class MigrationVersionsTest {

  private static final List<String> FILES = List.of("V1__a.sql", "V1.0__b.sql", "sub/V001__c.sql", "V2__upper.SQL",
      "V3.sql", "U2__undo.sql", "u3__lower_prefix.sql", "R__view.sql", "V4__conf.sql.conf", "Vx__bad.sql",
      "notes.md");

  private static Path directory(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("sub"));
    for (String file : FILES) {
      Files.writeString(dir.resolve(file), "select 1;\n");
    }
    return dir;
  }

  @Test
  void aDirectoryIsReadAsFlywayReadsIt(@TempDir Path dir) throws Exception {
    MigrationVersions versions = MigrationVersions.scan(directory(dir), FlywayNaming.DEFAULT);
    assertThat(versions.all()).extracting(MigrationVersions.Migration::fileName)
        .containsExactly("V001__c.sql", "V1.0__b.sql", "V1__a.sql", "V2__upper.SQL", "U2__undo.sql", "V3.sql");
    assertThat(versions.versioned()).extracting(MigrationVersions.Migration::description)
        .containsExactly("c", "b", "a", "upper", "");
    assertThat(versions.undoOf(MigrationVersion.fromVersion("2")).orElseThrow().fileName()).isEqualTo("U2__undo.sql");
    assertThat(versions.undoOf(MigrationVersion.fromVersion("3"))).isEmpty();
    assertThat(versions.duplicates()).singleElement().satisfies(d -> {
      assertThat(d.undo()).isFalse();
      assertThat(d.files()).extracting(MigrationVersions.Migration::fileName)
          .containsExactly("V001__c.sql", "V1.0__b.sql", "V1__a.sql");
    });
  }

  @Test
  void parseReadsOneFile(@TempDir Path dir) {
    assertThat(MigrationVersions.parse(dir.resolve("V4__x.SQL"), FlywayNaming.DEFAULT)).hasValueSatisfying(m -> {
      assertThat(m.file()).isEqualTo(dir.resolve("V4__x.SQL"));
      assertThat(m.undo()).isFalse();
      assertThat(m.version()).isEqualTo(MigrationVersion.fromVersion("4"));
      assertThat(m.description()).isEqualTo("x");
    });
    FlywayNaming undoLonger = new FlywayNaming("V", "VU", "__", List.of(".sql"));
    assertThat(MigrationVersions.parse(dir.resolve("VU4__x.sql"), undoLonger)).hasValueSatisfying(m ->
        assertThat(m.undo()).isTrue());
    assertThat(MigrationVersions.parse(dir.resolve("R__x.sql"), FlywayNaming.DEFAULT)).isEmpty();
  }

  @Test
  void bothReadersSeeTheSameMigrations(@TempDir Path dir) throws Exception {
    Path migrations = directory(dir);
    List<String> scanned = MigrationVersions.scan(migrations, FlywayNaming.DEFAULT).all().stream()
        .map(m -> m.undo() + " " + m.version() + " " + m.fileName()).sorted().toList();
    List<String> history = MigrationHistory.onDisk(migrations, FlywayNaming.DEFAULT).migrations().stream()
        .map(m -> m.undo() + " " + m.version() + " " + m.fileName()).sorted().toList();
    assertThat(scanned).isEqualTo(history).hasSize(6);
  }
}
