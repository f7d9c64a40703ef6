package dev.autogen.diff;

import static dev.autogen.diff.Tables.catalog;
import static dev.autogen.diff.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.model.Catalog;
import dev.autogen.model.postgres.PostgresDialect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {

  private static MigrationPlan diff(Catalog current, Catalog target, String... renames) {
    return new SchemaDiff(new DiffOptions(PostgresDialect.INSTANCE, List.of(renames))).diff(current, target);
  }

  private static List<String> kinds(MigrationPlan plan) {
    return plan.changes().stream().map(c -> c.kind() + " " + c.subject().name()
        + (c.column() == null ? "" : "." + c.column())).toList();
  }

  private static List<String> hazards(MigrationPlan plan, String kind) {
    return plan.changes().stream().filter(c -> c.kind().equals(kind))
        .flatMap(c -> plan.diagnostics(c).stream()).map(d -> d.hazard().name()).sorted().toList();
  }

  @Test
  void spellingDifferencesAreNotDifferences() {
    Catalog db = catalog(table("customer").id()
        .col("email", "character varying(255)", false)
        .col("score", "decimal(10,2)", true)
        .col("joined", "timestamp", true)
        .col("active", "bool", true, "true")
        .col("status", "varchar(20)", true, "'NEW'::character varying")
        .unique("customer_email_key", "email")
        .check("customer_status_check",
            "((status)::text = ANY ((ARRAY['NEW'::character varying, 'OLD'::character varying])::text[]))")
        .build());
    Catalog entities = catalog(table("customer")
        .col("status", "varchar(20)", true, "'NEW'")
        .col("active", "boolean", true, "TRUE")
        .col("joined", "timestamp(6)", true)
        .col("score", "numeric(10,2)", true)
        .col("email", "varchar(255)", false)
        .id()
        .index("UK_hashed_name", true, "email")
        .check("CK_other", "status in ('NEW','OLD')")
        .build());

    assertThat(diff(db, entities).changes()).isEmpty();
  }

  @Test
  void columnEditsCarryTheirHazards() {
    Catalog db = catalog(table("customer").id()
        .col("full_name", "varchar(120)", true)
        .col("sku", "varchar(64)", false)
        .col("qty", "integer", true)
        .col("title", "varchar(255)", true)
        .build());
    Catalog entities = catalog(table("customer").id()
        .col("display_name", "varchar(120)", true)
        .col("sku", "varchar(32)", false)
        .col("qty", "bigint", true)
        .col("title", "varchar(255)", false)
        .col("points", "integer", false)
        .col("bio", "varchar(1000)", true)
        .build());

    MigrationPlan plan = diff(db, entities);

    assertThat(kinds(plan)).containsExactly(
        "drop_column customer.full_name",
        "add_column customer.bio", "add_column customer.display_name", "add_column customer.points",
        "alter_column customer.qty", "alter_column customer.sku", "alter_column customer.title");
    assertThat(plan.diagnostics()).anySatisfy(d -> {
      assertThat(d.hazard()).isEqualTo(Hazard.SUSPECTED_RENAME);
      assertThat(d.remedy()).contains("--rename customer.full_name=display_name");
    });
    assertThat(plan.diagnostics()).filteredOn(d -> d.change().column().equals("sku"))
        .extracting(Diagnostic::hazard).contains(Hazard.DATA_LOSS, Hazard.TABLE_REWRITE);
    assertThat(plan.diagnostics()).filteredOn(d -> d.change().column().equals("qty"))
        .extracting(Diagnostic::hazard).containsOnly(Hazard.TABLE_REWRITE, Hazard.BLOCKING_LOCK);
    assertThat(plan.diagnostics()).filteredOn(d -> d.change().column().equals("points"))
        .extracting(Diagnostic::hazard).containsExactly(Hazard.NOT_NULL_NO_DEFAULT);
    assertThat(plan.diagnostics()).filteredOn(d -> d.change().column().equals("bio")).isEmpty();
    assertThat(plan.risk()).isEqualTo(Risk.DANGEROUS);
  }

  @Test
  void widenedVarcharNeitherLosesDataNorRewrites() {
    Catalog db = catalog(table("t").id().col("name", "varchar(10)", true).build());
    Catalog entities = catalog(table("t").id().col("name", "varchar(20)", true).build());

    MigrationPlan plan = diff(db, entities);

    assertThat(kinds(plan)).containsExactly("alter_column t.name");
    assertThat(plan.diagnostics()).isEmpty();
  }

  @Test
  void confirmedColumnRenameReplacesDropAndAdd() {
    Catalog db = catalog(table("customer").id().col("full_name", "varchar(120)", true)
        .index("ix", false, "full_name").build());
    Catalog entities = catalog(table("customer").id().col("display_name", "varchar(120)", true)
        .index("other", false, "display_name").build());

    MigrationPlan plan = diff(db, entities, "customer.full_name=display_name");

    assertThat(kinds(plan)).containsExactly("rename_column customer.display_name");
    assertThat(hazards(plan, "rename_column")).containsExactly("BACKWARD_INCOMPATIBLE");
  }

  @Test
  void confirmedTableRenameKeepsItsForeignKeys() {
    Catalog db = catalog(
        table("client").id().col("name", "text", true).build(),
        table("orders").id().col("client_id", "bigint", true).fk("fk1", "client_id", "client").build());
    Catalog entities = catalog(
        table("customer").id().col("name", "text", true).build(),
        table("orders").id().col("client_id", "bigint", true).fk("FKabc", "client_id", "customer").build());

    assertThat(kinds(diff(db, entities))).contains("drop_table client", "create_table customer");
    assertThat(kinds(diff(db, entities, "client=customer"))).containsExactly("rename_table client");
  }

  @Test
  void suspectedTableRenameIsReportedNotApplied() {
    Catalog db = catalog(table("client").id().col("name", "text", true).col("email", "text", true).build());
    Catalog entities = catalog(table("customer").id().col("name", "text", true).col("email", "text", true).build());

    MigrationPlan plan = diff(db, entities);

    assertThat(hazards(plan, "drop_table")).contains("SUSPECTED_RENAME", "DATA_LOSS");
    assertThat(plan.diagnostics()).anySatisfy(d -> assertThat(d.remedy()).contains("--rename client=customer"));
  }

  @Test
  void dropsComeFirstAndForeignKeysLast() {
    Catalog db = catalog(
        table("customer").id().build(),
        table("newsletter").id().col("customer_id", "bigint", true).fk("fk_n", "customer_id", "customer").build());
    Catalog entities = catalog(
        table("customer").id().build(),
        table("wish").id().col("customer_id", "bigint", false).fk("fk_w", "customer_id", "customer")
            .col("other_id", "bigint", true).fk("fk_self", "other_id", "wish").build());

    MigrationPlan plan = diff(db, entities);

    assertThat(kinds(plan)).containsExactly(
        "drop_foreign_key newsletter", "drop_table newsletter", "create_table wish",
        "add_foreign_key wish", "add_foreign_key wish");
    assertThat(hazards(plan, "add_foreign_key")).isEmpty();
    assertThat(hazards(plan, "create_table")).isEmpty();
  }

  @Test
  void addedConstraintsOnExistingTablesAreDataDependent() {
    Catalog db = catalog(table("t").id().col("code", "varchar(10)", true).col("n", "integer", true).build());
    Catalog entities = catalog(table("t").id().col("code", "varchar(10)", true).col("n", "integer", true)
        .unique("uk", "code").check("ck", "n > 0").index("ix", false, "n").build());

    MigrationPlan plan = diff(db, entities);

    assertThat(hazards(plan, "add_unique")).containsExactly("DATA_DEPENDENT", "INDEX_BUILD_BLOCKS_WRITES");
    assertThat(hazards(plan, "add_check")).containsExactly("BLOCKING_LOCK", "DATA_DEPENDENT");
    assertThat(hazards(plan, "create_index")).containsExactly("INDEX_BUILD_BLOCKS_WRITES");
  }

  @Test
  void outputIsDeterministicWhateverTheInputOrder() {
    List<dev.autogen.model.Table> tables = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      tables.add(table("t" + i).id().col("c", "integer", true).fk("f" + i, "c", "t" + ((i + 1) % 30)).build());
    }
    Catalog empty = catalog();
    List<String> first = kinds(diff(empty, catalog(tables.toArray(dev.autogen.model.Table[]::new))));
    Collections.shuffle(tables, new Random(7));
    List<String> second = kinds(diff(empty, catalog(tables.toArray(dev.autogen.model.Table[]::new))));

    assertThat(second).isEqualTo(first);
    assertThat(first.subList(0, 30)).allMatch(k -> k.startsWith("create_table"));
    assertThat(first.subList(30, 60)).allMatch(k -> k.startsWith("add_foreign_key"));
  }

  @Test
  void reversingThePlanAndDiffingBackGivesTheReverseChanges() {
    Catalog db = catalog(table("a").id().col("x", "integer", true).build());
    Catalog entities = catalog(table("a").id().col("y", "text", true).build(), table("b").id().build());

    MigrationPlan up = diff(db, entities);
    MigrationPlan down = diff(entities, db);

    assertThat(down.changes()).containsExactlyInAnyOrderElementsOf(
        up.changes().stream().map(Change::reverse).toList());
  }

  @Test
  void badRenamesAreRejectedWithOneLine() {
    Catalog db = catalog(table("customer").id().col("full_name", "text", true).build());
    Catalog entities = catalog(table("customer").id().col("display_name", "text", true).build());

    assertThatThrownBy(() -> diff(db, entities, "customer.fullname=display_name"))
        .isInstanceOf(InvalidRenameException.class)
        .hasMessage("--rename customer.fullname=display_name: table public.customer has no column fullname");
    assertThatThrownBy(() -> diff(db, entities, "customer.full_name=dname"))
        .hasMessageContaining("the entities have no column dname");
    assertThatThrownBy(() -> diff(db, entities, "customer.full_name"))
        .hasMessageContaining("expected old=new");
    assertThatThrownBy(() -> diff(db, entities, "nosuch=client"))
        .hasMessageContaining("the database has no table public.nosuch");
  }

  @Test
  void renamesTheDatabaseAlreadyShowsAreIgnored() {
    Catalog renamed = catalog(table("customer").id().col("display_name", "text", true).build());

    assertThat(diff(renamed, renamed, "customer.full_name=display_name", "client=customer").changes()).isEmpty();
  }

  @Test
  void confirmedRenamesRunBeforeEverythingElse() {
    Catalog db = catalog(
        table("client").id().col("code", "text", true).unique("uk", "code").build(),
        table("orders").id().col("client_id", "bigint", true).fk("fk1", "client_id", "client").build());
    Catalog entities = catalog(
        table("customer").id().col("code", "text", true).build(),
        table("orders").id().col("client_id", "bigint", true).fk("fk1", "client_id", "customer").build());

    assertThat(kinds(diff(db, entities, "client=customer")))
        .containsExactly("rename_table client", "drop_unique customer");
  }

  @Test
  void keptForeignKeysAreRebuiltAroundTypeChangesAndKeyDrops() {
    Catalog db = catalog(
        table("parent").col("id", "integer", false).build(),
        table("child").id().col("parent_id", "integer", true).fk("fk", "parent_id", "parent").build());
    Catalog entities = catalog(
        table("parent").col("id", "bigint", false).build(),
        table("child").id().col("parent_id", "bigint", true).fk("FKx", "parent_id", "parent").build());

    assertThat(kinds(diff(db, entities))).containsExactly(
        "drop_foreign_key child", "alter_column child.parent_id", "alter_column parent.id", "add_foreign_key child");
  }

  @Test
  void renamesOntoExistingNamesAreRejected() {
    Catalog db = catalog(table("a").id().col("x", "text", true).col("y", "text", true).build(),
        table("b").id().build());
    Catalog entities = catalog(table("a").id().col("y", "text", true).build(), table("b").id().build());

    assertThatThrownBy(() -> diff(db, entities, "a.x=y")).hasMessageContaining("already has a column y");
    assertThatThrownBy(() -> diff(db, entities, "a=b")).hasMessageContaining("already has a table public.b");
  }
}
