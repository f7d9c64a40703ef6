package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code autogen baseline}: accepted differences are recorded with their reasons, then left out of
 * {@code check}, {@code diff} and {@code generate}; new drift still shows, differences that are gone
 * are reported resolved and pruned on request.
 */
class BaselineTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DESCRIPTION = "alter_column public.product.description type varchar(4000)->varchar(2000)";
  private static final String LEGACY = "drop_column public.review.legacy_flag boolean null";
  private static final String COUPON = "alter_column public.coupon.code type varchar(50)->varchar(40)";

  private static TestDatabase bookstoreWithDrift() {
    TestDatabase db = TestDatabase.create("baseline");
    for (int v = 1; v <= Bookstore.LATEST; v++) {
      db.execute(Bookstore.migrationSql(v));
    }
    db.execute("alter table product alter column description type varchar(4000);"
        + "alter table review add column legacy_flag boolean");
    return db;
  }

  private static Cli.Result run(TestDatabase db, Path baseline, String command, String... more) {
    List<String> args = new ArrayList<>(List.of(more));
    args.addAll(List.of("--baseline", baseline.toString()));
    return Cli.run(Cli.command(command, Cli.against(db, Bookstore.LATEST, args.toArray(String[]::new))));
  }

  /** @return fingerprint to reason, as the file holds them */
  private static Map<String, String> reasons(Path baseline) throws Exception {
    JsonNode root = JSON.readTree(Files.readString(baseline));
    assertThat(root.get("formatVersion").asInt()).isEqualTo(1);
    Map<String, String> reasons = new TreeMap<>();
    root.get("entries").forEach(e -> reasons.put(e.get("fingerprint").asText(), e.get("reason").asText()));
    return reasons;
  }

  @Test
  void recordedDifferencesAreLeftOutNewOnesShowAndResolvedOnesArePruned(@TempDir Path dir) throws Exception {
    Path baseline = dir.resolve("autogen-baseline.json");
    try (TestDatabase db = bookstoreWithDrift()) {
      // before anything is recorded: no --baseline (a --baseline that names no file is an error, issue 9 #10)
      assertThat(Cli.run(Cli.command("check", Cli.against(db, Bookstore.LATEST))).code()).isEqualTo(ExitCode.DRIFT);

      Cli.Result recorded = run(db, baseline, "baseline", "--reason", "widened by hand; entities follow in 2.4");

      assertThat(recorded.code()).as(recorded.err()).isZero();
      assertThat(recorded.out()).contains("recorded: alter column public.product.description", "Wrote " + baseline);
      assertThat(reasons(baseline)).containsOnly(
          Map.entry(DESCRIPTION, "widened by hand; entities follow in 2.4"),
          Map.entry(LEGACY, "widened by hand; entities follow in 2.4"));
      JsonNode entry = JSON.readTree(Files.readString(baseline)).get("entries").get(0);
      assertThat(entry.get("kind").asText()).isEqualTo("alter_column");
      assertThat(entry.get("object").asText()).isEqualTo("public.product.description");
      assertThat(entry.get("description").asText()).contains("public.product.description");
      assertThat(LocalDate.parse(entry.get("recordedAt").asText())).isAfterOrEqualTo(LocalDate.now().minusDays(1));

      Cli.Result clean = run(db, baseline, "check");
      assertThat(clean.code()).as(clean.out() + clean.err()).isZero();
      assertThat(clean.out()).contains("No drift", "2 accepted differences left out");
      JsonNode diff = JSON.readTree(run(db, baseline, "diff", "--format", "json").out());
      assertThat(diff.get("changes")).isEmpty();
      assertThat(diff.get("diagnostics")).isEmpty();
      assertThat(diff.get("baseline").get("suppressed").asInt()).isEqualTo(2);
      assertThat(diff.get("baseline").get("file").asText()).isEqualTo(baseline.toString());
      assertThat(diff.get("baseline").get("resolved")).isEmpty();

      // new drift shows; a difference that is gone is reported resolved
      db.execute("alter table coupon alter column code type varchar(50); alter table review drop column legacy_flag");
      Cli.Result drift = run(db, baseline, "check");
      assertThat(drift.code()).isEqualTo(ExitCode.DRIFT);
      assertThat(drift.out()).contains("public.coupon.code", "1 accepted difference left out",
          "resolved: baseline entry \"" + LEGACY + "\" no longer differs - remove it with autogen baseline --prune")
          .doesNotContain("public.product.description");
      JsonNode resolved = JSON.readTree(run(db, baseline, "diff", "--format", "json").out()).get("baseline");
      assertThat(resolved.get("resolved")).hasSize(1);
      assertThat(resolved.get("resolved").get(0).get("fingerprint").asText()).isEqualTo(LEGACY);
      assertThat(resolved.get("resolved").get(0).get("reason").asText()).isEqualTo("widened by hand; entities follow in 2.4");

      // recording again adds the new difference and keeps the existing entries with their reasons
      Cli.Result again = run(db, baseline, "baseline", "--reason", "partner codes are longer");
      assertThat(again.code()).as(again.err()).isZero();
      assertThat(reasons(baseline)).containsOnly(
          Map.entry(DESCRIPTION, "widened by hand; entities follow in 2.4"),
          Map.entry(LEGACY, "widened by hand; entities follow in 2.4"),
          Map.entry(COUPON, "partner codes are longer"));

      Cli.Result pruned = run(db, baseline, "baseline", "--prune");
      assertThat(pruned.code()).as(pruned.err()).isZero();
      assertThat(pruned.out()).contains("pruned: drop column public.review.legacy_flag");
      assertThat(reasons(baseline)).containsOnly(
          Map.entry(DESCRIPTION, "widened by hand; entities follow in 2.4"),
          Map.entry(COUPON, "partner codes are longer"));
      assertThat(run(db, baseline, "check").code()).isZero();
    }
  }

  @Test
  void generateLeavesAcceptedDifferencesOutOfTheMigration(@TempDir Path dir) throws Exception {
    Path baseline = dir.resolve("accepted.json");
    Path migrations = Files.createDirectory(dir.resolve("migrations"));
    try (TestDatabase db = bookstoreWithDrift()) {
      assertThat(run(db, baseline, "baseline", "--reason", "kept on purpose", "--only", "drop_column").code()).isZero();
      assertThat(reasons(baseline)).containsOnlyKeys(LEGACY);

      Cli.Result generated = run(db, baseline, "generate", "-m", "narrow description", "--migrations",
          migrations.toString());

      assertThat(generated.code()).as(generated.err()).isZero();
      assertThat(generated.out()).contains("1 accepted difference left out");
      String sql = Files.readString(migrations.resolve("V1__narrow_description.sql"));
      assertThat(sql).contains("description").doesNotContain("legacy_flag");
    }
  }

  @Test
  void theBaselineFileCanBeSetInAutogenProperties(@TempDir Path dir) throws Exception {
    Path baseline = dir.resolve("ops-baseline.json");
    Path properties = dir.resolve("autogen.properties");
    try (TestDatabase db = bookstoreWithDrift()) {
      Files.writeString(properties, "baseline=" + baseline.toString().replace("\\", "\\\\") + "\n");
      String[] args = Cli.against(db, Bookstore.LATEST);

      Cli.Result recorded = Cli.runWithProperties(properties.toFile(), Cli.command("baseline",
          Cli.command("--reason", Cli.command("accepted", args))));
      Cli.Result check = Cli.runWithProperties(properties.toFile(), Cli.command("check", args));

      assertThat(recorded.code()).as(recorded.err()).isZero();
      assertThat(reasons(baseline)).containsOnlyKeys(DESCRIPTION, LEGACY);
      assertThat(check.code()).as(check.out() + check.err()).isZero();
    }
  }

  @Test
  void recordingWithoutAReasonIsAUsageErrorAndWritesNothing(@TempDir Path dir) {
    Path baseline = dir.resolve("autogen-baseline.json");
    try (TestDatabase db = bookstoreWithDrift()) {
      Cli.Result r = run(db, baseline, "baseline");

      assertThat(r.code()).isEqualTo(ExitCode.USAGE);
      assertThat(r.err().strip()).startsWith("autogen: ").contains("--reason").doesNotContain("\n");
      assertThat(baseline).doesNotExist();
      assertThat(run(db, baseline, "baseline", "--reason", "x", "--only", "alter_colum").err())
          .contains("unknown change kind alter_colum", "alter_column");
    }
  }

  @Test
  void aBrokenBaselineFileIsAUsageError(@TempDir Path dir) throws Exception {
    Path baseline = Files.writeString(dir.resolve("autogen-baseline.json"), "{\"formatVersion\": 2, \"entries\": []}");
    try (TestDatabase db = bookstoreWithDrift()) {
      Cli.Result r = run(db, baseline, "check");

      assertThat(r.code()).isEqualTo(ExitCode.USAGE);
      assertThat(r.err()).contains("is not a baseline file", "formatVersion");
    }
  }
}
