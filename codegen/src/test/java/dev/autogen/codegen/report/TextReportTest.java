package dev.autogen.codegen.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.codegen.postgres.PostgresRenderer;
import dev.autogen.diff.Change;
import dev.autogen.diff.Change.Aspect;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.Hazard;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.diff.Risk;
import dev.autogen.diff.UnmanagedKind;
import dev.autogen.diff.UnmanagedObject;
import dev.autogen.model.Column;
import dev.autogen.model.Index;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.Sequence;
import dev.autogen.model.SqlType;
import dev.autogen.model.UniqueConstraint;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextReportTest {

  private static final QualifiedName CUSTOMER = new QualifiedName("public", "customer");

  private static Column col(String name, String type) {
    return new Column(name, SqlType.parse(type), true, null, null, null);
  }

  @Test
  void groupsByRiskDangerousFirst() {
    Change add = new Change.AddColumn(CUSTOMER, col("bio", "text"));
    Change drop = new Change.DropColumn(CUSTOMER, col("full_name", "varchar(64)"));
    Change narrow = new Change.AlterColumn(CUSTOMER, col("code", "varchar(64)"), col("code", "varchar(32)"),
        Set.of(Aspect.TYPE));
    MigrationPlan plan = new MigrationPlan(List.of(add, drop, narrow), List.of(
        new Diagnostic(Hazard.DATA_LOSS, Risk.DANGEROUS, drop, "its values are lost", "copy them first"),
        new Diagnostic(Hazard.TABLE_REWRITE, Risk.CAUTION, narrow, "the table is rewritten", "run it off-peak")));

    String text = new TextReport().render(plan, new PostgresRenderer().render(plan));

    assertThat(text).isEqualTo("""
        Dangerous (1)
          - drop column public.customer.full_name  [DATA_LOSS]
              DATA_LOSS: its values are lost
              remedy: copy them first

        Caution (1)
          - alter column public.customer.code: varchar(64) -> varchar(32)  [TABLE_REWRITE]
              TABLE_REWRITE: the table is rewritten
              remedy: run it off-peak

        Safe (1)
          - add column public.customer.bio

        Summary: 1 dangerous, 1 caution, 1 safe
        """);
  }

  @Test
  void keysConstraintsAndIndexesAreNamedAsTheSqlNamesThem() {
    Change unique = new Change.AddUnique(CUSTOMER, new UniqueConstraint(null, List.of("email")));
    Change index = new Change.DropIndex(CUSTOMER, new Index("ix_name", List.of("name"), false, null, null));
    Change sequence = new Change.CreateSequence("public", new Sequence("order_seq", 1, 1));
    MigrationPlan plan = new MigrationPlan(List.of(unique, index, sequence), List.of());

    assertThat(new TextReport().render(plan, new PostgresRenderer().render(plan))).isEqualTo("""
        Safe (3)
          - add unique customer_email_key on public.customer (email)
          - drop index ix_name on public.customer (name)
          - create sequence public.order_seq

        Summary: 0 dangerous, 0 caution, 3 safe
        """);
  }

  @Test
  void emptyPlanSaysSo() {
    MigrationPlan empty = new MigrationPlan(List.of(), List.of());
    assertThat(new TextReport().render(empty, List.of()))
        .isEqualTo("No changes: the database matches the entities.\n");
  }

  @Test
  void relaxationsKeptStricterAndUnmanagedObjectsHaveTheirGroups() {
    Column strict = new Column("email", SqlType.parse("varchar(50)"), false, null, null, null);
    Change relax = new Change.AlterColumn(CUSTOMER, strict, col("email", "varchar(255)"),
        Set.of(Aspect.TYPE, Aspect.NULLABILITY));
    Change kept = new Change.AlterColumn(CUSTOMER, new Column("code", SqlType.parse("varchar(8)"), false, null, null,
        null), col("code", "varchar(8)"), Set.of(Aspect.NULLABILITY));
    MigrationPlan plan = new MigrationPlan(List.of(relax), List.of(), Set.of(relax), List.of(kept), List.of(
        new UnmanagedObject(UnmanagedKind.INDEXES, "public", "customer", "ix_customer_city", "index (city)"),
        new UnmanagedObject(UnmanagedKind.VIEWS, "public", null, "active_customer", "as select 1")));

    String text = new TextReport().render(plan, new PostgresRenderer().render(plan));

    assertThat(text).contains(TextReport.RELAXATIONS + " (1)\n"
            + "  - alter column public.customer.email: varchar(50) not null -> varchar(255) null\n")
        .contains(TextReport.KEPT_STRICTER + " (1)\n  - alter column public.customer.code: not null -> null\n")
        .contains(TextReport.UNMANAGED + " (2)\n  - index public.customer.ix_customer_city: index (city)\n"
            + "  - view public.active_customer: as select 1\n");
  }

  @Test
  void anEmptyPlanStillListsWhatItLeftAlone() {
    MigrationPlan plan = new MigrationPlan(List.of(), List.of(), Set.of(), List.of(), List.of(
        new UnmanagedObject(UnmanagedKind.DEFAULTS, "public", "customer", "created", "default now()")));

    String text = new TextReport().render(plan, List.of());

    assertThat(text).isEqualTo(TextReport.NO_CHANGES + "\n" + TextReport.UNMANAGED
        + " (1)\n  - default public.customer.created: default now()\n\n");
  }
}
