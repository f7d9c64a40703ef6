package dev.autogen.codegen.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.codegen.Statement;
import dev.autogen.codegen.flyway.FlywayMigration;
import dev.autogen.codegen.postgres.PostgresRenderer;
import dev.autogen.diff.Change;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.model.Column;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.SqlType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import liquibase.change.core.EmptyChange;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The formatted SQL changelog, read back from a file by the parser Liquibase picks for it: what a user's
 * Liquibase runs is what autogen rendered, and a statement the format cannot hold is refused.
 */
class FormattedSqlChangelogLayoutTest {

  private static final QualifiedName CUSTOMER = new QualifiedName("public", "customer");
  private static final Instant CREATED = Instant.parse("2025-01-02T03:04:05.678Z");

  private static DatabaseChangeLog parse(Path dir, String text) throws Exception {
    Files.writeString(dir.resolve("x.sql"), text);
    DirectoryResourceAccessor accessor = new DirectoryResourceAccessor(dir);
    return ChangeLogParserFactory.getInstance().getParser("x.sql", accessor)
        .parse("x.sql", new ChangeLogParameters(), accessor);
  }

  private static String sql(liquibase.change.Change change) {
    return ((RawSQLChange) change).getSql().strip();
  }

  private static FlywayMigration withComment(String message, String comment) {
    Change add = new Change.AddColumn(CUSTOMER,
        new Column("bio", SqlType.parse("text"), true, DefaultExpr.parse("'a;b'"), null, comment));
    MigrationPlan plan = new MigrationPlan(List.of(add), List.of());
    List<Statement> statements = new PostgresRenderer().render(plan);
    return new FlywayMigration(message, "7", CREATED, "0.1.0-test", plan, statements, List.of(), List.of(),
        List.of(), true);
  }

  @Test
  void liquibaseReadsBackWhatWasRendered(@TempDir Path dir) throws Exception {
    FlywayMigration migration = LiquibaseChangelogLayoutTest.sample("Add bio", true);
    FlywayMigration outside = LiquibaseChangelogLayoutTest.sample("Add bio", false);
    String text = new FormattedSqlChangelogLayout("Ann: O'Neil").changelog(List.of(migration, outside));

    DatabaseChangeLog changelog = parse(dir, text);

    assertThat(text).startsWith("-- liquibase formatted sql\n-- Add bio\n");
    List<ChangeSet> sets = changelog.getChangeSets();
    ChangeSet first = sets.get(0);
    assertThat(first.getId()).isEqualTo("20250102030405-add-bio");
    assertThat(first.getAuthor()).isEqualTo("Ann: O'Neil");
    assertThat(first.getDbmsSet()).containsExactly("postgresql");
    assertThat(first.isRunInTransaction()).isTrue();
    assertThat(first.getComments()).contains("[DANGEROUS] DATA_LOSS drop column public.customer.full_name");
    List<String> rendered = new ArrayList<>(migration.preamble());
    migration.statements().forEach(s -> rendered.addAll(s.sql()));
    assertThat(first.getChanges()).hasSize(1);
    assertThat(sql(first.getChanges().get(0))).isEqualTo(String.join(";\n", rendered) + ";");
    List<String> undo = new ArrayList<>(migration.preamble());
    migration.undoOrder().forEach(s -> undo.addAll(s.reverseSql()));
    assertThat(sql(first.getRollback().getChanges().get(0))).isEqualTo(String.join(";\n", undo) + ";");

    // outside a transaction: one changeset per statement, the reverse statements spread last-first
    List<ChangeSet> apart = sets.subList(1, sets.size());
    assertThat(apart).hasSize(rendered.size());
    assertThat(apart).extracting(ChangeSet::getId).first().isEqualTo("20250102030405-add-bio-2.1");
    assertThat(apart).allSatisfy(c -> assertThat(c.isRunInTransaction()).isFalse());
    assertThat(apart).extracting(c -> sql(c.getChanges().get(0))).containsExactlyElementsOf(
        rendered.stream().map(s -> s + ";").toList());
    List<String> rollbackOrder = new ArrayList<>();
    for (int i = apart.size() - 1; i >= 0; i--) {
      liquibase.change.Change r = apart.get(i).getRollback().getChanges().get(0);
      if (!(r instanceof EmptyChange)) {
        rollbackOrder.add(sql(r));
      }
    }
    assertThat(rollbackOrder).containsExactlyElementsOf(undo.stream().map(s -> s + ";").toList());
  }

  @Test
  void aStatementLineLiquibaseWouldReadAsMarkupIsRefused() {
    FlywayMigration hostile = withComment("add bio", "nice\n-- changeset mallory:1\ndrop table customer");

    assertThatThrownBy(() -> new FormattedSqlChangelogLayout("ann").changelog(List.of(hostile)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("would be read by Liquibase as formatted SQL markup (-- changeset mallory:1)");
  }

  @Test
  void aMessageThatLooksLikeMarkupStaysAComment(@TempDir Path dir) throws Exception {
    FlywayMigration migration = withComment("changeset mallory:1\n--comment: x", "-- rollback drop table x");

    String text = new FormattedSqlChangelogLayout("ann").changelog(List.of(migration));

    assertThat(text).contains("\n-- | changeset mallory:1\n");
    DatabaseChangeLog changelog = parse(dir, text);
    assertThat(changelog.getChangeSets()).extracting(ChangeSet::getId)
        .containsExactly(LiquibaseChangelogLayout.id(migration, 0));
    assertThat(sql(changelog.getChangeSets().get(0).getChanges().get(0))).contains("'-- rollback drop table x'");
  }

  @Test
  void changesetsAppendedToAChangelogLeaveItsLastChangesetAsItWas(@TempDir Path dir) throws Exception {
    String existing = "-- liquibase formatted sql\n\n-- changeset bob:1\ncreate table t (id int);\n"
        + "-- rollback drop table t;\n";
    FlywayMigration migration = withComment("add bio", "plain");

    String text = existing + new FormattedSqlChangelogLayout("ann").changesets(List.of(migration));

    List<ChangeSet> sets = parse(dir, text).getChangeSets();
    assertThat(sets).extracting(ChangeSet::getId).containsExactly("1", LiquibaseChangelogLayout.id(migration, 0));
    assertThat(sql(sets.get(0).getChanges().get(0))).isEqualTo("create table t (id int);");
  }

  @Test
  void aContractStepRunsOnlyWhileWhatItDropsExists(@TempDir Path dir) throws Exception {
    String text = new FormattedSqlChangelogLayout("ann").changelog(List.of(LiquibaseChangelogLayoutTest.contract()));

    ChangeSet read = parse(dir, text).getChangeSets().get(0);

    assertThat(text).contains("\n-- preconditions onFail:MARK_RAN\n-- precondition-sql-check expectedResult:1 select"
        + " count(*) from information_schema.columns where table_schema = 'public' and table_name = 'customer' and"
        + " column_name = 'full_name'\n");
    assertThat(read.getPreconditions().getOnFail()).isEqualTo(
        liquibase.precondition.core.PreconditionContainer.FailOption.MARK_RAN);
    assertThat(read.getPreconditions().getNestedPreconditions()).hasSize(1);
  }

  @Test
  void blankAuthorsAndUnquotableAuthorsAreRefused() {
    assertThatThrownBy(() -> new FormattedSqlChangelogLayout(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("author");
    assertThatThrownBy(() -> new FormattedSqlChangelogLayout("a:\"b\""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot hold both");
  }
}
