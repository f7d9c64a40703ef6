package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DisplayPathTest {

  @Test
  void aFileUnderTheWorkingDirectoryIsNamedRelativeToIt() {
    Path cwd = Path.of("").toAbsolutePath();
    assertThat(DisplayPath.of(cwd.resolve("src/main/resources/db/migration/V2__x.sql")))
        .isEqualTo(Path.of("src/main/resources/db/migration/V2__x.sql").toString());
    assertThat(DisplayPath.of(Path.of("a/../b/V1__y.sql"))).isEqualTo(Path.of("b/V1__y.sql").toString());
  }

  @Test
  void aFileElsewhereIsNamedAbsolutely() {
    Path elsewhere = Path.of("").toAbsolutePath().getRoot().resolve("elsewhere-" + System.nanoTime()).resolve("V1.sql");
    assertThat(DisplayPath.of(elsewhere)).isEqualTo(elsewhere.toString());
  }
}
