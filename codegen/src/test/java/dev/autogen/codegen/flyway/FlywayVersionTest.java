package dev.autogen.codegen.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.codegen.flyway.FlywayVersion.Scheme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlywayVersionTest {

  private static final Instant NOW = Instant.parse("2025-06-01T10:20:30Z");

  private static FlywayVersion next(String... names) {
    return FlywayVersion.next(List.of(names), NOW);
  }

  @Test
  void emptyOrMissingDirectoryStartsAtOne(@TempDir Path dir) {
    assertThat(FlywayVersion.next(dir, NOW)).isEqualTo(new FlywayVersion("1", Scheme.NUMERIC));
    assertThat(FlywayVersion.next(dir.resolve("missing"), NOW).value()).isEqualTo("1");
  }

  @Test
  void readsTheDirectory(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("V1__init.sql"), "");
    Files.writeString(dir.resolve("V2__more.sql"), "");
    Files.createDirectory(dir.resolve("V9__not_a_file.sql.d"));
    assertThat(FlywayVersion.next(dir, NOW).value()).isEqualTo("3");
  }

  @Test
  void readsSubdirectoriesAsFlywayDoes(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("V1__init.sql"), "");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/V3__x.sql"), "");
    assertThat(FlywayVersion.next(dir, NOW).value()).isEqualTo("4");
  }

  @Test
  void numericSchemeTakesTheHighestMajorPlusOne() {
    assertThat(next("V1__a.sql", "V2__b.sql")).isEqualTo(new FlywayVersion("3", Scheme.NUMERIC));
    assertThat(next("V10__a.sql", "V9__b.sql").value()).isEqualTo("11");
    assertThat(next("V1__a.sql", "V1_1__b.sql").value()).isEqualTo("2");
    assertThat(next("V1__a.sql", "V1.2__b.sql", "V1.10__c.sql").value()).isEqualTo("2");
  }

  @Test
  void zeroPaddedSchemeKeepsTheWidth() {
    assertThat(next("V001__a.sql", "V002__b.sql")).isEqualTo(new FlywayVersion("003", Scheme.ZERO_PADDED));
    assertThat(next("V009__a.sql").value()).isEqualTo("010");
    assertThat(next("V0099__a.sql").value()).isEqualTo("0100");
    assertThat(next("V999__a.sql").value()).isEqualTo("1000");
  }

  @Test
  void timestampSchemeUsesNowInUtc() {
    assertThat(next("V20250101120000__a.sql")).isEqualTo(new FlywayVersion("20250601102030", Scheme.TIMESTAMP));
    assertThat(next("V202501011200__a.sql").value()).isEqualTo("20250601102030");
    assertThat(next("V1__a.sql", "V20250101120000__b.sql").scheme()).isEqualTo(Scheme.TIMESTAMP);
  }

  @Test
  void timestampIsStrictlyGreaterThanTheHighest() {
    assertThat(next("V20250601102030__a.sql").value()).isEqualTo("20250601102031");
    assertThat(next("V20991231235959__future.sql").value()).isEqualTo("20991231235960");
  }

  @Test
  void otherFilesAreIgnoredButUndoVersionsAreNotReused() {
    assertThat(next("R__views.sql", "U7__x.sql", "README.md", "V3__a.txt", "V2__a.sql.conf", "B5__baseline.sql"))
        .isEqualTo(new FlywayVersion("1", Scheme.NUMERIC));
    assertThat(next("V1__a.sql", "V2__b.sql", "U3__stale.sql").value()).isEqualTo("4");
    assertThat(next("V1__a.sql", "U2.0__stale.sql", "U3__stale.sql").value()).isEqualTo("4");
    assertThat(next("V001__a.sql", "U002__stale.sql").value()).isEqualTo("003");
  }
}
