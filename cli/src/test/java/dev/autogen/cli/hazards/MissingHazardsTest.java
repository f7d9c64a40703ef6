package dev.autogen.cli.hazards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.cli.Cli;
import dev.autogen.cli.hazards.entities.Note;
import dev.autogen.fixtures.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Hazards that were missing (issue 9, #17): a foreign key's delete action dropped, changed or added
 * changes what the running application's deletes do ({@code BACKWARD_INCOMPATIBLE}); a type change
 * with a {@code USING} cast fails on values the cast rejects, which live mode counts read-only
 * ({@code DATA_DEPENDENT}).
 */
class MissingHazardsTest {

  private static final String LIVE = """
      create table parent (id bigint primary key);
      create table child (id bigint primary key, parent_id bigint references parent (id) on delete cascade);
      create table pet (id bigint primary key, parent_id bigint references parent (id));
      create table note (id bigint primary key, body text, code varchar(20), day text);
      insert into note values (1, 'hello', '12', 'today'), (2, 'true', 'x1', null), (3, '42', null, null),
        (4, null, ' -7 ', null), (5, '-3', '99999999999', null);""";

  @Test
  void aForeignKeyWhoseDeleteActionChangesIsBackwardIncompatible() {
    try (TestDatabase db = TestDatabase.create("fkaction")) {
      db.execute(LIVE);
      Cli.Result diff = Cli.run(Cli.command("diff", args(db)));

      assertThat(diff.code()).as(diff.err()).isZero();
      assertThat(diff.out()).as(diff.out())
          .contains("BACKWARD_INCOMPATIBLE: add foreign key on public.child (parent_id) references public.parent: "
              + "ON DELETE CASCADE becomes NO ACTION: deletes of referenced rows now fail while child rows reference them")
          .contains("BACKWARD_INCOMPATIBLE: add foreign key on public.pet (parent_id) references public.parent: "
              + "ON DELETE NO ACTION becomes CASCADE: deletes of referenced rows now also delete the child rows");
    }
  }

  @Test
  void aTypeChangeWithAUsingCastCountsTheValuesTheCastRejects() {
    try (TestDatabase db = TestDatabase.create("usingcast")) {
      db.execute(LIVE);
      Cli.Result diff = Cli.run(Cli.command("diff", args(db)));
      Cli.Result unmeasured = Cli.run(Cli.command("diff", args(db, "--no-probe")));

      assertThat(diff.code()).as(diff.err()).isZero();
      assertThat(diff.out()).as(diff.out())
          .contains("DATA_DEPENDENT: alter column on public.note.body fails if the table holds values that the cast "
              + "to oid rejects; found 2 rows whose values it rejects")
          .contains("DATA_DEPENDENT: alter column on public.note.code fails if the table holds values that the cast "
              + "to integer rejects; found 2 rows whose values it rejects");
      String notMeasured = "not measured (no read-only check for it on this server, or the probe timed out)";
      assertThat(diff.out()).contains(serverVersion(db) >= 160000
          ? "to date rejects; found 1 row whose value it rejects"
          : "DATA_DEPENDENT: alter column on public.note.day fails if the table holds values that the cast to date "
              + "rejects; " + notMeasured);
      assertThat(unmeasured.out()).contains("DATA_DEPENDENT: alter column on public.note.body fails if the table "
          + "holds values that the cast to oid rejects\n");
    }
  }

  private static int serverVersion(TestDatabase db) {
    try (java.sql.Connection c = db.connect(); java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("show server_version_num")) {
      rs.next();
      return rs.getInt(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String[] args(TestDatabase db, String... more) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--url", db.url(), "--user",
        TestDatabase.user(), "--dev-url", TestDatabase.adminUrl(), "--classpath", testClasses(), "--packages",
        Note.class.getPackageName(), "--no-input"));
    args.addAll(java.util.List.of(more));
    return args.toArray(String[]::new);
  }

  private static String testClasses() {
    try {
      return Path.of(Note.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
