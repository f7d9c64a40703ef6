package dev.autogen.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.bench.EntityCompiler;
import dev.autogen.bench.GeneratedSchema;
import dev.autogen.bench.Subject;
import dev.autogen.bench.TimedProcess;
import dev.autogen.fixtures.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hibernate's schema update, run as the benchmark runs it, on a real database it must not change. */
class HibernatePeerTest {

  @Test
  void reportsTheDriftAsAnUpdateScriptWithoutChangingTheDatabase(@TempDir Path work) throws Exception {
    GeneratedSchema schema = new GeneratedSchema(35, GeneratedSchema.DEFAULT_PACKAGE);
    EntityCompiler.compile(schema.entitySources(), work.resolve("src"), work.resolve("classes"));
    try (TestDatabase db = TestDatabase.create("bench_hibernate")) {
      db.execute(String.join(";\n", schema.ddl()));
      HibernatePeer peer = new HibernatePeer(List.of());
      List<String> command = peer.command(new Subject(db.url(), TestDatabase.user(), work.resolve("classes"),
          List.of(schema.packageName())));

      TimedProcess.Run run = TimedProcess.run(command);
      TimedProcess.Run again = TimedProcess.run(command);

      assertThat(run.exitCode()).as(run.stderr()).isZero();
      assertThat(run.stdout().lines().toList()).containsExactlyInAnyOrder(
          "alter table if exists t00000 add column extra varchar(20);",
          "alter table if exists t00010 alter column name set data type varchar(100);",
          "create index ix_t00020_name on t00020 (name);",
          "alter table if exists t00030 add column extra varchar(20);");
      assertThat(peer.changesReported(run.stdout())).isEqualTo(4);
      assertThat(again.stdout()).as("a script target leaves the database as it was").isEqualTo(run.stdout());
    }
  }
}
