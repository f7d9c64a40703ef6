package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay mode: the migrations directory is applied with Flyway to a scratch database, on the embedded
 * PostgreSQL by default or on {@code --dev-url}; the generated files sit beside the others and replay
 * too.
 */
class ReplayModeTest {

  @Test
  void embeddedDefaultGeneratesTheNextVersionAndThenSeesNoDrift(@TempDir Path migrations) throws Exception {
    Files.writeString(migrations.resolve("V1__create_bookstore.sql"), Bookstore.migrationSql(1));
    String[] entities = {"--classpath", Cli.fixturesClasspath(), "--packages", Bookstore.packageOf(2),
        "--migrations", migrations.toString()};

    Cli.Result drift = Cli.run(Cli.command("check", entities));
    Cli.Result generated = Cli.run(Cli.command("generate", Cli.command("-m", Cli.command("Bookstore v2!",
        Cli.command("--rename", Cli.command("customer.full_name=display_name", entities))))));
    Cli.Result after = Cli.run(Cli.command("check", entities));

    assertThat(drift.code()).as(drift.err()).isEqualTo(ExitCode.DRIFT);
    assertThat(drift.out()).contains("SUSPECTED_RENAME");
    assertThat(generated.code()).as(generated.err()).isZero();
    try (Stream<Path> files = Files.list(migrations)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("U2__bookstore_v2.sql", "V1__create_bookstore.sql", "V2__bookstore_v2.sql");
    }
    assertThat(after.code()).as(after.out() + after.err()).isZero();
  }

  @Test
  void devUrlReplaysOnAnExistingServerAndWritesNothingOnceAtHead(@TempDir Path migrations) throws Exception {
    Files.writeString(migrations.resolve("V1__create_bookstore.sql"), Bookstore.migrationSql(1));
    String[] args = {"-m", "bookstore v3", "--dev-url", TestDatabase.adminUrl(), "--user", TestDatabase.user(),
        "--classpath", Cli.fixturesClasspath(), "--packages", Bookstore.packageOf(3),
        "--migrations", migrations.toString(), "--rename", "customer.full_name=display_name"};

    Cli.Result first = Cli.run(args);
    String written = Files.readString(migrations.resolve("V2__bookstore_v3.sql"));
    Cli.Result again = Cli.run(Cli.command("generate", args));

    assertThat(first.code()).as(first.err()).isZero();
    assertThat(written).contains("bookstore v3").contains("DATA_LOSS");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("No changes");
    assertThat(Files.readString(migrations.resolve("V2__bookstore_v3.sql"))).isEqualTo(written);
  }

  @Test
  void demoRunsEndToEnd() {
    System.setProperty(DemoData.LOCATION_PROPERTY, Cli.fixturesClasspath());
    Cli.Result demo = Cli.run("demo", "--dev-url", TestDatabase.adminUrl(), "--user", TestDatabase.user());

    assertThat(demo.code()).as(demo.out() + demo.err()).isZero();
    assertThat(demo.out()).contains("V2__bookstore_v2.sql", "V3__bookstore_v3.sql", "DATA_LOSS", "no changes.");
    // it ends by proving what it wrote with autogen verify: up, the undo file, up again, entities matched
    assertThat(demo.out()).contains("$ autogen verify --packages dev.autogen.fixtures.bookstore.v3",
        "model: the migrated schema matches the entities", "2 undone and applied again, model matches.")
        .containsPattern("V3__bookstore_v3\\.sql +up +\\d+ ms +down +\\d+ ms +ok \\(up, U3__bookstore_v3\\.sql, up\\)")
        .endsWith("Done: every generated migration applied and left no drift.\n");
    // and the same app kept in Liquibase: the next changelog written, included, replayed, no drift
    assertThat(demo.out()).containsSubsequence("=== The same app with its history in Liquibase",
        "/src/main/resources/db/changelog/changes/", "-bookstore-v2.xml",
        "/src/main/resources/db/changelog/db.changelog-master.xml", "<rollback>",
        "$ autogen check --packages dev.autogen.fixtures.bookstore.v2", "No drift");
    // and a data migration as a Flyway Java migration: written, compiled, applied in batches, no drift
    assertThat(demo.out()).containsSubsequence("=== A data migration as a Flyway Java migration",
        "2500 products have no title", "V3__require_product_titles.java",
        "public class V3__require_product_titles extends BaseJavaMigration", "Compiled it with javax.tools",
        "$ autogen check --include-tables product", "No drift");
  }
}
