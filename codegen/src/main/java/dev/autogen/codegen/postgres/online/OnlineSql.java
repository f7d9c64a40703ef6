package dev.autogen.codegen.postgres.online;

import static dev.autogen.codegen.postgres.PostgresIdentifiers.qualified;
import static dev.autogen.codegen.postgres.PostgresIdentifiers.quote;

import dev.autogen.codegen.postgres.PostgresLiterals;
import dev.autogen.codegen.postgres.PostgresNames;
import dev.autogen.model.QualifiedName;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of online-safe PostgreSQL DDL (PostgreSQL 15 docs: "CREATE INDEX", Building Indexes
 * Concurrently; "ALTER TABLE": {@code NOT VALID}, {@code VALIDATE CONSTRAINT}, {@code SET NOT NULL}
 * skipping its scan given a validated {@code CHECK (c IS NOT NULL)} since 12, {@code ADD
 * table_constraint_using_index}; "43.8. Transaction Management" for {@code COMMIT} in a {@code DO}
 * block; "43.10. Trigger Functions"). Each is derived from the plain renderer's statement where one
 * exists, so names and quoting stay the plain renderer's.
 */
final class OnlineSql {

  private OnlineSql() {}

  /**
   * @param createIndex a plain {@code create [unique] index <name> on ...} statement
   * @return {@code create [unique] index concurrently if not exists <name> on ...}. {@code if not
   *     exists} lets the migration run again after a failure elsewhere; a build that itself fails
   *     leaves an INVALID index under that name, which must be dropped before running again
   * @throws IllegalArgumentException when the statement is not a plain create index
   */
  static String createIndexConcurrently(String createIndex) {
    return rewritePrefix(createIndex, "create unique index ", "create unique index concurrently if not exists ",
        "create index ", "create index concurrently if not exists ");
  }

  /**
   * @param dropIndex a plain {@code drop index <name>} statement
   * @return {@code drop index concurrently if exists <name>}: the index may already be gone with a
   *     column or table an earlier migration of the plan dropped
   */
  static String dropIndexConcurrently(String dropIndex) {
    return rewritePrefix(dropIndex, "drop index ", "drop index concurrently if exists ", null, null);
  }

  private static String rewritePrefix(String sql, String prefix, String replacement, String other,
      String otherReplacement) {
    if (sql.startsWith(prefix)) {
      return replacement + sql.substring(prefix.length());
    }
    if (other != null && sql.startsWith(other)) {
      return otherReplacement + sql.substring(other.length());
    }
    throw new IllegalArgumentException("not a plain index statement: " + sql);
  }

  /** @return the statements between {@code begin} and {@code commit}: one short transaction of its own */
  static List<String> inTransaction(List<String> statements) {
    List<String> sql = new ArrayList<>();
    sql.add("begin");
    sql.addAll(statements);
    sql.add("commit");
    return sql;
  }

  /** @return {@code alter table t validate constraint <name>} */
  static String validate(QualifiedName table, String constraint) {
    return "alter table " + qualified(table) + " validate constraint " + quote(constraint);
  }

  /** @return {@code alter table t drop constraint if exists <name>} */
  static String dropConstraint(QualifiedName table, String constraint) {
    return "alter table " + qualified(table) + " drop constraint if exists " + quote(constraint);
  }

  /** @return the name of the helper check that proves a column NOT NULL: {@code <table>_<column>_not_null} */
  static String notNullCheck(QualifiedName table, String column) {
    return PostgresNames.makeObjectName(table.name(), column, "not_null");
  }

  /** @return {@code alter table t add constraint <helper> check (c is not null) not valid} */
  static String addNotNullCheck(QualifiedName table, String column) {
    return "alter table " + qualified(table) + " add constraint " + quote(notNullCheck(table, column)) + " check ("
        + quote(column) + " is not null) not valid";
  }

  /** @return {@code alter table t alter column c set not null} or {@code drop not null} */
  static String nullability(QualifiedName table, String column, boolean nullable) {
    return "alter table " + qualified(table) + " alter column " + quote(column) + (nullable ? " drop" : " set")
        + " not null";
  }

  /**
   * @return {@code update t set c = (expr) where c is null}: every NULL filled in one statement, for a
   *     transactional migration (batches inside one transaction would hold every row lock until the
   *     end all the same)
   */
  static String fillAll(QualifiedName table, String column, String expression) {
    return "update " + qualified(table) + " set " + quote(column) + " = (" + expression + ") where " + quote(column)
        + " is null";
  }

  /**
   * A backfill in batches, for a non-transactional migration: a {@code DO} block that updates at most
   * {@code batch} rows holding NULL (picked by {@code ctid}) and commits, until none is left. A {@code
   * COMMIT} inside {@code DO} is allowed because the block runs outside an explicit transaction
   * (PostgreSQL "43.8. Transaction Management"); each batch holds its row locks only until its commit,
   * so concurrent writers wait at most one batch. Rows for which the expression gives NULL are left,
   * so the loop ends; the NOT NULL step then reports them.
   *
   * @param table the table, never null
   * @param column the column to fill, never null
   * @param expression the SQL expression over the row's columns, never null
   * @param batch rows per batch, positive
   * @return the {@code DO} statement
   */
  static String fillInBatches(QualifiedName table, String column, String expression, int batch) {
    return "do " + PostgresLiterals.dollarQuoted("\n"
        + "declare\n"
        + "  filled bigint;\n"
        + "begin\n"
        + "  loop\n"
        + "    " + batchUpdate(table, column, expression, batch, "\n      ") + ";\n"
        + "    get diagnostics filled = row_count;\n"
        + "    exit when filled = 0;\n"
        + "    commit;\n"
        + "  end loop;\n"
        + "end\n", "backfill");
  }

