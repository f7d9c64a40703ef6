package dev.autogen.diff;

import static dev.autogen.diff.Tables.catalog;
import static dev.autogen.diff.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.model.Catalog;
import dev.autogen.model.CheckConstraint;
import dev.autogen.model.Index;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.Table;
import dev.autogen.model.postgres.PostgresDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A confirmed column rename carries the column's name into checks, expression index keys and
 * partial-index predicates, as PostgreSQL's {@code RENAME COLUMN} does, so none of them is dropped
 * and created again.
 */
class RenamedColumnExpressionsTest {

  /** The table as PostgreSQL deparses it: casts and ANY arrays as {@code pg_get_constraintdef} writes them. */
  private static Catalog database() {
    return catalog(table("customer").id()
        .col("status", "varchar(20)", true)
        .col("full_name", "varchar(120)", true)
        .check("customer_status_check",
            "((status)::text = ANY ((ARRAY['A'::character varying, 'B'::character varying])::text[]))")
        .index("customer_name_idx", false, "(lower((full_name)::text))")
        .partialIndex("customer_active_idx", "((full_name IS NOT NULL) AND ((status)::text <> 'B'::text))", "id")
        .build());
  }

  /** The table as the entities describe it, with the given column names. */
  private static Catalog entities(String status, String fullName) {
    return catalog(table("customer").id()
        .col(status, "varchar(20)", true)
        .col(fullName, "varchar(120)", true)
        .check("CK_status", status + " in ('A','B')")
        .index("IDX_name", false, "(lower(" + fullName + "))")
        .partialIndex("IDX_active", fullName + " is not null and " + status + " <> 'B'", "id")
        .build());
  }

  private static MigrationPlan diff(Catalog current, Catalog target, String... renames) {
    return new SchemaDiff(new DiffOptions(PostgresDialect.INSTANCE, List.of(renames))).diff(current, target);
  }

  private static List<String> kinds(MigrationPlan plan) {
    return plan.changes().stream().map(c -> c.kind() + " " + c.subject().name()
        + (c.column() == null ? "" : "." + c.column())).toList();
  }

  @Test
  void theTablesMatchBeforeAnyRename() {
    assertThat(diff(database(), entities("status", "full_name")).changes()).isEmpty();
  }

  @Test
  void renamingTheCheckedColumnKeepsCheckAndPartialIndex() {
    MigrationPlan plan = diff(database(), entities("state", "full_name"), "customer.status=state");

    assertThat(kinds(plan)).containsExactly("rename_column customer.state");
  }

  @Test
  void renamingTheIndexedColumnKeepsExpressionIndexAndPartialIndex() {
    MigrationPlan plan = diff(database(), entities("status", "display_name"), "customer.full_name=display_name");

    assertThat(kinds(plan)).containsExactly("rename_column customer.display_name");
  }

  @Test
  void renamingBothColumnsGivesOnlyTheTwoRenames() {
    MigrationPlan plan = diff(database(), entities("state", "display_name"),
        "customer.status=state", "customer.full_name=display_name");

    assertThat(kinds(plan)).containsExactlyInAnyOrder("rename_column customer.state", "rename_column customer.display_name");
  }

  @Test
  void withoutTheRenameTheExpressionsWouldBeRebuilt() {
    MigrationPlan plan = diff(database(), entities("state", "display_name"));

    assertThat(kinds(plan)).contains("drop_check customer", "add_check customer", "drop_index customer",
        "create_index customer");
  }

  @Test
  void renamerRewritesOnlyTheRenamedTablesExpressions() {
    Table customer = table("customer").id()
        .col("full_name", "text", true)
        .check("ck", "full_name <> 'full_name'")
        .index("ix", false, "(lower(full_name)) desc", "full_name desc", "id")
        .partialIndex("px", "full_name(full_name) is not null", "id")
        .build();
    Table other = table("other").id()
        .col("full_name", "text", true)
        .check("ck2", "full_name <> ''")
        .build();
    Rename rename = new Rename(new QualifiedName("public", "customer"), "full_name", "Display Name");

    Catalog renamed = CatalogRenamer.apply(catalog(customer, other), rename, PostgresDialect.INSTANCE);

    Table c = renamed.schemas().get(0).tables().get(0);
    assertThat(c.checks()).containsExactly(new CheckConstraint("ck", "\"Display Name\" <> 'full_name'"));
    assertThat(c.indexes()).containsExactly(
        new Index("ix", List.of("(lower(\"Display Name\")) desc", "Display Name desc", "id"), false, null, null),
        new Index("px", List.of("id"), false, "full_name(\"Display Name\") is not null", null));
    assertThat(renamed.schemas().get(0).tables().get(1)).isEqualTo(other);
  }
}
