package dev.autogen.diff;

import static dev.autogen.diff.Tables.catalog;
import static dev.autogen.diff.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.model.Catalog;
import dev.autogen.model.Dialect;
import dev.autogen.model.postgres.PostgresDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A change of a stored generated column's expression, through the whole diff: where the server
 * cannot set the new expression in place (before PostgreSQL 17, or an unknown version), the column is
 * dropped and added again, so the indexes and constraints on it are dropped before and created again
 * after; the hazards say what really happens (issue 9 #8).
 */
class GeneratedColumnChangesTest {

  private static final int PG15 = 150_004;
  private static final int PG17 = 170_000;

  private static Catalog priced(String generated) {
    Tables t = table("item").id().col("price", "integer", true);
    if (generated == null) {
      t.col("total", "integer", true);
    } else {
      t.generated("total", "integer", generated);
    }
    return catalog(t.check("item_total_check", "total >= 0").index("item_total_idx", false, "total")
        .index("item_price_idx", false, "price").build());
  }

  private static MigrationPlan diff(int version, Catalog current, Catalog target) {
    return new SchemaDiff(DiffOptions.of(PostgresDialect.INSTANCE).withServerVersion(version)).diff(current, target);
  }

  private static List<String> kinds(MigrationPlan plan) {
    return plan.changes().stream().map(c -> c.kind() + (c instanceof Change.DropIndex d ? " " + d.index().name()
        : c instanceof Change.CreateIndex i ? " " + i.index().name() : "")).toList();
  }

  private static List<Hazard> hazards(MigrationPlan plan) {
    return plan.diagnostics().stream().map(Diagnostic::hazard).distinct().toList();
  }

  @Test
  void beforePostgres17TheColumnsIndexesAndConstraintsAreDroppedAndCreatedAgainAroundIt() {
    for (int version : new int[] {PG15, Dialect.LATEST_SERVER_VERSION}) {
      MigrationPlan plan = diff(version, priced("price * 2"), priced("price * 3"));
      assertThat(kinds(plan)).as("version %s", version).containsExactly(
          "drop_check", "drop_index item_total_idx", "alter_column", "add_check", "create_index item_total_idx");
      assertThat(plan.serverVersion()).isEqualTo(version);
      assertThat(hazards(plan)).contains(Hazard.TABLE_REWRITE, Hazard.BLOCKING_LOCK)
          .doesNotContain(Hazard.DATA_LOSS, Hazard.BACKWARD_INCOMPATIBLE);
    }
  }

  @Test
  void fromPostgres17TheExpressionIsSetInPlace() {
    MigrationPlan plan = diff(PG17, priced("price * 2"), priced("price * 3"));
    assertThat(kinds(plan)).containsExactly("alter_column");
    assertThat(hazards(plan)).containsExactlyInAnyOrder(Hazard.TABLE_REWRITE, Hazard.BLOCKING_LOCK);
  }

  @Test
  void aGeneratedColumnMadePlainKeepsItsValuesAndIsNotRewrittenButItsUndoAddsItAgain() {
    MigrationPlan plan = diff(PG15, priced("price * 2"), priced(null));
    assertThat(kinds(plan)).as("the undo (the reverse) drops and adds the column again").containsExactly(
        "drop_check", "drop_index item_total_idx", "alter_column", "add_check", "create_index item_total_idx");
    Change alter = plan.changes().get(2);
    assertThat(plan.diagnostics(alter)).isEmpty();
  }

  @Test
  void aPlainColumnMadeGeneratedLosesItsValuesAndBreaksTheWritesOfTheRunningApplication() {
    MigrationPlan plan = diff(PG17, priced(null), priced("price * 2"));
    assertThat(kinds(plan)).as("even PostgreSQL 17 cannot add an expression to a plain column").containsExactly(
        "drop_check", "drop_index item_total_idx", "alter_column", "add_check", "create_index item_total_idx");
    assertThat(hazards(plan)).contains(Hazard.DATA_LOSS, Hazard.BACKWARD_INCOMPATIBLE, Hazard.TABLE_REWRITE);
  }
}
