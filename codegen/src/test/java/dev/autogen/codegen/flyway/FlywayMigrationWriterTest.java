package dev.autogen.codegen.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  void filesGetThePermissionsOfAPlainNewFileNotThoseOfATemporaryFile(@TempDir Path dir) throws IOException {
    // issue 9, #12: Files.createTempFile gives 0600 whatever the umask
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    Path plain = Files.createFile(dir.resolve("plain.txt"));
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
    Files.delete(plain);
    assumeTrue(expected.contains(PosixFilePermission.GROUP_READ) || expected.contains(PosixFilePermission.OTHERS_READ),
        "a umask that lets others read new files, as 022 does");

    FlywayFiles files = writer.withTemporaryDirectory(Files.createDirectory(dir.resolve("tmp")))
        .write(dir.resolve("migrations"), FlywayLayoutTest.sample("Add bio column"), true);

    for (Path file : files.all()) {
      assertThat(Files.getPosixFilePermissions(file)).as(file.toString()).isEqualTo(expected);
    }
  }

  @Test
  void temporaryFilesGoToTheTemporaryDirectoryAndNoneStays(@TempDir Path root) throws IOException {
    Path dir = Files.createDirectory(root.resolve("migrations"));
    Path tmp = Files.createDirectory(root.resolve("tmp"));
    // a directory's modification time changes when an entry is created or deleted in it: the
    // temporary files are seen through it, since the writer deletes them
    FileTime untouched = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
    Files.setLastModifiedTime(tmp, untouched);
    FlywayFiles files = writer.withTemporaryDirectory(tmp).write(dir, FlywayLayoutTest.sample("Add bio column"), false);

    assertThat(fileNames(dir)).containsExactly("U7__add_bio_column.sql", "V7__add_bio_column.sql");
    assertThat(fileNames(tmp)).isEmpty();
    assertThat(Files.getLastModifiedTime(tmp)).as("the temporary files were created (and deleted) in tmp")
        .isNotEqualTo(untouched);
    assertThat(Files.readString(files.upgrade())).isEqualTo(new FlywayLayout().upgrade(FlywayLayoutTest.sample("Add bio column")));
  }

  @Test
  void aTemporaryDirectoryOnAnotherFileSystemIsNotUsedAndNothingStays(@TempDir Path dir) throws IOException {
    Path shm = Path.of("/dev/shm");
    assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "a tmpfs at /dev/shm");
    assumeTrue(!Files.getFileStore(shm).equals(Files.getFileStore(dir)), "/dev/shm on another file system");
    Path tmp = Files.createTempDirectory(shm, "autogen-test-");
    try {
      FileTime untouched = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
      Files.setLastModifiedTime(tmp, untouched);

      writer.withTemporaryDirectory(tmp).write(dir, FlywayLayoutTest.sample("Add bio column"), false);

      assertThat(fileNames(dir)).containsExactly("U7__add_bio_column.sql", "V7__add_bio_column.sql");
      assertThat(Files.getLastModifiedTime(tmp)).as("a hard link cannot cross file systems: tmp unused")
          .isEqualTo(untouched);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Test
  void aMigrationOfTheSameVersionInASubdirectoryIsRefused(@TempDir Path dir) throws IOException {
    // issue 9, #4: Flyway reads subdirectories of its location
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/V7__elsewhere.sql"), "");
    assertThatThrownBy(() -> writer.write(dir, FlywayLayoutTest.sample("Add bio column"), false))
        .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("V7__elsewhere.sql");
    assertThat(fileNames(dir)).containsExactly("sub");
  }

  @Test
  void theSameVersionCheckReadsTheGivenMigrations(@TempDir Path dir) throws IOException {
    ExistingMigration seven = new ExistingMigration(new FlywayFileName('V', "7.0", "x"), dir.resolve("deep/V7_0__x.sql"));
    assertThatThrownBy(() -> writer.withExisting(List.of(seven)).write(dir, FlywayLayoutTest.sample("y"), false))
        .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("V7_0__x.sql");
    assertThat(fileNames(dir)).isEmpty();
  }

  @Test
  void staleTemporaryFilesOfDeadRunsAreRemovedOthersKept(@TempDir Path dir) throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    long self = ProcessHandle.current().pid();
    Path dead = Files.writeString(dir.resolve(".autogen-" + gone.pid() + "-00ff.tmp"), "x");
    Path mine = Files.writeString(dir.resolve(".autogen-" + self + "-00ff.tmp"), "x");
    Path oldStyle = Files.writeString(dir.resolve(".autogen-123456789.sql.tmp"), "x");
    Files.setLastModifiedTime(oldStyle, FileTime.from(Instant.now().minusSeconds(3600)));
    Path recentOldStyle = Files.writeString(dir.resolve(".autogen-987654321.sql.tmp"), "x");
    Path migration = Files.writeString(dir.resolve("V1__a.sql"), "x");

    assertThat(FlywayMigrationWriter.removeStaleTemporaryFiles(dir)).containsExactlyInAnyOrder(dead, oldStyle);
    assertThat(dir.resolve(mine.getFileName())).exists();
    assertThat(recentOldStyle).exists();
    assertThat(migration).exists();
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
