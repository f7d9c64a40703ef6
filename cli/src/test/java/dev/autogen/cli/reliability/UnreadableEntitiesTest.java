package dev.autogen.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.cli.Cli;
import dev.autogen.cli.ExitCode;
import dev.autogen.fixtures.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An entity class that cannot be read never becomes a {@code drop table} (issue 9, #2): the live
 * database holds exactly the tables of the compiled entities, so the intact classes give no change;
 * a truncated class file of one entity, or a class an entity refers to gone from the class path, is a
 * one-line error with exit code 2 that names the class, and nothing is written.
 */
@Tag("reliability")
class UnreadableEntitiesTest {

  @Test
  void aDamagedOrIncompleteClassPathIsAnErrorNeverADrop(@TempDir Path dir) throws IOException {
    Path intact = DamagedEntities.compile(dir.resolve("entities"));
    Path truncated = DamagedEntities.truncated(intact, dir.resolve("truncated"), "Review");
    Path missing = DamagedEntities.without(intact, dir.resolve("missing"), "Extra");
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    try (TestDatabase db = TestDatabase.create("unreadable")) {
      db.execute("create table customer (id bigint primary key, name varchar(255));"
          + "create table review (id bigint primary key, body varchar(255), note varchar(255));");

      Cli.Result whole = generate(db, intact, migrations);
      Cli.Result cut = generate(db, truncated, migrations);
      Cli.Result incomplete = generate(db, missing, migrations);

      assertThat(whole.code()).as(whole.out() + whole.err()).isZero();
      assertThat(whole.out()).contains("No changes");
      assertThat(cut.code()).as(cut.out() + cut.err()).isEqualTo(ExitCode.USAGE);
      assertThat(cut.err().strip()).doesNotContain("\n")
          .startsWith("autogen: class " + DamagedEntities.PACKAGE + ".Review cannot be read")
          .contains("Truncated class file");
      assertThat(incomplete.code()).as(incomplete.out() + incomplete.err()).isEqualTo(ExitCode.USAGE);
      assertThat(incomplete.err().strip()).doesNotContain("\n")
          .startsWith("autogen: class " + DamagedEntities.PACKAGE + ".Extra, which " + DamagedEntities.PACKAGE
              + ".Review refers to, cannot be loaded (NoClassDefFoundError");
      assertThat(cut.out() + incomplete.out()).doesNotContain("drop table");
      try (Stream<Path> files = Files.list(migrations)) {
        assertThat(files.toList()).as("nothing written").isEqualTo(List.of());
      }
    }
  }

  /**
   * A class compiled for a newer Java than the running one (its class file's major version one release
   * past the running Java's) is a one-line error naming both versions and the remedy, exit code 2.
   */
  @Test
  void aClassForANewerJavaNamesBothVersions(@TempDir Path dir) throws IOException {
    Path intact = DamagedEntities.compile(dir.resolve("entities"));
    int running = Runtime.version().feature();
    int newer = running + 1;
    Path future = DamagedEntities.forJava(intact, dir.resolve("future"), "Customer", newer + 44);
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    try (TestDatabase db = TestDatabase.create("newerjava")) {
      Cli.Result result = generate(db, future, migrations);

      assertThat(result.code()).as(result.out() + result.err()).isEqualTo(ExitCode.USAGE);
      assertThat(result.err().strip()).doesNotContain("\n").isEqualTo("autogen: class " + DamagedEntities.PACKAGE
          + ".Customer was compiled for Java " + newer + " (class file " + (newer + 44) + "); autogen runs on Java "
          + running + ": run it with JAVA_HOME set to Java " + newer + " or newer");
      try (Stream<Path> files = Files.list(migrations)) {
        assertThat(files.toList()).as("nothing written").isEqualTo(List.of());
      }
    }
  }

  private static Cli.Result generate(TestDatabase db, Path classes, Path migrations) {
    return Cli.run("generate", "-m", "entities", "--url", db.url(), "--user", TestDatabase.user(),
        "--dev-url", TestDatabase.adminUrl(), "--classpath", classes.toString(), "--migrations", migrations.toString(),
        "--no-input", "--no-cache");
  }
}
