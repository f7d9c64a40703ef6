package dev.autogen.codegen.postgres;

import static dev.autogen.codegen.postgres.PostgresIdentifiers.qualified;
import static dev.autogen.codegen.postgres.PostgresIdentifiers.quote;

import dev.autogen.model.QualifiedName;

/** {@code COMMENT ON} statements (PostgreSQL "COMMENT"): a null comment removes it ({@code IS NULL}). */
final class PostgresComments {

  private PostgresComments() {}

  /**
   * @param table the table, never null
   * @param comment the comment, or null to remove it
   * @return {@code comment on table t is '...'}
   */
  static String onTable(QualifiedName table, String comment) {
    return "comment on table " + qualified(table) + " is " + PostgresLiterals.stringOrNull(comment);
  }

  /**
   * @param table the table, never null
   * @param column the column name, never null
   * @param comment the comment, or null to remove it
   * @return {@code comment on column t.c is '...'}
   */
  static String onColumn(QualifiedName table, String column, String comment) {
    return "comment on column " + qualified(table) + "." + quote(column) + " is "
        + PostgresLiterals.stringOrNull(comment);
  }
}
