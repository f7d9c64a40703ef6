package dev.autogen.cli;

import static dev.autogen.fixtures.TestGit.commit;
import static dev.autogen.fixtures.TestGit.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Version conflicts between branches (issue 11 #3), on real git repositories built here: branch
 * {@code feature} generates {@code V2} with autogen while {@code main} adds its own {@code V2}; after
 * the merge, {@code check} (with and without {@code --base main}) exits 1 naming both files, {@code
 * rebase --base main} renumbers the branch's migration to {@code V3} (upgrade, undo, headers), after
 * which the replay of {@code check} and Flyway on a database at {@code main}'s head both migrate.
 */
class VersionConflictTest {

  /** A repository whose branches {@code main} and {@code feature} each added a V2, feature checked out and main merged. */
  private record Repo(Path root, Path migrations, TestDatabase production, TestDatabase development)
      implements AutoCloseable {
    @Override
    public void close() {
      production.close();
      development.close();
    }
  }

  @Test
  void twoBranchesAddingTheSameVersionAreDetectedAndRebasedSoFlywayMigratesBoth(@TempDir Path dir) throws Exception {
    try (Repo repo = mergedRepository(dir)) {
      Path m = repo.migrations();
      Cli.Result duplicate = Cli.run(Cli.command("check", project(m, 2)));
      assertThat(duplicate.code()).as(duplicate.out() + duplicate.err()).isEqualTo(ExitCode.DRIFT);
      assertThat(duplicate.out().strip()).isEqualTo("Version conflict: V2__bookstore_v2.sql and V2__seed_data.sql "
          + "share version 2 (Flyway: \"Found more than one migration with version 2\"); renumber one, or run "
          + "autogen rebase --base REF when a branch brought it");

      Cli.Result behind = Cli.run(Cli.command("check", project(m, 2, "--base", "main")));
      assertThat(behind.code()).as(behind.out() + behind.err()).isEqualTo(ExitCode.DRIFT);
      assertThat(behind.out()).contains("Version conflict: V2__bookstore_v2.sql, added by this branch, has version 2 "
          + "as main's V2__seed_data.sql (Flyway: \"Found more than one migration with version 2\"); run autogen "
          + "rebase --base main");

      // verify --base reports it too, as a problem of the history
      Cli.Result verifyBehind = Cli.run(Cli.command("verify", project(m, 2, "--base", "main")));
      assertThat(verifyBehind.code()).as(verifyBehind.out() + verifyBehind.err()).isEqualTo(ExitCode.DRIFT);
      assertThat(verifyBehind.out()).contains("history: Version conflict: V2__bookstore_v2.sql, added by this "
          + "branch, has version 2 as main's V2__seed_data.sql");

      List<String> before = names(m);
      Cli.Result dryRun = Cli.run(Cli.command("rebase", project(m, 2, "--base", "main", "--dry-run")));
      assertThat(dryRun.code()).as(dryRun.out() + dryRun.err()).isZero();
      assertThat(dryRun.out()).contains("Would rename ", "V2__bookstore_v2.sql -> V3__bookstore_v2.sql",
          "U2__bookstore_v2.sql -> U3__bookstore_v2.sql", "Dry run: nothing renamed");
      assertThat(names(m)).isEqualTo(before);

      Cli.Result rebased = Cli.run(Cli.command("rebase", project(m, 2, "--base", "main")));
      assertThat(rebased.code()).as(rebased.out() + rebased.err()).isZero();
      assertThat(rebased.out()).contains("Renamed ", "V2__bookstore_v2.sql -> V3__bookstore_v2.sql",
          "U2__bookstore_v2.sql -> U3__bookstore_v2.sql", "1 migration(s) now follow main's highest version 2.");
      assertThat(names(m)).containsExactly("U3__bookstore_v2.sql", "V1__create_bookstore.sql",
          "V2__seed_data.sql", "V3__bookstore_v2.sql");
      String upgrade = Files.readString(m.resolve("V3__bookstore_v2.sql"));
      String undo = Files.readString(m.resolve("U3__bookstore_v2.sql"));
      assertThat(upgrade).contains("-- Version:      3\n").doesNotContain("-- Version:      2");
      assertThat(undo).startsWith("-- Undoes V3 (V3__bookstore_v2.sql): ").contains("those of V3.")
          .contains("-- Version:      3\n");

      Cli.Result linear = Cli.run(Cli.command("check", project(m, 2, "--base", "main")));
      assertThat(linear.code()).as("the replay applies V1, V2 and V3: " + linear.out() + linear.err()).isZero();
      assertThat(linear.out()).startsWith("No drift");

      // the database at main's head takes the renumbered migration as the next one
      assertThat(flyway(repo.production(), m).migrate().migrationsExecuted).isEqualTo(1);
      assertThat(flyway(repo.production(), m).info().applied()).hasSize(3);

      Cli.Result again = Cli.run(Cli.command("rebase", project(m, 2, "--base", "main")));
      assertThat(again.code()).isZero();
      assertThat(again.out()).contains("Nothing to rebase: this branch's migrations are above main's highest version 2.");
    }
  }

  @Test
  void refusesWhenTheLiveDatabaseAppliedTheBranchsMigration(@TempDir Path dir) throws Exception {
    try (Repo repo = mergedRepository(dir)) {
      Path m = repo.migrations();
      List<String> before = names(m);
      Cli.Result refused = Cli.run(Cli.command("rebase", project(m, 2, "--base", "main",
          "--url", repo.development().url())));
      assertThat(refused.code()).as(refused.out() + refused.err()).isEqualTo(ExitCode.USAGE);
      assertThat(refused.err().strip()).startsWith("autogen: V2__bookstore_v2.sql is already applied in ")
          .contains("flyway_schema_history", "nothing renamed").doesNotContain("\tat ").doesNotContain("\n");
      assertThat(names(m)).isEqualTo(before);

      // main's database applied main's V2 only: the branch's migration is free to move
      Cli.Result rebased = Cli.run(Cli.command("rebase", project(m, 2, "--base", "main",
          "--url", repo.production().url())));
      assertThat(rebased.code()).as(rebased.out() + rebased.err()).isZero();
      assertThat(names(m)).contains("V3__bookstore_v2.sql");
    }
  }

  @Test
  void neverOverwritesAFile(@TempDir Path dir) throws Exception {
    try (Repo repo = mergedRepository(dir)) {
      Path m = repo.migrations();
      Path squatter = m.resolve("U3__bookstore_v2.sql");
      Files.writeString(squatter, "-- someone's own file\n");
      List<String> before = names(m);
      Cli.Result refused = Cli.run(Cli.command("rebase", project(m, 2, "--base", "main")));
      assertThat(refused.code()).as(refused.out() + refused.err()).isEqualTo(ExitCode.USAGE);
      assertThat(refused.err()).contains("not overwriting ", "U3__bookstore_v2.sql");
      assertThat(names(m)).isEqualTo(before);
      assertThat(Files.readString(squatter)).isEqualTo("-- someone's own file\n");
    }
  }

  @Test
  void aBaseOutsideGitIsAUsageError(@TempDir Path dir) throws Exception {
    Path m = Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(m.resolve("V1__create_bookstore.sql"), Bookstore.migrationSql(1));
    Cli.Result notGit = Cli.run(Cli.command("check", project(m, 1, "--base", "main")));
    assertThat(notGit.code()).as(notGit.out() + notGit.err()).isEqualTo(ExitCode.USAGE);
    assertThat(notGit.err()).contains("--base").contains("git").doesNotContain("\tat ");

    git(dir, "init", "-q", "-b", "main");
    Cli.Result unknown = Cli.run(Cli.command("rebase", project(m, 1, "--base", "origin/nope")));
    assertThat(unknown.code()).as(unknown.out() + unknown.err()).isEqualTo(ExitCode.USAGE);
    assertThat(unknown.err()).contains("--base origin/nope: no such commit");

    Cli.Result noBase = Cli.run(Cli.command("rebase", project(m, 1)));
    assertThat(noBase.code()).isEqualTo(ExitCode.USAGE);
    assertThat(noBase.err()).contains("rebase needs --base REF");
  }

  @Test
  void zeroPaddedVersionsMoveTogetherWithTheirConfigurationFiles(@TempDir Path dir) throws Exception {
    Path root = Files.createDirectories(dir.resolve("app"));
    Path m = Files.createDirectories(root.resolve("db"));
    git(root, "init", "-q", "-b", "main");
    Files.writeString(m.resolve("V001__create.sql"), "create table t (id int);\n");
    Files.writeString(m.resolve("V002__more.sql"), "alter table t add column a int;\n");
    commit(root, "base");
    git(root, "checkout", "-q", "-b", "feature");
    Files.createDirectories(m.resolve("feature"));
    Files.writeString(m.resolve("feature/V003__b.sql"), "alter table t add column b int;\n");
    Files.writeString(m.resolve("feature/V003__b.sql.conf"), "executeInTransaction=false\n");
    Files.writeString(m.resolve("V004__b.sql"), "create index concurrently t_b on t (b);\n");
    Files.writeString(m.resolve("V004__b.sql.conf"), "executeInTransaction=false\n");
    Files.writeString(m.resolve("V002_5__early.sql"), "alter table t add column e int;\n");
    commit(root, "feature");
    git(root, "checkout", "-q", "main");
    Files.writeString(m.resolve("V003__c.sql"), "alter table t add column c int;\n");
    commit(root, "main");
    git(root, "checkout", "-q", "feature");
    // not merged: the branch is behind main's V003 all the same; its own V004 moves too, to keep the order
    String[] args = {"--migrations", m.toString(), "--base", "main", "--classpath", dir.toString(), "--no-cache"};
    Cli.Result behind = Cli.run(Cli.command("check", args));
    assertThat(behind.code()).as(behind.out() + behind.err()).isEqualTo(ExitCode.DRIFT);
    assertThat(behind.out().strip().lines()).containsExactly("Version conflict: V002_5__early.sql, added by this "
        + "branch, is not above main's highest version 003 (V003__c.sql): Flyway skips it where main is applied "
        + "(unless outOfOrder); run autogen rebase --base main", "Version conflict: feature/V003__b.sql, added by "
        + "this branch, has version 003 as main's V003__c.sql (Flyway: \"Found more than one migration with version "
        + "003\"); run autogen rebase --base main");

    git(root, "merge", "-q", "--no-edit", "main");
    Cli.Result rebased = Cli.run(Cli.command("rebase", args));
    assertThat(rebased.code()).as(rebased.out() + rebased.err()).isZero();
    try (Stream<Path> files = Files.walk(m)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> m.relativize(p).toString()).sorted())
          .containsExactly("V001__create.sql", "V002__more.sql", "V003__c.sql", "V004__early.sql", "V006__b.sql",
              "V006__b.sql.conf", "feature/V005__b.sql", "feature/V005__b.sql.conf");
    }
    assertThat(Files.readString(m.resolve("V006__b.sql"))).isEqualTo("create index concurrently t_b on t (b);\n");
    try (TestDatabase db = TestDatabase.create("rebase_padded")) {
      assertThat(flyway(db, m).migrate().migrationsExecuted).isEqualTo(6);
    }
  }

  /**
   * main: V1 (bookstore 1); feature: V2 generated by autogen for bookstore 2; main: V2__seed_data.sql,
   * migrated into the production database; the development database migrated on feature before the
   * merge; then feature merges main.
   */
  private static Repo mergedRepository(Path dir) throws Exception {
    Path root = Files.createDirectories(dir.resolve("app"));
    Path m = Files.createDirectories(root.resolve("src/main/resources/db/migration"));
    git(root, "init", "-q", "-b", "main");
    Files.writeString(m.resolve("V1__create_bookstore.sql"), Bookstore.migrationSql(1));
    commit(root, "V1");
    git(root, "checkout", "-q", "-b", "feature");
    Cli.Result generated = Cli.run(Cli.command("generate", Cli.command("-m", Cli.command("Bookstore v2",
        project(m, 2)))));
    assertThat(generated.code()).as(generated.out() + generated.err()).isZero();
    commit(root, "feature: bookstore v2");
    TestDatabase development = TestDatabase.create("rebase_dev");
    assertThat(flyway(development, m).migrate().migrationsExecuted).isEqualTo(2);
    git(root, "checkout", "-q", "main");
    Files.writeString(m.resolve("V2__seed_data.sql"), "-- main's own version 2: data only\nselect 1;\n");
    commit(root, "main: seed data");
    TestDatabase production = TestDatabase.create("rebase_prod");
    assertThat(flyway(production, m).migrate().migrationsExecuted).isEqualTo(2);
    git(root, "checkout", "-q", "feature");
    git(root, "merge", "-q", "--no-edit", "main");
    assertThat(names(m)).containsExactly("U2__bookstore_v2.sql", "V1__create_bookstore.sql",
        "V2__bookstore_v2.sql", "V2__seed_data.sql");
    return new Repo(root, m, production, development);
  }

  private static String[] project(Path migrations, int version, String... more) {
    List<String> args = new ArrayList<>(List.of("--dev-url", TestDatabase.adminUrl(), "--user", TestDatabase.user(),
        "--naming", "hibernate", "--classpath", Cli.fixturesClasspath(), "--packages", Bookstore.packageOf(version),
        "--migrations", migrations.toString(), "--no-input", "--no-cache"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static Flyway flyway(TestDatabase db, Path migrations) {
    return TestFlyway.configure(db, migrations).load();
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
    }
  }
}
