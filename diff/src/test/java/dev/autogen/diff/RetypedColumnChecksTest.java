package dev.autogen.diff;

import static dev.autogen.diff.Tables.catalog;
import static dev.autogen.diff.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.model.Catalog;
import dev.autogen.model.postgres.PostgresDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A check on a column whose type changes is replaced: PostgreSQL rebuilds it from its text, old casts
 * included, after {@code ALTER COLUMN ... TYPE}. Found by the convergence property (seed
 * -4204574560312638715): {@code char(4)} to {@code varchar} left {@code ((c0)::bpchar <> ''::bpchar)}, which
 * the next comparison saw as drift.
 */
class RetypedColumnChecksTest {

  private static Catalog withColumn(String type, String check) {
    return catalog(table("t0").id().col("c0", type, true).check("key1", check).build());
  }

  private static List<String> kinds(Catalog current, Catalog target) {
    return new SchemaDiff(new DiffOptions(PostgresDialect.INSTANCE, List.of())).diff(current, target).changes()
        .stream().map(Change::kind).toList();
  }

  @Test
  void aCheckOnARetypedColumnIsDroppedBeforeAndAddedAfter() {
    assertThat(kinds(withColumn("char(4)", "(c0 <> ''::bpchar)"), withColumn("varchar", "((c0)::text <> ''::text)")))
        .containsExactly("drop_check", "alter_column", "add_check");
  }

  @Test
  void aCheckOnAColumnWhoseLengthAloneChangesIsKept() {
    assertThat(kinds(withColumn("varchar(10)", "((c0)::text <> ''::text)"),
        withColumn("varchar(20)", "((c0)::text <> ''::text)")))
        .containsExactly("alter_column");
  }
}
