package dev.autogen.diff;

import static dev.autogen.diff.Tables.catalog;
import static dev.autogen.diff.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.model.Catalog;
import dev.autogen.model.DataProbe;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.postgres.PostgresDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The analyzers ask a data probe the right questions (objects named as they are in the database) and
 * put its answers into the diagnostics. The probe here answers from a table of figures and records
 * what it was asked; PostgresDataProbeTest (introspect) answers from a real database.
 */
class MeasuredHazardsTest {

  private static final QualifiedName PET = new QualifiedName("public", "pet");
  private static final QualifiedName OWNER = new QualifiedName("public", "owner");

  /** Answers from a map; questions it has no figure for are unknown. */
  private static final class TableOfFigures implements DataProbe {
    private final Map<Question, Count> figures;
    private final List<Question> asked = new ArrayList<>();

    TableOfFigures(Map<Question, Count> figures) {
      this.figures = figures;
    }

    @Override
    public Optional<Count> count(Question question) {
      asked.add(question);
      return Optional.ofNullable(figures.get(question));
    }
  }

  private static MigrationPlan diff(DataProbe probe, Catalog current, Catalog target, String... renames) {
    return new SchemaDiff(new DiffOptions(PostgresDialect.INSTANCE, List.of(renames)).withProbe(probe))
        .diff(current, target);
  }

  private static Diagnostic only(MigrationPlan plan, Hazard hazard) {
    return plan.diagnostics().stream().filter(d -> d.hazard() == hazard).reduce((a, b) -> {
      throw new AssertionError("two " + hazard + ": " + a + ", " + b);
    }).orElseThrow();
  }

