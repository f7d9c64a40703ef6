package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.cli.online.OnlinePlans;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code autogen generate --online} end to end on the bookstore (v1 database, then v2 and v3 entities):
 * the online migrations it writes apply with Flyway's library and the database then matches the
 * entities. The files stay in {@code target/online-output/bookstore} for {@code .ci/run}'s Squawk step.
 */
class OnlineGenerateTest {

  @Test
  void bookstoreVersionsAsOnlinePlansApplyAndConverge() throws Exception {
    Path dir = OnlinePlans.outputDirectory("bookstore");
    try (TestDatabase db = TestDatabase.create("online_bookstore")) {
      db.execute(Bookstore.migrationSql(1));
      for (int version = 2; version <= Bookstore.LATEST; version++) {
        Cli.Result generate = Cli.run(Cli.against(db, version, "-m", "bookstore v" + version, "--online",
            "--lock-timeout", "3s", "--migrations", dir.toString()));
        assertThat(generate.code()).as(generate.out() + generate.err()).isZero();
        assertThat(generate.out()).contains("Wrote ");
        OnlinePlans.migrate(db, dir, null);
        Cli.Result check = Cli.run(Cli.command("check", Cli.against(db, version)));
        assertThat(check.code()).as("v" + version + ": " + check.out() + check.err()).isZero();
      }
      try (Stream<Path> files = Files.list(dir)) {
        List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
        assertThat(names).anyMatch(n -> n.endsWith("_online_steps.sql.conf"));
        assertThat(names).allMatch(n -> !n.endsWith(".sql") || n.matches("[VU]\\d+__.*"));
      }
      String first = Files.readString(dir.resolve(firstUpgrade(dir)));
      assertThat(first).contains("set local lock_timeout = '3s';", "set local statement_timeout = 0;");
      // last: without Squawk this aborts as skipped (a JUnit assumption), after everything else ran
      assertThat(dev.autogen.cli.online.Squawk.unaccounted(dir)).as("Squawk findings without an autogen hazard")
          .isEmpty();
    }
  }

  @Test
  void aFillThatNamesNoAddedOrNotNullColumnIsAUsageError(@org.junit.jupiter.api.io.TempDir Path dir) {
    try (TestDatabase db = TestDatabase.create("online_fill")) {
      db.execute(Bookstore.migrationSql(1));
      Cli.Result diff = Cli.run(Cli.command("diff", Cli.against(db, 2, "--fill", "customer.nope=1")));
      Cli.Result malformed = Cli.run(Cli.command("diff", Cli.against(db, 2, "--fill", "customer=1")));
      assertThat(diff.code()).isEqualTo(ExitCode.USAGE);
      assertThat(diff.err().strip().lines()).hasSize(1).first().asString()
          .contains("--fill public.customer.nope: the plan neither adds that column as NOT NULL nor makes it NOT NULL");
      assertThat(malformed.code()).isEqualTo(ExitCode.USAGE);
      assertThat(malformed.err()).contains("--fill takes [schema.]table.column=SQL-expression");
    }
  }

  private static String firstUpgrade(Path dir) throws java.io.IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("V1__") && n.endsWith(".sql"))
          .findFirst().orElseThrow();
    }
  }
}
