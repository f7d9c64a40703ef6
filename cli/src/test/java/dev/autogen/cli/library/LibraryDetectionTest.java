package dev.autogen.cli.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.config.ApplicationConfig;
import dev.autogen.cli.config.Setting;
import dev.autogen.diff.LibraryTable;
import dev.autogen.model.postgres.PostgresDialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which libraries {@link LibraryTables} finds on a class path (a directory holding a library's marker
 * class, as an exploded jar does) and what it calls their tables under the application's settings.
 */
class LibraryDetectionTest {

  @Test
  void batchSessionAndShedLockUnderTheConfiguredPrefixes(@TempDir Path dir) throws Exception {
    Path classes = dir.resolve("classes");
    marker(classes, "org/springframework/batch/core/repository/dao/jdbc/JdbcJobInstanceDao.class");
    marker(classes, "org/springframework/session/jdbc/JdbcIndexedSessionRepository.class");
    marker(classes, "net/javacrumbs/shedlock/provider/jdbctemplate/JdbcTemplateLockProvider.class");
    ApplicationConfig config = new ApplicationConfig(List.of(), List.of(
        new Setting("spring.batch.jdbc.table-prefix", "jobs.MY_BATCH_", "application.properties:1"),
        new Setting("spring.session.jdbc.table-name", "${SESSION_TABLE:WEB_SESSION}", "application.properties:2")),
        Map.of(), true);

    List<LibraryTables.Found> found = LibraryTables.onClassPath(List.of(dir.resolve("missing"), classes), config,
        PostgresDialect.INSTANCE);

    assertThat(found).extracting(f -> f.library().library() + " " + f.prefix() + " " + f.source()).containsExactly(
        "Spring Batch jobs.MY_BATCH_ application.properties:1",
        "Spring Session WEB_SESSION application.properties:2",
        "ShedLock shedlock default");
    assertThat(LibraryTables.tables(found)).contains(
        new LibraryTable("Spring Batch", "jobs", "my_batch_job_instance"),
        new LibraryTable("Spring Batch", "jobs", "my_batch_job_seq"),
        new LibraryTable("Spring Session", null, "web_session"),
        new LibraryTable("Spring Session", null, "web_session_attributes"),
        new LibraryTable("ShedLock", null, "shedlock")).hasSize(10 + 2 + 1);
  }

  @Test
  void noMarkerNoLibrary(@TempDir Path dir) throws Exception {
    Path classes = dir.resolve("classes");
    marker(classes, "org/springframework/integration/jdbc/lock/LockRepository.class");
    assertThat(LibraryTables.onClassPath(List.of(classes), ApplicationConfig.empty(), PostgresDialect.INSTANCE))
        .isEmpty();
  }

  @Test
  void anUnreadableJarIsAUsageError(@TempDir Path dir) throws Exception {
    Path jar = Files.writeString(dir.resolve("broken.jar"), "not a zip");
    assertThatThrownBy(() -> LibraryTables.onClassPath(List.of(jar), ApplicationConfig.empty(), PostgresDialect.INSTANCE))
        .isInstanceOf(AutogenException.class).hasMessageContaining("broken.jar");
  }

  private static void marker(Path root, String resource) throws Exception {
    Path file = root.resolve(resource);
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
  }
}
