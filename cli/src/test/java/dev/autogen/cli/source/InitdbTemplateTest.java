package dev.autogen.cli.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * The throwaway embedded server starts from a copy of {@code initdb}'s output: the first server that runs
 * {@code initdb} keeps it as the template (without what belongs to a server's run), later ones copy it
 * instead of running {@code initdb}, and the copy is a working server.
 */
class InitdbTemplateTest {

  @Test
  void aServerStartsFromACopyOfTheTemplateAndAnswers() throws Exception {
    InitdbTemplate template = InitdbTemplate.of(EmbeddedBinaries.forThisPlatform());
    // the first start keeps the template when there is none (other tests may have kept it already)
    try (EmbeddedDevServer first = EmbeddedDevServer.start()) {
      assertThat(first.admin().url()).startsWith("jdbc:postgresql:");
    }
    Path kept = template.directory();
    assertThat(kept.resolve("PG_VERSION")).exists();
    assertThat(kept.resolve("postmaster.pid")).doesNotExist();
    assertThat(kept.resolve("epg-lock")).doesNotExist();

    try (EmbeddedDevServer second = EmbeddedDevServer.start()) {
      Path data = Path.of(query(second, "show data_directory"));
      // a copy keeps the template's file times; initdb would have written the file now
      assertThat(Files.getLastModifiedTime(data.resolve("PG_VERSION")))
          .isEqualTo(Files.getLastModifiedTime(kept.resolve("PG_VERSION")));
      assertThat(query(second, "select current_setting('fsync')")).isEqualTo("off");
      assertThat(data.resolve("autogen-initdb-template")).doesNotExist();
    }
  }

  private static String query(DevServer server, String sql) throws Exception {
    DatabaseLogin admin = server.admin();
    try (Connection c = DriverManager.getConnection(admin.url(), admin.user(), admin.password());
        ResultSet rows = c.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
