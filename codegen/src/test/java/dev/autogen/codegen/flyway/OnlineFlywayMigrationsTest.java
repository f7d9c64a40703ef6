package dev.autogen.codegen.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.codegen.postgres.online.OnlineOptions;
import dev.autogen.codegen.postgres.online.OnlinePostgresRenderer;
import dev.autogen.diff.Change;
import dev.autogen.diff.Change.Aspect;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.model.Column;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.EnumType;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.SqlType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A statement that may not run in a transaction ({@code ALTER TYPE ... ADD VALUE} whose label a later
 * change uses) gets a migration of its own with {@code executeInTransaction=false}, between the
 * changes before and after it, in the plain layout and in the online expand step (issue 9 #9: it lost
 * its flag and ran in the transaction of the change that used the label).
 */
class OnlineFlywayMigrationsTest {

  private static final QualifiedName T = new QualifiedName("public", "t");

  /** A comment, a label added to {@code mood}, then a default that uses it. */
  private static MigrationPlan plan() {
    Column before = new Column("m", SqlType.parse("mood"), true, DefaultExpr.parse("'a'::mood"), null, null);
    Column after = new Column("m", SqlType.parse("mood"), true, DefaultExpr.parse("'b'::mood"), null, null);
    return new MigrationPlan(List.of(
        new Change.AlterTableComment(T, null, "first"),
        new Change.AlterEnum("public", new EnumType("mood", List.of("a")), new EnumType("mood", List.of("a", "b"))),
        new Change.AlterColumn(T, before, after, Set.of(Aspect.DEFAULT))), List.of());
  }

  private static List<FlywayMigration> migrations(boolean online) {
    MigrationPlan plan = plan();
    OnlineOptions options = OnlineOptions.of(online, List.of());
    return OnlineFlywayMigrations.of("use b", List.of("V1__init.sql"), Instant.parse("2025-01-01T00:00:00Z"), "test",
        plan, new OnlinePostgresRenderer(options, null).phased(plan), options);
  }

  @Test
  void theLabelAdditionIsAMigrationOfItsOwnOutsideATransactionInThePlainLayout() {
    List<FlywayMigration> migrations = migrations(false);
    assertThat(migrations).extracting(FlywayMigration::upgradeFileName).containsExactly(
        "V2__use_b.sql", "V3__use_b_outside_a_transaction.sql", "V4__use_b.sql");
    assertThat(migrations).extracting(FlywayMigration::transactional).containsExactly(true, false, true);
    assertThat(migrations.get(1).statements()).singleElement()
        .satisfies(s -> assertThat(s.sql()).containsExactly("alter type mood add value 'b' after 'a'"));
    FlywayLayout layout = new FlywayLayout();
    assertThat(layout.scriptConfig(migrations.get(1), layout.upgrade(migrations.get(1))))
        .contains(FlywayMigration.NON_TRANSACTIONAL_CONF);
    assertThat(layout.upgrade(migrations.get(1))).contains("OUTSIDE A TRANSACTION");
    assertThat(layout.scriptConfig(migrations.get(2), layout.upgrade(migrations.get(2)))).isEmpty();
    assertThat(migrations.get(2).statements()).singleElement()
        .satisfies(s -> assertThat(s.change()).isInstanceOf(Change.AlterColumn.class));
  }

  @Test
  void inAnOnlinePlanTheExpandStepIsSplitTheSameWay() {
    List<FlywayMigration> migrations = migrations(true);
    assertThat(migrations).extracting(FlywayMigration::upgradeFileName).containsExactly(
        "V2__use_b.sql", "V3__use_b_outside_a_transaction.sql", "V4__use_b.sql");
    assertThat(migrations).extracting(FlywayMigration::transactional).containsExactly(true, false, true);
    assertThat(migrations.get(1).preamble()).as("session settings, not SET LOCAL, outside a transaction")
        .allMatch(p -> p.startsWith("set lock_timeout") || p.startsWith("set statement_timeout"));
    assertThat(migrations.get(1).postamble()).isNotEmpty();
    assertThat(migrations.get(0).notes()).anyMatch(n -> n.contains("migration 1 of 3"));
  }
}
