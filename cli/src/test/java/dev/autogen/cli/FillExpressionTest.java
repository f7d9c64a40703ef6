package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.fixtures.bookstore.Bookstore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code --fill} expression is checked before anything runs (issue 9, #10): one whole SQL expression
 * is written as given, and text in it that looks like the online files' own dollar-quote tags ({@code
 * $backfill$}, {@code $trigger$}, {@code $autogen$}) cannot end their bodies: the online plan Flyway
 * applies fills every row with exactly the expression's value.
 */
class FillExpressionTest {

  private static final String TRICKY = "'$backfill$ $trigger$ $autogen$ $$ ' || sku";

  @Test
  void anExpressionHoldingDollarQuoteTagsFillsRowsAsWritten(@TempDir Path dir) throws Exception {
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    for (int version = 1; version <= 2; version++) {
      Files.writeString(migrations.resolve(Bookstore.migrationNames(version).get(version - 1)),
          Bookstore.migrationSql(version));
    }
    try (TestDatabase db = TestDatabase.create("fillexpr")) {
      migrate(db, migrations);
      db.execute("insert into product (id, sku, title) values (1, 'B-1', null)");

      Cli.Result generate = Cli.run(Cli.command("generate", Cli.against(db, 3, "-m", "titles", "--online",
          "--include-tables", "product", "--fill", "product.title=" + TRICKY,
          "--migrations", migrations.toString(), "--no-input")));
      assertThat(generate.code()).as(generate.out() + generate.err()).isZero();
      migrate(db, migrations);

      try (Connection c = db.connect(); Statement s = c.createStatement();
          ResultSet rows = s.executeQuery("select title from product")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("$backfill$ $trigger$ $autogen$ $$ B-1");
      }
    }
  }

  private static void migrate(TestDatabase db, Path migrations) {
    // as the README asks of online plans: Flyway's lock outside a transaction (CREATE INDEX CONCURRENTLY)
    TestFlyway.configure(db, migrations).load().migrate();
  }
}
