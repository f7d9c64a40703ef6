package dev.autogen.codegen.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.codegen.Statement;
import dev.autogen.codegen.flyway.FlywayMigration;
import dev.autogen.codegen.postgres.PostgresRenderer;
import dev.autogen.diff.Change;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.Hazard;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.diff.Risk;
import dev.autogen.model.Column;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.SqlType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The changelog Liquibase's own serializers write, read back by Liquibase's own parsers: what a user's
 * Liquibase will run is what autogen rendered, hostile texts included.
 */
class LiquibaseChangelogLayoutTest {

  private static final QualifiedName CUSTOMER = new QualifiedName("public", "customer");
  private static final Instant CREATED = Instant.parse("2025-01-02T03:04:05.678Z");

  /** A comment and a default that would end CDATA, a YAML document or a JSON string if written as text. */
  private static final String HOSTILE = "]]></sql><sql>drop table x</sql>\n---\n\"}, {\"x\": \"y";

  static FlywayMigration sample(String message, boolean transactional) {
    Change add = new Change.AddColumn(CUSTOMER,
        new Column("bio", SqlType.parse("text"), true, DefaultExpr.parse("'<b> & \"i\"'"), null, HOSTILE));
    Change drop = new Change.DropColumn(CUSTOMER, new Column("full_name", SqlType.parse("varchar(64)"), true, null, null, null));
    MigrationPlan plan = new MigrationPlan(List.of(add, drop), List.of(
        new Diagnostic(Hazard.DATA_LOSS, Risk.DANGEROUS, drop, "values are lost", "copy them first")));
    List<Statement> statements = new PostgresRenderer().render(plan);
    return new FlywayMigration(message, "7", CREATED, "0.1.0-test", plan, statements, List.of("step 1 of 1"),
        List.of("set local lock_timeout = '5s'"), List.of(), transactional);
  }

  private static DatabaseChangeLog parse(Path dir, String file, String text) throws Exception {
    Files.writeString(dir.resolve(file), text);
    DirectoryResourceAccessor accessor = new DirectoryResourceAccessor(dir);
    return ChangeLogParserFactory.getInstance().getParser(file, accessor)
        .parse(file, new ChangeLogParameters(), accessor);
  }

  private static List<String> sql(List<liquibase.change.Change> changes) {
    return changes.stream().map(c -> ((RawSQLChange) c).getSql()).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"xml", "yaml", "yml", "json"})
  void liquibaseReadsBackWhatWasRendered(String format, @TempDir Path dir) throws Exception {
    FlywayMigration migration = sample("Add bio " + HOSTILE, true);
    FlywayMigration second = sample("Add bio " + HOSTILE, false);
    String text = new LiquibaseChangelogLayout(format, "Ann O'Neil <ann@example.com>")
        .changelog(List.of(migration, second), "db/changelog/x." + format);

    DatabaseChangeLog changelog = parse(dir, "x." + format, text);

    assertThat(changelog.getChangeSets()).hasSize(2);
    ChangeSet first = changelog.getChangeSets().get(0);
    assertThat(first.getId()).isEqualTo("20250102030405-add-bio-sql-sql-drop-table-x-sql-x-y");
    assertThat(changelog.getChangeSets().get(1).getId()).isEqualTo(first.getId() + "-2");
    assertThat(first.getAuthor()).isEqualTo("Ann O'Neil <ann@example.com>");
    assertThat(first.getDbmsSet()).containsExactly("postgresql");
    assertThat(first.isRunInTransaction()).isTrue();
    assertThat(changelog.getChangeSets().get(1).isRunInTransaction()).isFalse();
    List<String> rendered = new java.util.ArrayList<>(migration.preamble());
    migration.statements().forEach(s -> rendered.addAll(s.sql()));
    assertThat(sql(first.getChanges())).containsExactlyElementsOf(rendered);
    List<String> undo = new java.util.ArrayList<>(migration.preamble());
    migration.undoOrder().forEach(s -> undo.addAll(s.reverseSql()));
    assertThat(sql(first.getRollback().getChanges())).containsExactlyElementsOf(undo);
    assertThat(first.getChanges()).allSatisfy(c -> assertThat(((RawSQLChange) c).isSplitStatements()).isFalse());
    assertThat(first.getComments()).startsWith("Add bio ]]>").contains(
        "[DANGEROUS] DATA_LOSS drop column public.customer.full_name: values are lost");
    assertThat(changelog.getChangeSets().get(1).getComments()).as("in Liquibase's terms, not Flyway's")
        .contains("Runs outside a transaction (runInTransaction false)").doesNotContain("step 1 of 1");
  }

  /** An online plan's contract step: its drops are guarded, exactly by name, and skipped when already done. */
  static FlywayMigration contract() {
    FlywayMigration m = sample("Add bio", true);
    return new FlywayMigration("contract add bio", "9", CREATED, "0.1.0-test", m.plan(), m.statements(), List.of(),
        List.of(), List.of(), true, dev.autogen.codegen.postgres.online.MigrationStep.CONTRACT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"xml", "yaml", "json"})
  void aContractStepRunsOnlyWhileWhatItDropsExists(String format, @TempDir Path dir) throws Exception {
    String text = new LiquibaseChangelogLayout(format, "ann").changelog(List.of(contract()), "x." + format);

    ChangeSet read = parse(dir, "x." + format, text).getChangeSets().get(0);

    assertThat(read.getPreconditions()).isNotNull();
    assertThat(read.getPreconditions().getOnFail()).isEqualTo(
        liquibase.precondition.core.PreconditionContainer.FailOption.MARK_RAN);
    assertThat(read.getPreconditions().getNestedPreconditions()).singleElement().satisfies(p -> {
      liquibase.precondition.core.SqlPrecondition check = (liquibase.precondition.core.SqlPrecondition) p;
      assertThat(check.getExpectedResult()).isEqualTo("1");
      assertThat(check.getSql().strip()).isEqualTo("select count(*) from information_schema.columns where"
          + " table_schema = 'public' and table_name = 'customer' and column_name = 'full_name'");
    });
    assertThat(parse(dir, "y." + format, new LiquibaseChangelogLayout(format, "ann")
        .changelog(List.of(sample("Add bio", true)), "y." + format)).getChangeSets().get(0).getPreconditions())
        .as("only a contract step is guarded").isNull();
  }

  @Test
  void unknownFormatsAndBlankAuthorsAreRefused() {
    assertThatThrownBy(() -> new LiquibaseChangelogLayout("sql", "ann"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("xml, yaml, yml, json");
    assertThatThrownBy(() -> new LiquibaseChangelogLayout("xml", " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("author");
  }
}
