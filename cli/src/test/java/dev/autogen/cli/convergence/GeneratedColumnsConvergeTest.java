package dev.autogen.cli.convergence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.cli.CliMigrations;
import dev.autogen.cli.RoundTrips;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A stored generated column whose expression changes, that becomes plain or that a plain column
 * becomes, with an index and a check on it and a row in the table: the files the CLI writes, applied
 * by Flyway, converge on the target, and the undo files restore the start (issue 9 #8: such a change
 * was written {@code -- (nothing to run)}, rated safe, and never converged).
 */
class GeneratedColumnsConvergeTest {

  private static final String[] COMPLETE = {"--drop-unmanaged", "all", "--converge-serial"};

  private static String schema(String total) {
    return "create table item (id integer primary key, price integer not null, total integer " + total + ");"
        + " create index item_total_idx on item (total);"
        + " alter table item add constraint item_total_check check (total >= 0);"
        + " insert into item (id, price) values (1, 5)";
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "generated always as (price * 2) stored | generated always as (price * 3) stored",
      "generated always as (price * 2) stored | ''",
      "''                                     | generated always as (price * 2) stored"})
  void theCliFilesConvergeAndTheirUndoRestores(String from, String to, @TempDir Path migrations) throws IOException {
    try (TestDatabase current = TestDatabase.create("gencur"); TestDatabase target = TestDatabase.create("gentgt")) {
      current.execute(schema(from));
      target.execute(schema(to));
      Catalog before = RoundTrips.introspect(current);
      Catalog after = RoundTrips.introspect(target);

      List<Path> files = CliMigrations.write(migrations, "change total", before, after, COMPLETE);
      assertThat(files).isNotEmpty();
      String upgrade = Files.readString(files.get(0));
      assertThat(upgrade).doesNotContain("(nothing to run)");
      CliMigrations.migrate(current, migrations);
      assertThat(CliMigrations.changes(RoundTrips.introspect(current), after, COMPLETE)).as(upgrade).isEmpty();

      CliMigrations.undo(current, migrations);
      assertThat(CliMigrations.changes(RoundTrips.introspect(current), before, COMPLETE)).isEmpty();
    }
  }
}