  /**
   * The {@code UPDATE} of one backfill batch, as {@link #fillInBatches} repeats it: at most {@code batch}
   * rows holding NULL whose expression is not NULL (picked by {@code ctid}), so that repeating it until
   * it updates no row ends. A layout that runs the loop itself (a Flyway Java migration) runs this
   * statement and commits after each batch.
   *
   * @param table the table, never null
   * @param column the column to fill, never null
   * @param expression the SQL expression over the row's columns, never null
   * @param batch rows per batch, positive
   * @return {@code update t set c = (expr) where ctid in (select ctid from t where c is null and (expr)
   *     is not null limit batch)}, on two lines
   */
  static String fillBatch(QualifiedName table, String column, String expression, int batch) {
    return batchUpdate(table, column, expression, batch, "\n  ");
  }

  /** @param lineBreak what goes between the {@code set} and the {@code where} clause (a line break and indent) */
  private static String batchUpdate(QualifiedName table, String column, String expression, int batch,
      String lineBreak) {
    String t = qualified(table);
    String c = quote(column);
    return "update " + t + " set " + c + " = (" + expression + ")" + lineBreak
        + "where ctid in (select ctid from " + t + " where " + c + " is null and (" + expression
        + ") is not null limit " + batch + ")";
  }

  /** @return the name of a helper trigger and its function: {@code <table>_<column>_<label>} */
  static String triggerName(QualifiedName table, String column, String label) {
    return PostgresNames.makeObjectName(table.name(), column, label);
  }

  /**
   * A trigger that gives the column of rows inserted without it (by the running, older application),
   * or updated before the backfill reached them, its fill value, evaluated over the new row: {@code
   * (select expr from (select new.*) as t)}.
   *
   * @return {@code create function} and {@code create trigger ... before insert or update}
   */
  static List<String> createFillTrigger(QualifiedName table, String column, String expression) {
    String name = triggerName(table, column, "fill");
    String c = "new." + quote(column);
    String body = "begin\n"
        + "  if " + c + " is null then\n"
        + "    " + c + " := (select (" + expression + ") from (select new.*) as " + quote(table.name()) + ");\n"
        + "  end if;\n"
        + "  return new;\n"
        + "end\n";
    return createTrigger(table, name, "before insert or update", body);
  }

  /**
   * A trigger that keeps a renamed column's old and new columns equal while both exist: a row
   * inserted with only one of them gets it in the other; an update of one is copied to the other; any
   * other update of a row the backfill has not reached yet fills the new column.
   *
   * @return {@code create function} and {@code create trigger ... before insert or update}
   */
  static List<String> createSyncTrigger(QualifiedName table, String from, String to) {
    String name = triggerName(table, to, "sync");
    String oldColumn = quote(from);
    String newColumn = quote(to);
    String body = "begin\n"
        + "  if tg_op = 'INSERT' then\n"
        + "    if new." + newColumn + " is null then\n"
        + "      new." + newColumn + " := new." + oldColumn + ";\n"
        + "    elsif new." + oldColumn + " is null then\n"
        + "      new." + oldColumn + " := new." + newColumn + ";\n"
        + "    end if;\n"
        + "  elsif new." + oldColumn + " is distinct from old." + oldColumn + " then\n"
        + "    new." + newColumn + " := new." + oldColumn + ";\n"
        + "  elsif new." + newColumn + " is distinct from old." + newColumn + " then\n"
        + "    new." + oldColumn + " := new." + newColumn + ";\n"
        + "  elsif new." + newColumn + " is null then\n"
        + "    new." + newColumn + " := new." + oldColumn + ";\n"
        + "  end if;\n"
        + "  return new;\n"
        + "end\n";
    return createTrigger(table, name, "before insert or update", body);
  }

  private static List<String> createTrigger(QualifiedName table, String name, String timing, String body) {
    String function = qualified(table.schema(), name);
    return List.of(
        "create function " + function + "() returns trigger language plpgsql as "
            + PostgresLiterals.dollarQuoted("\n" + body, "trigger"),
        "create trigger " + quote(name) + " " + timing + " on " + qualified(table) + " for each row execute function "
            + function + "()");
  }

  /**
   * @param table the table, never null
   * @param column the column the trigger is named after, never null
   * @param label {@code fill} or {@code sync}
   * @return {@code drop trigger if exists} and {@code drop function if exists}
   */
  static List<String> dropTrigger(QualifiedName table, String column, String label) {
    String name = triggerName(table, column, label);
    return List.of("drop trigger if exists " + quote(name) + " on " + qualified(table),
        "drop function if exists " + qualified(table.schema(), name) + "()");
  }
}
