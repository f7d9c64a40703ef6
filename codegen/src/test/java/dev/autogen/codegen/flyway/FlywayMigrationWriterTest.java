package dev.autogen.codegen.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.codegen.EveryChangeScenario;
import dev.autogen.codegen.postgres.PostgresRenderer;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.fixtures.TestDatabase;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlywayMigrationWriterTest {

  private final FlywayMigrationWriter writer = new FlywayMigrationWriter();

  private static List<String> fileNames(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesBothFilesAndNothingElse(@TempDir Path dir) throws IOException {
    FlywayMigration migration = FlywayLayoutTest.sample("Add bio column");
    FlywayFiles files = writer.write(dir, migration, false);

    assertThat(files.upgrade()).isEqualTo(dir.resolve("V7__add_bio_column.sql"));
    assertThat(files.downgrade()).isEqualTo(dir.resolve("U7__add_bio_column.sql"));
    assertThat(fileNames(dir)).containsExactly("U7__add_bio_column.sql", "V7__add_bio_column.sql");
    assertThat(Files.readString(files.upgrade())).isEqualTo(new FlywayLayout().upgrade(migration));
    assertThat(Files.readString(files.downgrade())).isEqualTo(new FlywayLayout().downgrade(migration));
  }

  @Test
  void neverOverwritesAndWritesNeitherFile(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("V7__add_bio_column.sql"), "keep me");
    assertThatThrownBy(() -> writer.write(dir, FlywayLayoutTest.sample("Add bio column"), false))
        .isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining("V7__add_bio_column.sql")
        .hasMessageContaining("pick another message or version");
    assertThat(fileNames(dir)).containsExactly("V7__add_bio_column.sql");
    assertThat(Files.readString(dir.resolve("V7__add_bio_column.sql"))).isEqualTo("keep me");
  }

  @Test
  void refusesWhenOnlyTheUndoFileExists(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("U7__add_bio_column.sql"), "keep me");
    assertThatThrownBy(() -> writer.write(dir, FlywayLayoutTest.sample("Add bio column"), false))
        .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("U7__add_bio_column.sql");
    assertThat(fileNames(dir)).containsExactly("U7__add_bio_column.sql");
  }

  @Test
  void refusesASecondMigrationOfTheSameVersion(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("V7.0__something_else.sql"), "");
    assertThatThrownBy(() -> writer.write(dir, FlywayLayoutTest.sample("Add bio column"), false))
        .isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining("V7.0__something_else.sql").hasMessageContaining("pick another version");
    assertThat(fileNames(dir)).containsExactly("V7.0__something_else.sql");
  }

  @Test
  void publishingNeverReplacesAFileThatAppearedAfterTheCheck(@TempDir Path dir) throws IOException {
    Path temp = Files.writeString(dir.resolve(".autogen-1.sql.tmp"), "generated");
    Path target = Files.writeString(dir.resolve("V7__add_bio_column.sql"), "keep me");

    assertThatThrownBy(() -> FlywayMigrationWriter.publish(temp, target))
        .isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining("V7__add_bio_column.sql").hasMessageContaining("pick another message or version");
    assertThat(Files.readString(target)).isEqualTo("keep me");
    assertThat(Files.readString(temp)).isEqualTo("generated");
  }

  @Test
  void publishingGivesTheTempFileItsNameAndRemovesTheTempName(@TempDir Path dir) throws IOException {
    Path temp = Files.writeString(dir.resolve(".autogen-1.sql.tmp"), "generated");
    Path target = dir.resolve("V7__add_bio_column.sql");

    FlywayMigrationWriter.publish(temp, target);

    assertThat(fileNames(dir)).containsExactly("V7__add_bio_column.sql");
    assertThat(Files.readString(target)).isEqualTo("generated");
  }

  @Test
  void anUndoFileThatAppearedAfterTheCheckLeavesNeitherFilePublished(@TempDir Path dir) throws IOException {
    Path upgradeTemp = Files.writeString(dir.resolve(".autogen-1.sql.tmp"), "upgrade");
    Path downgradeTemp = Files.writeString(dir.resolve(".autogen-2.sql.tmp"), "undo");
    FlywayFiles target = new FlywayFiles(dir.resolve("V7__x.sql"), dir.resolve("U7__x.sql"));
    Files.writeString(target.downgrade(), "keep me");

    assertThatThrownBy(() -> FlywayMigrationWriter.publish(upgradeTemp, downgradeTemp, target))
        .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("U7__x.sql");
    assertThat(target.upgrade()).doesNotExist();
    assertThat(Files.readString(target.downgrade())).isEqualTo("keep me");
  }

  @Test
  void withoutHardLinksPublishingFallsBackToAMoveThatAlsoRefusesAnExistingTarget(@TempDir Path dir)
      throws IOException {
    try (FileSystem zip = FileSystems.newFileSystem(dir.resolve("migrations.zip"), Map.of("create", "true"))) {
      Path root = zip.getPath("/");
      Path first = Files.writeString(root.resolve("first.tmp"), "first");
      Path second = Files.writeString(root.resolve("second.tmp"), "second");
      Path target = root.resolve("V7__x.sql");
      assertThatThrownBy(() -> Files.createLink(target, first))
          .as("the zip file system has no hard links").isInstanceOf(UnsupportedOperationException.class);

      FlywayMigrationWriter.publish(first, target);
      assertThatThrownBy(() -> FlywayMigrationWriter.publish(second, target))
          .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("V7__x.sql");

      assertThat(Files.readString(target)).isEqualTo("first");
      assertThat(first).doesNotExist();
      assertThat(Files.readString(second)).isEqualTo("second");
    }
  }

  @Test
  void createsTheDirectoryOnlyWhenAsked(@TempDir Path root) throws IOException {
    Path dir = root.resolve("db/migration");
    assertThatThrownBy(() -> writer.write(dir, FlywayLayoutTest.sample("x"), false))
        .isInstanceOf(NoSuchFileException.class).hasMessageContaining("db/migration");
    assertThat(dir).doesNotExist();
    writer.write(dir, FlywayLayoutTest.sample("x"), true);
    assertThat(fileNames(dir)).containsExactly("U7__x.sql", "V7__x.sql");
  }

  @Test
  void writtenFilesRunOnPostgresAndTheUndoRestoresTheCatalog(@TempDir Path dir) throws IOException, SQLException {
    MigrationPlan plan = EveryChangeScenario.plan();
    FlywayMigration migration = new FlywayMigration("Every change", FlywayVersion.next(dir, Instant.EPOCH).value(),
        Instant.parse("2025-01-01T00:00:00Z"), "test", plan, new PostgresRenderer().render(plan));
    FlywayFiles files = writer.write(dir, migration, false);
    assertThat(files.upgrade().getFileName()).hasToString("V1__every_change.sql");

    try (TestDatabase db = TestDatabase.create("flyway")) {
      db.execute(EveryChangeScenario.START);
      List<String> start = relations(db);
      db.execute(Files.readString(files.upgrade()));
      assertThat(relations(db)).isNotEqualTo(start).contains("Mixed.Order");
      db.execute(Files.readString(files.downgrade()));
      assertThat(relations(db)).isEqualTo(start);
    }
  }

  /** The names of the user's tables, sequences and indexes, enough to see each file ran whole. */
  private static List<String> relations(TestDatabase db) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select n.nspname || '.' || c.relname from pg_class c"
            + " join pg_namespace n on n.oid = c.relnamespace where n.nspname in ('public', 'app', 'Mixed')"
            + " order by 1")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }
}
