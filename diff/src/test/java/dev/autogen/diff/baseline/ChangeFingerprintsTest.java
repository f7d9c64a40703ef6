package dev.autogen.diff.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.diff.Change;
import dev.autogen.diff.DiffOptions;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.diff.SchemaDiff;
import dev.autogen.model.Catalog;
import dev.autogen.model.CheckConstraint;
import dev.autogen.model.Column;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.Index;
import dev.autogen.model.PrimaryKey;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.ReferentialAction;
import dev.autogen.model.Schema;
import dev.autogen.model.SqlType;
import dev.autogen.model.Table;
import dev.autogen.model.postgres.PostgresDialect;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeFingerprintsTest {

  private static final QualifiedName BOOK = new QualifiedName("public", "book");
  private static final ChangeFingerprints FINGERPRINTS = new ChangeFingerprints(PostgresDialect.INSTANCE);
  private static final LocalDate DAY = LocalDate.of(2025, 6, 1);

  private static Column column(String name, String type, boolean nullable, String defaultValue) {
    return new Column(name, SqlType.parse(type), nullable, DefaultExpr.parse(defaultValue), null, null);
  }

  private static Table book(List<Column> columns, List<CheckConstraint> checks, List<Index> indexes) {
    return new Table("book", columns, new PrimaryKey("book_pkey", List.of("id")), List.of(), List.of(), checks,
        indexes, null);
  }

  private static Catalog catalog(Table... tables) {
    return new Catalog(List.of(new Schema("public", List.of(tables), List.of(), List.of())));
  }

  private static MigrationPlan diff(Catalog current, Catalog target) {
    return new SchemaDiff(DiffOptions.forEntities(PostgresDialect.INSTANCE, List.of())).diff(current, target);
  }

  private static List<String> fingerprints(MigrationPlan plan) {
    return plan.changes().stream().map(c -> FINGERPRINTS.of(c).value()).toList();
  }

  @Test
  void alteredColumnIsKindObjectAndBothSidesInCanonicalForm() {
    Column id = column("id", "bigint", false, null);
    Catalog db = catalog(book(List.of(id, column("title", "character varying(100)", true, null)), List.of(), List.of()));
    Catalog entities = catalog(book(List.of(id, column("title", "varchar(200)", false, null)), List.of(), List.of()));

    ChangeFingerprint fingerprint = FINGERPRINTS.of(diff(db, entities).changes().get(0));

    assertThat(fingerprint.value())
        .isEqualTo("alter_column public.book.title type varchar(100)->varchar(200), nullability null->not null");
    assertThat(fingerprint.object()).isEqualTo("public.book.title");
    assertThat(fingerprint.description())
        .isEqualTo("alter column public.book.title: type varchar(100)->varchar(200), nullability null->not null");
  }

  @Test
  void spellingAndNamesDoNotChangeTheFingerprint() {
    Change catalogSpelling = new Change.DropColumn(BOOK, column("note", "character varying(20)", true,
        "'x'::character varying"));
    Change entitySpelling = new Change.DropColumn(BOOK, column("note", "varchar(20)", true, "'x'"));
    Change catalogCheck = new Change.DropCheck(BOOK, new CheckConstraint("book_state_check",
        "((state)::text = ANY ((ARRAY['A'::character varying, 'B'::character varying])::text[]))"));
    Change entityCheck = new Change.DropCheck(BOOK, new CheckConstraint("CK_hashed", "state in ('A','B')"));
    Change catalogIndex = new Change.CreateIndex(BOOK, new Index("book_title_idx", List.of("title"), false, null, "BTREE"));
    Change entityIndex = new Change.CreateIndex(BOOK, new Index("IDX_abc", List.of("title"), false, null, null));

    assertThat(FINGERPRINTS.of(catalogSpelling)).isEqualTo(FINGERPRINTS.of(entitySpelling));
    assertThat(FINGERPRINTS.of(catalogSpelling).value()).isEqualTo("drop_column public.book.note varchar(20) null default 'x'");
    assertThat(FINGERPRINTS.of(catalogCheck)).isEqualTo(FINGERPRINTS.of(entityCheck));
    assertThat(FINGERPRINTS.of(catalogIndex)).isEqualTo(FINGERPRINTS.of(entityIndex));
    assertThat(FINGERPRINTS.of(catalogIndex).value()).isEqualTo("create_index public.book (title) btree");
  }

  @Test
  void keysNameTheirColumnsAndStructure() {
    ForeignKey fk = new ForeignKey("fk_x", List.of("author_id"), new QualifiedName("public", "author"), List.of("id"),
        ReferentialAction.CASCADE, ReferentialAction.NO_ACTION);

    assertThat(FINGERPRINTS.of(new Change.AddForeignKey(BOOK, fk)).value()).isEqualTo(
        "add_foreign_key public.book (author_id) references public.author (id) on delete cascade on update no action");
    assertThat(FINGERPRINTS.of(new Change.DropIndex(BOOK,
        new Index("ix", List.of("(lower(title))", "isbn"), true, "deleted = false", null))).value())
        .isEqualTo("drop_index public.book (" + "(" + PostgresDialect.INSTANCE.normalizeExpression("lower(title)")
            + "), isbn) unique btree where " + PostgresDialect.INSTANCE.normalizeExpression("deleted = false"));
  }

  @Test
  void aDatabaseThatMovesToAnotherStateGivesAnotherFingerprint() {
    Column id = column("id", "bigint", false, null);
    Catalog entities = catalog(book(List.of(id, column("title", "varchar(200)", true, null)), List.of(), List.of()));
    Catalog before = catalog(book(List.of(id, column("title", "varchar(100)", true, null)), List.of(), List.of()));
    Catalog after = catalog(book(List.of(id, column("title", "varchar(150)", true, null)), List.of(), List.of()));

    assertThat(fingerprints(diff(before, entities))).doesNotContainAnyElementsOf(fingerprints(diff(after, entities)));
  }

  @Test
  void baselineLeavesOutAcceptedChangesWithTheirHazardsAndReportsResolvedEntries() {
    Column id = column("id", "bigint", false, null);
    Catalog db = catalog(book(List.of(id, column("title", "varchar(100)", true, null),
        column("legacy", "text", true, null)), List.of(), List.of()));
    Catalog entities = catalog(book(List.of(id, column("title", "varchar(50)", true, null)), List.of(), List.of()));
    MigrationPlan plan = diff(db, entities);
    assertThat(plan.changes()).hasSize(2);
    assertThat(plan.diagnostics()).isNotEmpty();
    Change narrowing = plan.changes().stream().filter(c -> c instanceof Change.AlterColumn).findFirst().orElseThrow();
    Baseline baseline = Baseline.EMPTY.record(plan, FINGERPRINTS, c -> c == narrowing, "shortened later", DAY)
        .record(new MigrationPlan(List.of(new Change.DropTable("public", book(List.of(id), List.of(), List.of()))),
            List.of()), FINGERPRINTS, c -> true, "gone long ago", DAY);

    BaselineOutcome outcome = baseline.apply(plan, FINGERPRINTS);

    assertThat(outcome.suppressed()).containsExactly(narrowing);
    assertThat(outcome.plan().changes()).hasSize(1).doesNotContain(narrowing);
    assertThat(outcome.plan().diagnostics()).isNotEmpty().noneMatch(d -> d.change().equals(narrowing));
    assertThat(outcome.resolved()).extracting(BaselineEntry::fingerprint).containsExactly("drop_table public.book");
    assertThat(baseline.without(outcome.resolved()).entries()).extracting(BaselineEntry::reason)
        .containsExactly("shortened later");
  }

  @Test
  void recordingAgainKeepsExistingEntriesWithTheirReasonsAndSortsByFingerprint() {
    Column id = column("id", "bigint", false, null);
    Catalog db = catalog(book(List.of(id, column("b", "text", true, null), column("a", "text", true, null)),
        List.of(), List.of()));
    Catalog entities = catalog(book(List.of(id), List.of(), List.of()));
    MigrationPlan plan = diff(db, entities);
    Baseline first = Baseline.EMPTY.record(plan, FINGERPRINTS, c -> "b".equals(c.column()), "first reason", DAY);

    Baseline second = first.record(plan, FINGERPRINTS, c -> true, "second reason", DAY.plusDays(1));

    assertThat(second.entries()).extracting(BaselineEntry::fingerprint)
        .containsExactly("drop_column public.book.a text null", "drop_column public.book.b text null");
    assertThat(second.entries()).extracting(BaselineEntry::reason).containsExactly("second reason", "first reason");
    assertThat(second.entries().get(1).recordedAt()).isEqualTo(DAY);
    assertThat(second.apply(plan, FINGERPRINTS).plan().isEmpty()).isTrue();
  }

  @Test
  void anEntryNeedsAReason() {
    assertThatThrownBy(() -> new BaselineEntry("drop_table public.x", "drop_table", "public.x", "drop table public.x",
        " ", DAY)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
  }
}
