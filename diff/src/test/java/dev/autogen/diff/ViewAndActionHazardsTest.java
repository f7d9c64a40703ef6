package dev.autogen.diff;

import static dev.autogen.diff.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.model.Catalog;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.ReferentialAction;
import dev.autogen.model.Schema;
import dev.autogen.model.Table;
import dev.autogen.model.View;
import dev.autogen.model.postgres.PostgresDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link Hazard#DEPENDENT_OBJECT} and of foreign key actions ({@link
 * Hazard#BACKWARD_INCOMPATIBLE}) through the whole diff, and where {@code --recreate-dependent-views}
 * puts the views (issue 9, #5 and #17).
 */
class ViewAndActionHazardsTest {

  private static final QualifiedName T = new QualifiedName("public", "t");
  private static final QualifiedName V = new QualifiedName("public", "v");

  /** {@code v} reads {@code t.c}; {@code w} reads {@code v}; {@code d} reads {@code t.gone}. */
  private static Catalog current() {
    Table t = table("t").id().col("c", "integer", true).col("gone", "text", true).build();
    return new Catalog(List.of(new Schema("public", List.of(t), List.of(), List.of(), List.of(), List.of(
        view("w", " SELECT v.c FROM public.v;", new View.Dependency(V, "c")),
        view("v", " SELECT t.c FROM public.t;", new View.Dependency(T, "c")),
        view("d", " SELECT t.gone FROM public.t;", new View.Dependency(T, "gone"))))));
  }

  private static View view(String name, String definition, View.Dependency dependency) {
    return new View(name, false, definition, null, List.of(), List.of(), true, List.of(dependency));
  }

  private static Catalog target() {
    return Tables.catalog(table("t").id().col("c", "bigint", true).build());
  }

  private static MigrationPlan diff(boolean recreate) {
    return new SchemaDiff(DiffOptions.forEntities(PostgresDialect.INSTANCE, List.of())
        .withRecreateDependentViews(recreate)).diff(current(), target());
  }

  @Test
  void viewsOverAChangedOrDroppedColumnAreDangerous() {
    MigrationPlan plan = diff(false);
    List<Diagnostic> dependent = plan.diagnostics().stream().filter(d -> d.hazard() == Hazard.DEPENDENT_OBJECT).toList();
    assertThat(dependent).extracting(d -> d.change().kind()).containsExactlyInAnyOrder("alter_column", "drop_column");
    assertThat(dependent).allSatisfy(d -> assertThat(d.risk()).isEqualTo(Risk.DANGEROUS));
    assertThat(dependent).filteredOn(d -> d.change().kind().equals("alter_column")).singleElement().satisfies(d -> {
      assertThat(d.message()).isEqualTo("alter column on public.t.c fails: view public.v, view public.w read it "
          + "(directly or through another view)");
      assertThat(d.remedy()).contains("--recreate-dependent-views");
    });
    assertThat(dependent).filteredOn(d -> d.change().kind().equals("drop_column")).singleElement()
        .satisfies(d -> assertThat(d.remedy()).startsWith("drop or change them by hand first"));
    assertThat(plan.changes()).noneMatch(c -> c instanceof Change.DropView || c instanceof Change.CreateView);
  }

  @Test
  void theOptionDropsDependentsFirstAndCreatesInDependencyOrder() {
    MigrationPlan plan = diff(true);
    List<String> steps = plan.changes().stream().map(c -> c.kind() + " " + c.subject().name()).toList();
    assertThat(steps).containsSubsequence("drop_view w", "drop_view v", "alter_column t", "create_view v",
        "create_view w");
    assertThat(steps).first().isEqualTo("drop_view w");
    assertThat(steps).last().isEqualTo("create_view w");
    assertThat(steps).doesNotContain("drop_view d", "create_view d");
    assertThat(plan.diagnostics()).filteredOn(d -> d.hazard() == Hazard.DEPENDENT_OBJECT)
        .extracting(d -> d.change().kind()).containsExactly("drop_column");
    Change firstUndone = plan.changes().get(plan.changes().size() - 1).reverse();
    assertThat(firstUndone).isInstanceOf(Change.DropView.class);
    assertThat(firstUndone.subject().name()).as("the undo drops the view over the other first").isEqualTo("w");
  }

  private static Catalog withKey(String table, ReferentialAction onDelete) {
    Table parent = table("parent").id().build();
    Table child = table(table).id().col("parent_id", "bigint", true).build();
    List<ForeignKey> keys = onDelete == null ? List.of() : List.of(new ForeignKey(null, List.of("parent_id"),
        new QualifiedName("public", "parent"), List.of("id"), onDelete, ReferentialAction.NO_ACTION));
    Table withKeys = new Table(child.name(), child.columns(), child.primaryKey(), keys, List.of(), List.of(), List.of(),
        null);
    return Tables.catalog(parent, withKeys);
  }

  private static List<Diagnostic> actionHazards(Catalog current, Catalog target) {
    return new SchemaDiff(DiffOptions.of(PostgresDialect.INSTANCE)).diff(current, target).diagnostics().stream()
        .filter(d -> d.hazard() == Hazard.BACKWARD_INCOMPATIBLE).toList();
  }

  @Test
  void aForeignKeyActionDroppedChangedOrAddedChangesWhatDeletesDo() {
    assertThat(actionHazards(withKey("c", ReferentialAction.CASCADE), withKey("c", ReferentialAction.NO_ACTION)))
        .singleElement().satisfies(d -> {
          assertThat(d.change()).isInstanceOf(Change.AddForeignKey.class);
          assertThat(d.message()).contains("ON DELETE CASCADE becomes NO ACTION: deletes of referenced rows now fail "
              + "while child rows reference them");
        });
    assertThat(actionHazards(withKey("c", ReferentialAction.NO_ACTION), withKey("c", ReferentialAction.CASCADE)))
        .singleElement().satisfies(d -> assertThat(d.message())
            .contains("ON DELETE NO ACTION becomes CASCADE: deletes of referenced rows now also delete the child rows"));
    assertThat(actionHazards(withKey("c", ReferentialAction.SET_NULL), withKey("c", null)))
        .singleElement().satisfies(d -> {
          assertThat(d.change()).isInstanceOf(Change.DropForeignKey.class);
          assertThat(d.message()).contains("ON DELETE SET NULL becomes NO ACTION: deletes of referenced rows now "
              + "leave the child rows as they are");
        });
    assertThat(actionHazards(withKey("c", null), withKey("c", ReferentialAction.SET_NULL))).singleElement()
        .satisfies(d -> assertThat(d.message()).contains("now set the child rows' columns to NULL"));
    assertThat(actionHazards(withKey("c", ReferentialAction.NO_ACTION), withKey("c", ReferentialAction.RESTRICT)))
        .as("both make deletes fail").isEmpty();
    assertThat(actionHazards(withKey("c", ReferentialAction.NO_ACTION), withKey("c", null)))
        .as("dropping a key without an action changes no delete").isEmpty();
  }
}
