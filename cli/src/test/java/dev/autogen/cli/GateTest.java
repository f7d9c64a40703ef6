package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.diff.Hazard;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CI gate {@code --fail-on} / {@code --allow} on check, diff and generate (bookstore v1 database, v2 entities). */
class GateTest {

  private static final String ALL_CODES =
      Arrays.stream(Hazard.values()).map(Hazard::name).collect(Collectors.joining(","));

  @Test
  void dangerousDriftFailsTheGateUnlessItsHazardsAreAllowed(@TempDir Path migrations) throws Exception {
    try (TestDatabase db = TestDatabase.create("gate")) {
      db.execute(Bookstore.migrationSql(1));

      Cli.Result check = Cli.run(Cli.command("check", Cli.against(db, 2, "--fail-on", "dangerous")));
      Cli.Result allowed = Cli.run(Cli.command("check", Cli.against(db, 2, "--fail-on", "caution",
          "--allow", ALL_CODES)));
      Cli.Result diff = Cli.run(Cli.command("diff", Cli.against(db, 2, "--format", "json", "--fail-on", "dangerous")));
      Cli.Result generate = Cli.run(Cli.against(db, 2, "-m", "v2", "--migrations", migrations.toString(),
          "--fail-on", "dangerous"));

      assertThat(check.code()).as(check.out()).isEqualTo(ExitCode.DRIFT);
      assertThat(check.out()).contains("Gate --fail-on dangerous:", "  DATA_LOSS drop column public.customer.full_name");
      assertThat(allowed.code()).as(allowed.out()).isZero();
      assertThat(allowed.out()).contains("Drift found, below the --fail-on caution gate.");
      assertThat(diff.code()).isEqualTo(ExitCode.DRIFT);
      assertThat(new ObjectMapper().readTree(diff.out()).get("changes")).isNotEmpty();
      assertThat(diff.err()).contains("Gate --fail-on dangerous:");
      assertThat(generate.code()).isEqualTo(ExitCode.DRIFT);
      assertThat(generate.out()).contains("No migration written.");
      try (var files = Files.list(migrations)) {
        assertThat(files).isEmpty();
      }
    }
  }

  @Test
  void badGateValuesAreUsageErrors() {
    try (TestDatabase db = TestDatabase.create("gate")) {
      Cli.Result safe = Cli.run(Cli.command("check", Cli.against(db, 1, "--fail-on", "safe")));
      Cli.Result code = Cli.run(Cli.command("check", Cli.against(db, 1, "--fail-on", "caution", "--allow", "DATALOSS")));

      assertThat(safe.code()).isEqualTo(ExitCode.USAGE);
      assertThat(safe.err()).contains("--fail-on must be caution or dangerous, not 'safe'");
      assertThat(code.code()).isEqualTo(ExitCode.USAGE);
      assertThat(code.err()).contains("--allow: unknown hazard code 'DATALOSS'");
    }
  }
}