  @Test
  void dropsCountRowsAndValues() {
    TableOfFigures probe = new TableOfFigures(Map.of(
        new DataProbe.Rows(OWNER), new DataProbe.Count(1204, true),
        new DataProbe.NonNullValues(PET, "nickname"), new DataProbe.Count(1, false)));
    MigrationPlan plan = diff(probe,
        catalog(table("owner").id().build(), table("pet").id().col("nickname", "text", true).build()),
        catalog(table("pet").id().build()));

    assertThat(plan.diagnostics()).filteredOn(d -> d.hazard() == Hazard.DATA_LOSS)
        .extracting(Diagnostic::message, Diagnostic::figures).containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("drops table public.owner and its 1,204 rows (estimate)",
                List.of(new Diagnostic.Figure("rows", 1204, true))),
            org.assertj.core.groups.Tuple.tuple("drops column public.pet.nickname and its 1 value (NULLs aside)",
                List.of(new Diagnostic.Figure("values", 1, false))));
  }

  @Test
  void anUnknownCountIsSaidAndHasNoFigure() {
    MigrationPlan plan = diff(new TableOfFigures(Map.of()), catalog(table("owner").id().build()), catalog());
    Diagnostic loss = only(plan, Hazard.DATA_LOSS);
    assertThat(loss.message()).isEqualTo("drops table public.owner and every row in it: an unknown number of rows"
        + " (the probe timed out or could not run)");
    assertThat(loss.figures()).isEmpty();
  }

  @Test
  void narrowingCountsWhatDoesNotFitUnderTheNameTheDatabaseHasNow() {
    TableOfFigures probe = new TableOfFigures(Map.of(
        new DataProbe.LongerThan(new QualifiedName("public", "animal"), "nick", 20), new DataProbe.Count(3, false),
        new DataProbe.OutsideNumeric(new QualifiedName("public", "animal"), "weight", 5, 1), new DataProbe.Count(0, false)));
    MigrationPlan plan = diff(probe,
        catalog(table("animal").id().col("nick", "varchar(40)", true).col("weight", "numeric(8,2)", true).build()),
        catalog(table("pet").id().col("nickname", "varchar(20)", true).col("weight", "numeric(5,1)", true).build()),
        "animal=pet", "pet.nick=nickname");

    assertThat(plan.diagnostics()).filteredOn(d -> d.hazard() == Hazard.DATA_LOSS)
        .extracting(Diagnostic::message).containsExactlyInAnyOrder(
            "narrows public.pet.nickname from varchar(40) to varchar(20): values that do not fit make the migration"
                + " fail or are cut; found 3 values longer than 20 characters",
            "narrows public.pet.weight from numeric(8,2) to numeric(5,1): values that do not fit make the migration"
                + " fail or are cut; found 0 values that numeric(5,1) cannot hold unchanged");
  }

  @Test
  void constraintsCountWhatBlocksThemAndEachQuestionIsAskedOnce() {
    TableOfFigures probe = new TableOfFigures(Map.of(
        new DataProbe.Rows(PET), new DataProbe.Count(50, false),
        new DataProbe.DuplicateGroups(PET, List.of("tag")), new DataProbe.Count(2, false),
        new DataProbe.Orphans(PET, List.of("owner_id"), OWNER, List.of("id")), new DataProbe.Count(1, false),
        new DataProbe.CheckViolations(PET, "limbs >= 0"), new DataProbe.Count(4, false),
        new DataProbe.Nulls(PET, "name"), new DataProbe.Count(7, false)));
    Catalog current = catalog(table("owner").id().build(), table("pet").id()
        .col("owner_id", "bigint", true).col("tag", "text", true).col("limbs", "integer", true)
        .col("name", "text", true).build());
    Catalog target = catalog(table("owner").id().build(), table("pet").id()
        .col("owner_id", "bigint", true).col("tag", "text", true).col("legs", "integer", true)
        .col("name", "text", false)
        .unique("pet_tag_key", "tag").fk("pet_owner_fk", "owner_id", "owner").check("pet_legs_check", "legs >= 0")
        .build());
    MigrationPlan plan = diff(probe, current, target, "pet.limbs=legs");

    assertThat(plan.diagnostics()).filteredOn(d -> d.hazard() == Hazard.DATA_DEPENDENT)
        .extracting(Diagnostic::message).containsExactlyInAnyOrder(
            "add unique on public.pet fails if the table holds duplicate values; found 2 groups of duplicate values",
            "add foreign key on public.pet fails if the table holds rows whose reference has no match; found 1 row"
                + " whose reference has no match",
            "add check on public.pet fails if the table holds rows that fail the check; found 4 rows that fail it");
    assertThat(only(plan, Hazard.NOT_NULL_NO_DEFAULT).message())
        .endsWith("fails if any row holds NULL; found 7 rows holding NULL");
    assertThat(only(plan, Hazard.NOT_NULL_NO_DEFAULT).figures()).containsExactly(new Diagnostic.Figure("nulls", 7, false));
    assertThat(plan.diagnostics()).filteredOn(d -> d.hazard() == Hazard.BLOCKING_LOCK)
        .allSatisfy(d -> assertThat(d.message()).endsWith("; it has 50 rows"));
    assertThat(probe.asked).doesNotHaveDuplicates()
        .contains(new DataProbe.CheckViolations(PET, "limbs >= 0"))
        .doesNotContain(new DataProbe.CheckViolations(PET, "legs >= 0"));
  }

  @Test
  void columnsTheMigrationAddsAreNotProbed() {
    TableOfFigures probe = new TableOfFigures(Map.of());
    Catalog current = catalog(table("pet").id().build());
    Catalog target = catalog(table("pet").id().col("tag", "text", true, "'x'").col("legs", "integer", true)
        .unique("pet_tag_key", "tag").check("pet_legs_check", "legs >= 0").build());
    MigrationPlan plan = diff(probe, current, target);

    assertThat(plan.diagnostics()).filteredOn(d -> d.hazard() == Hazard.DATA_DEPENDENT)
        .extracting(Diagnostic::message).containsExactlyInAnyOrder(
            "add unique on public.pet fails if the table holds duplicate values",
            "add check on public.pet fails if the table holds rows that fail the check");
    assertThat(probe.asked).containsOnly(new DataProbe.Rows(PET));
  }
}
