package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import dev.autogen.model.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * For each pair of bookstore versions: generate the migration against a database at version n, apply
 * it with plain JDBC, and {@code check} must then find no drift against version n+1; applying the undo
 * file must give back version n's schema.
 */
class ConvergenceTest {

  private static final Map<Integer, List<String>> RENAMES = Map.of(2, List.of("--rename", "customer.full_name=display_name"));

  @ParameterizedTest(name = "v{0} -> v{0}+1")
  @ValueSource(ints = {1, 2})
  void generatedMigrationConvergesAndItsUndoRestores(int version, @TempDir Path migrations) throws Exception {
    try (TestDatabase db = TestDatabase.create("converge")) {
      for (int v = 1; v <= version; v++) {
        db.execute(Bookstore.migrationSql(v));
      }
      Catalog before = RoundTrips.introspect(db);
      List<String> args = new java.util.ArrayList<>(List.of("-m", "bookstore v" + (version + 1),
          "--migrations", migrations.toString()));
      args.addAll(RENAMES.getOrDefault(version + 1, List.of()));

      Cli.Result generated = Cli.run(Cli.against(db, version + 1, args.toArray(String[]::new)));

      assertThat(generated.code()).as(generated.err()).isZero();
      Path upgrade = single(migrations, "V1__bookstore_v" + (version + 1) + ".sql");
      Path undo = single(migrations, "U1__bookstore_v" + (version + 1) + ".sql");
      db.execute(Files.readString(upgrade));

      Cli.Result check = Cli.run(Cli.command("check", Cli.against(db, version + 1)));
      assertThat(check.code()).as(check.out() + check.err()).isZero();
      assertThat(check.out()).contains("No drift");

      db.execute(Files.readString(undo));
      assertThat(Comparison.of(RoundTrips.introspect(db), before, List.of()).plan().changes()).isEmpty();
    }
  }

  private static Path single(Path dir, String name) {
    Path file = dir.resolve(name);
    assertThat(file).exists();
    return file;
  }
}
