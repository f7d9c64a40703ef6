package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@code autogen diff --explain OBJECT}: both sides as read and the rule behind each aspect's verdict,
 * against real databases.
 */
class ExplainTest {

  private static Cli.Result explain(TestDatabase db, int version, String object, String... more) {
    String[] args = Cli.against(db, version, more);
    return Cli.run(Cli.command("diff", Cli.command("--explain", Cli.command(object, args))));
  }

  /** @return the line of the explanation about that aspect, without its indentation */
  private static String line(Cli.Result r, String aspect) {
    return Arrays.stream(r.out().split("\n")).map(String::strip).filter(l -> l.startsWith(aspect + ": "))
        .findFirst().orElseThrow(() -> new AssertionError("no line on " + aspect + " in\n" + r.out()));
  }

  @Test
  void columnsSpelledDifferentlyAreExplainedEqualWithTheRule() {
    try (TestDatabase db = TestDatabase.create("explain")) {
      db.execute(Bookstore.equivalentSchemaSql());

      Cli.Result orderedAt = explain(db, Bookstore.LATEST, "purchase_order.ordered_at");
      Cli.Result email = explain(db, Bookstore.LATEST, "public.customer.email");

      assertThat(orderedAt.code()).as(orderedAt.err()).isZero();
      assertThat(orderedAt.out()).startsWith("column public.purchase_order.ordered_at\n")
          .contains("database (current): type \"timestamp with time zone\"")
          .contains("entities (target):  type \"timestamp(6) with time zone\"")
          .contains("verdict: equal");
      assertThat(line(orderedAt, "type")).contains(" vs ", "same canonical type timestamp(6) with time zone",
          "no precision means 6 fractional digits");
      assertThat(line(email, "type")).contains("database \"character varying(255)\" vs entities \"varchar(255)\"",
          "aliases collapse: character varying = varchar");
      assertThat(line(email, "nullability")).endsWith("same");
    }
  }

  @Test
  void aColumnThatDiffersIsExplainedWithWhatDiffersAndThePlan() {
    try (TestDatabase db = TestDatabase.create("explain")) {
      for (int v = 1; v <= Bookstore.LATEST; v++) {
        db.execute(Bookstore.migrationSql(v));
      }
      db.execute("alter table coupon alter column code type varchar(50); alter table coupon alter column active set default true");

      Cli.Result code = explain(db, Bookstore.LATEST, "coupon.code");
      Cli.Result active = explain(db, Bookstore.LATEST, "coupon.active");

      assertThat(code.code()).as(code.err()).isZero();
      assertThat(line(code, "type")).contains(" != ", "different canonical types varchar(50) and varchar(40)",
          "length 50 vs 40", "narrowing");
      assertThat(code.out()).contains("verdict: different", "alter column public.coupon.code: type varchar(50)->varchar(40)");
      assertThat(line(active, "default")).contains("database \"true\"", "entities none", "left alone (unmanaged)");
      assertThat(active.out()).contains("verdict: equal");
    }
  }

  @Test
  void aUniqueIndexMatchesAUniqueConstraintByStructure() {
    try (TestDatabase db = TestDatabase.create("explain")) {
      for (int v = 1; v <= Bookstore.LATEST; v++) {
        db.execute(Bookstore.migrationSql(v));
      }
      db.execute("alter table customer drop constraint uk_customer_email;"
          + "create unique index ux_customer_email on customer (email)");

      Cli.Result table = explain(db, Bookstore.LATEST, "customer");

      assertThat(table.code()).as(table.err()).isZero();
      assertThat(table.out()).startsWith("table public.customer\n").contains("verdict: equal");
      assertThat(line(table, "unique (email)")).contains("database index ux_customer_email (unique btree (email))",
          "matches entities constraint",
          "a unique constraint and a plain unique index enforce the same thing; names are not compared");
      assertThat(line(table, "column email")).startsWith("column email: same");
      assertThat(line(table, "primary key")).contains("same columns in the same order");
    }
  }

  @Test
  void aConfirmedRenameIsAppliedBeforeExplaining() {
    try (TestDatabase db = TestDatabase.create("explain")) {
      db.execute(Bookstore.migrationSql(1));

      Cli.Result renamed = explain(db, 2, "customer.full_name", "--rename", "customer.full_name=display_name");

      assertThat(renamed.code()).as(renamed.err()).isZero();
      assertThat(renamed.out()).startsWith("column public.customer.display_name\n")
          .contains("note: --rename customer.full_name=display_name", "rename column public.customer.full_name");
    }
  }

  @Test
  void anUnknownObjectIsAOneLineUsageErrorListingCloseNames() {
    try (TestDatabase db = TestDatabase.create("explain")) {
      db.execute(Bookstore.migrationSql(1));

      Cli.Result r = explain(db, 1, "custmer.emial");
      Cli.Result json = explain(db, 1, "customer", "--format", "json");

      assertThat(r.code()).isEqualTo(ExitCode.USAGE);
      assertThat(r.out()).isEmpty();
      assertThat(r.err().strip()).doesNotContain("\n")
          .startsWith("autogen: no table or column custmer.emial").contains("close names: customer.email");
      assertThat(json.code()).isEqualTo(ExitCode.USAGE);
    }
  }
}
