package dev.autogen.diff;

import static dev.autogen.diff.Tables.catalog;
import static dev.autogen.diff.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.diff.rename.RenameCandidate;
import dev.autogen.diff.rename.RenameCandidates;
import dev.autogen.diff.rename.Signal;
import dev.autogen.diff.risk.PlanContext;
import dev.autogen.model.Catalog;
import dev.autogen.model.DataProbe;
import dev.autogen.model.Dialect;
import dev.autogen.model.postgres.PostgresDialect;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Scoring and best matching of rename candidates, from the plan's changes. */
class RenameCandidatesTest {

  private static MigrationPlan diff(Catalog current, Catalog target, String... renames) {
    return new SchemaDiff(new DiffOptions(PostgresDialect.INSTANCE, List.of(renames))).diff(current, target);
  }

  private static List<RenameCandidate> candidates(Catalog current, Catalog target, DataProbe probe) {
    return RenameCandidates.of(PlanContext.of(PostgresDialect.INSTANCE, diff(current, target).changes(),
        Dialect.LATEST_SERVER_VERSION, probe));
  }

  private static List<String> specs(List<RenameCandidate> candidates) {
    return candidates.stream().flatMap(c -> c.specs("public").stream()).toList();
  }

  @Test
  void eachDroppedAndAddedColumnIsInAtMostOneCandidateTheBestFirst() {
    Catalog db = catalog(table("customer").id()
        .col("full_name", "varchar(120)", true)
        .col("phone", "varchar(20)", true)
        .col("legacy", "integer", true).build());
    Catalog entities = catalog(table("customer").id()
        .col("display_name", "varchar(120)", true)
        .col("phone_number", "varchar(30)", true)
        .col("notes", "jsonb", true).build());

    List<RenameCandidate> found = candidates(db, entities, null);

    assertThat(specs(found)).containsExactly("customer.phone=phone_number", "customer.full_name=display_name");
    RenameCandidate phone = found.get(0);
    assertThat(phone.signals()).extracting(Signal::key)
        .containsExactly("name_similarity", "type_compatibility", "constraints");
    assertThat(phone.evidence()).contains("wider type of the same family (varchar(20) to varchar(30))");
    assertThat(found.get(1).evidence()).startsWith("score 0.").contains("same type", "same nullability, default and keys");
    assertThat(found).allSatisfy(c -> assertThat(c.score()).isBetween(0.5, 1.0));
  }

  @Test
  void tiesAreBrokenByNameWhateverTheColumnOrder() {
    Catalog db = catalog(table("t").id().col("b", "text", true).col("a", "text", true).build());
    Catalog dbReordered = catalog(table("t").id().col("a", "text", true).col("b", "text", true).build());
    Catalog entities = catalog(table("t").id().col("y", "text", true).col("x", "text", true).build());

    List<RenameCandidate> found = candidates(db, entities, null);

    assertThat(found).hasSize(2);
    assertThat(found.get(0).score()).isEqualTo(found.get(1).score());
    assertThat(specs(found)).containsExactly("t.a=x", "t.b=y");
    assertThat(specs(candidates(dbReordered, entities, null))).isEqualTo(specs(found));
  }

  @Test
  void unrelatedTypesAndLowScoresAreNoCandidates() {
    Catalog db = catalog(table("t").id().col("born", "date", true).build());
    Catalog entities = catalog(table("t").id().col("tags", "jsonb", true).build());

    assertThat(candidates(db, entities, null)).isEmpty();
    assertThat(diff(db, entities).diagnostics()).noneMatch(d -> d.hazard() == Hazard.SUSPECTED_RENAME);
  }

  @Test
  void sharedKeysRaiseTheScore() {
    Catalog db = catalog(table("t").id().col("mail", "text", true).unique("u1", "mail").build());
    Catalog keyed = catalog(table("t").id().col("email", "text", true).unique("UK_x", "email").build());
    Catalog unkeyed = catalog(table("t").id().col("email", "text", true).build());

    double withKey = candidates(db, keyed, null).get(0).score();
    RenameCandidate withoutKey = candidates(db, unkeyed, null).get(0);

    assertThat(withKey).isGreaterThan(withoutKey.score());
    assertThat(withoutKey.evidence()).contains("keys (unique / none) differ");
  }

