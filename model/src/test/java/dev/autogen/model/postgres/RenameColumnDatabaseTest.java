package dev.autogen.model.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares {@link PostgresExpressions#renameColumn(String, String, String)} with what PostgreSQL 15
 * itself does on {@code ALTER TABLE ... RENAME COLUMN}: the check, the expression index key and the
 * partial-index predicate it deparses afterwards ({@code pg_get_constraintdef}, {@code
 * pg_get_indexdef}, {@code pg_get_expr}) normalise like the renamed texts, and the renamed texts
 * are accepted by the server as a new check and a new index.
 */
class RenameColumnDatabaseTest {

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static ScratchDatabase db;

  @BeforeAll
  static void createDatabase() throws SQLException {
    db = ScratchDatabase.create("model_rename_column");
    // a function named like a column: its name must survive the rename
    db.execute("create function code(text) returns text language sql immutable as 'select upper($1)'");
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (db != null) {
      db.close();
    }
  }

  /** Column type, old name, new name, check, index expression, partial-index predicate. */
  static Stream<Arguments> renames() {
    return Stream.of(
        arguments("varchar(20)", "status", "state", "status in ('A','B')", "lower(status)", "status <> 'status'"),
        arguments("varchar(120)", "full_name", "display_name",
            "full_name <> 'full_name' and char_length(full_name) > 0", "lower(full_name)", "full_name is not null"),
        arguments("text", "Full Name", "display_name", "\"Full Name\" <> ''", "upper(\"Full Name\")",
            "\"Full Name\" like 'A%'"),
        arguments("text", "full_name", "Display Name", "full_name not in ('x', 'y')", "lower(full_name)",
            "full_name ilike '%full_name%'"),
        arguments("text", "full_name", "user", "length(full_name) between 1 and 100", "full_name || 'x'",
            "full_name <> 'user'"),
        arguments("text", "code", "sku", "code(code) <> ''", "code(code)", "code = code(code)"),
        arguments("timestamp", "made", "time", "extract(year from made) > 2000", "date_trunc('day', made)",
            "made is not null and extract(month from made) > 1"),
        arguments("integer", "qty", "amount",
            "qty between 0 and 10 and case when qty > 5 then qty % 2 = 0 else true end", "qty * 2",
            "qty > 0 or qty is null"),
        arguments("varchar(10)", "grade", "level", "substring(grade from 1 for 1) in ('A', 'B') and grade similar to 'A%'",
            "coalesce(grade, 'none')", "position('x' in grade) = 0"));
  }

  @ParameterizedTest(name = "{1} -> {2}: {3}")
  @MethodSource("renames")
  void renamedTextsNormaliseLikeTheCatalogAfterRenameColumn(
      String type, String from, String to, String check, String indexExpression, String predicate) throws SQLException {
    int n = COUNTER.incrementAndGet();
    String table = "t" + n;
    db.execute("create table " + table + " (id integer, other text, " + PostgresIdentifiers.quote(from) + " " + type + ")");
    db.execute("alter table " + table + " add constraint ck" + n + " check (" + check + ")");
    db.execute("create index ix" + n + " on " + table + " ((" + indexExpression + "))");
    db.execute("create index px" + n + " on " + table + " (id) where " + predicate);

    db.execute("alter table " + table + " rename column " + PostgresIdentifiers.quote(from) + " to "
        + PostgresIdentifiers.quote(to));

    String renamedCheck = PostgresExpressions.renameColumn(check, from, to);
    String renamedIndex = PostgresExpressions.renameColumn(indexExpression, from, to);
    String renamedPredicate = PostgresExpressions.renameColumn(predicate, from, to);
    assertNormalisesLike(deparsedCheck("ck" + n, table), renamedCheck);
    assertNormalisesLike(deparsedIndexKey("ix" + n), renamedIndex);
    assertNormalisesLike(deparsedPredicate("px" + n), renamedPredicate);

    // the renamed texts are valid SQL for the renamed table, with the meaning PostgreSQL gave the originals
    db.execute("alter table " + table + " add constraint ck" + n + "_again check (" + renamedCheck + ")");
    db.execute("create index ix" + n + "_again on " + table + " ((" + renamedIndex + ")) where " + renamedPredicate);
    assertNormalisesLike(deparsedCheck("ck" + n + "_again", table), renamedCheck);
    assertNormalisesLike(deparsedIndexKey("ix" + n + "_again"), renamedIndex);
    assertNormalisesLike(deparsedPredicate("ix" + n + "_again"), renamedPredicate);
  }

  private static void assertNormalisesLike(String deparsed, String renamed) {
    assertThat(PostgresExpressions.normalize(deparsed)).as("deparsed %s, renamed %s", deparsed, renamed)
        .isEqualTo(PostgresExpressions.normalize(renamed));
  }

  private static String deparsedCheck(String constraint, String table) throws SQLException {
    String definition = db.queryString(
        "select pg_get_constraintdef(oid, true) from pg_constraint where conname = ? and conrelid = ?::regclass",
        constraint, table);
    return definition.substring("CHECK (".length(), definition.lastIndexOf(')'));
  }

  private static String deparsedIndexKey(String index) throws SQLException {
    return db.queryString("select pg_get_indexdef(?::regclass, 1, true)", index);
  }

  private static String deparsedPredicate(String index) throws SQLException {
    return db.queryString("select pg_get_expr(indpred, indrelid, true) from pg_index where indexrelid = ?::regclass", index);
  }
}