  @Test
  void aTableRenameCarriesTheColumnRenamesInsideAndTheirPositions() {
    Catalog db = catalog(
        table("client").id().col("full_name", "varchar(120)", true).col("email", "text", true).build(),
        table("audit_log").id().col("at", "timestamp", true).build());
    Catalog entities = catalog(
        table("customer").id().col("display_name", "varchar(120)", true).col("email", "text", true).build(),
        table("invoice").id().col("total", "numeric(10,2)", true).build());

    MigrationPlan plan = diff(db, entities);
    List<RenameCandidate> found = candidates(db, entities, null);

    assertThat(specs(found)).containsExactly("client=customer", "customer.full_name=display_name");
    RenameCandidate inner = found.get(0).columns().get(0);
    assertThat(inner.evidence()).contains("same position (2)");
    Diagnostic suspected = plan.diagnostics().stream()
        .filter(d -> d.hazard() == Hazard.SUSPECTED_RENAME).findFirst().orElseThrow();
    assertThat(suspected.message()).startsWith("table public.client is dropped and public.customer created")
        .contains("column full_name may be renamed to display_name");
    assertThat(suspected.remedy()).contains("--rename client=customer --rename customer.full_name=display_name");
    assertThat(suspected.figures()).extracting(Diagnostic.Figure::name)
        .containsExactly("score_percent", "name_similarity_percent", "column_overlap_percent", "keys_percent");
    // confirming both gives exactly the two renames
    assertThat(diff(db, entities, "client=customer", "customer.full_name=display_name").changes())
        .filteredOn(c -> c.subject().name().equals("customer") || c.subject().name().equals("client"))
        .extracting(Change::kind).containsExactly("rename_table", "rename_column");
  }

  @Test
  void theDiagnosticCarriesScoreSignalsAndTheConfirmingRename() {
    Catalog db = catalog(table("customer").id().col("full_name", "varchar(120)", true).build());
    Catalog entities = catalog(table("customer").id().col("display_name", "varchar(120)", true).build());

    Diagnostic d = diff(db, entities).diagnostics().stream()
        .filter(x -> x.hazard() == Hazard.SUSPECTED_RENAME).findFirst().orElseThrow();

    assertThat(d.message()).startsWith("column public.customer.full_name is dropped and public.customer.display_name"
        + " (varchar(120)) added: this may be a rename (score 0.");
    assertThat(d.remedy()).contains("--rename customer.full_name=display_name");
    assertThat(d.figures()).extracting(Diagnostic.Figure::name)
        .containsExactly("score_percent", "name_similarity_percent", "type_compatibility_percent",
            "position_percent", "constraints_percent");
    assertThat(d.message()).contains("same position (2)");
  }

  @Test
  void liveValuesThatDoNotConvertLowerTheScore() {
    Catalog db = catalog(table("item").id().col("code", "text", true).build());
    Catalog entities = catalog(table("item").id().col("code_number", "integer", true).build());
    DataProbe halfBad = q -> q instanceof DataProbe.NonNullValues ? Optional.of(new DataProbe.Count(40, false))
        : q instanceof DataProbe.UnconvertibleSample ? Optional.of(new DataProbe.Count(10, true)) : Optional.empty();
    DataProbe allGood = q -> q instanceof DataProbe.NonNullValues ? Optional.of(new DataProbe.Count(40, false))
        : Optional.of(new DataProbe.Count(0, true));

    RenameCandidate bad = candidates(db, entities, halfBad).get(0);
    RenameCandidate good = candidates(db, entities, allGood).get(0);

    assertThat(bad.score()).isLessThan(good.score());
    assertThat(bad.evidence()).contains("10 of 40 sampled values do not convert to integer unchanged", "holds 40 values");
    assertThat(good.evidence()).contains("all 40 sampled values convert to integer unchanged");
    assertThat(bad.figures()).contains(new Diagnostic.Figure("values", 40, false),
        new Diagnostic.Figure("sampled_values", 40, false), new Diagnostic.Figure("unconvertible", 10, true));
  }
}
