package dev.autogen.model;

/**
 * The dialect-specific questions that the generic model, diff and risk code ask. One implementation
 * per database family; it holds knowledge, never a connection.
 */
public interface Dialect {

  /**
   * The server version meaning "unknown: assume the newest server the dialect knows". Versions are
   * numbered as PostgreSQL's {@code server_version_num} ({@code 150004} is 15.4; PostgreSQL "Preset
   * Options"); other dialects map theirs onto the same kind of increasing number.
   */
  int LATEST_SERVER_VERSION = Integer.MAX_VALUE;

  /** @return the dialect's name, e.g. {@code postgresql} */
  String name();

  /** @return the schema unqualified names live in, e.g. {@code public} */
  String defaultSchema();

  /**
   * Applies the dialect's folding of unquoted identifiers (PostgreSQL "4.1.1. Identifiers and Key
   * Words": unquoted names fold to lower case).
   *
   * @param identifier an identifier as written without quotes, never null
   * @return the name the catalog will store
   */
  String foldIdentifier(String identifier);

  /**
   * Canonical text of a boolean or scalar expression, so that two spellings of one meaning compare
   * equal: a check written by Hibernate ({@code status in ('A','B')}) and the same check as the
   * catalog deparses it ({@code ((status)::text = ANY ((ARRAY['A'::character varying, ...])::text[]))}).
   *
   * @param expression an expression, never null
   * @return its canonical text; equal texts mean equal expressions, unequal texts may still be equal
   */
  String normalizeExpression(String expression);

  /**
   * Renames a column inside an expression of its table (a check, an index expression key without
   * its parentheses, a partial-index predicate) the way the database's column rename does, so that
   * a confirmed rename leaves those expressions equal to the ones the database will show afterwards
   * (PostgreSQL "ALTER TABLE", {@code RENAME}: checks and indexes follow the renamed column).
   *
   * @param expression an expression, never null
   * @param from the column's current name as the catalog stores it, never null
   * @param to the column's new name as the catalog stores it, never null
   * @return the expression with every reference to column {@code from} — unqualified, or qualified
   *     by any table name — replaced by {@code to} (quoted where the dialect needs it); string
   *     literals, other identifiers, function names and type names are left alone. The result
   *     {@linkplain #normalizeExpression(String) normalises} like the input with the name swapped.
   *     Returns {@code expression} unchanged when it does not mention {@code from} or cannot be
   *     parsed
   * @throws NullPointerException when an argument is null
   */
  String renameColumn(String expression, String from, String to);

  /**
   * @param from the current type
   * @param to the target type
   * @return whether converting {@code from} to {@code to} can lose or reject stored values (shorter
   *     length, lower precision or scale, smaller integer, or an unrelated type)
   */
  boolean isNarrowing(SqlType from, SqlType to);

  /**
   * @param from the current type
   * @param to the target type
   * @return whether {@code ALTER COLUMN ... TYPE} rewrites the whole table (and its indexes)
   */
  boolean rewritesTable(SqlType from, SqlType to);

  /**
   * Whether {@code ALTER COLUMN ... TYPE} rewrites the table on a given server version, and why. This
   * default knows no versions: it answers {@link #rewritesTable(SqlType, SqlType)}.
   *
   * @param from the current type, never null
   * @param to the target type, never null
   * @param serverVersion the server version ({@link #LATEST_SERVER_VERSION} when unknown)
   * @return the rewrite, never null
   */
  default TableRewrite typeChangeRewrite(SqlType from, SqlType to, int serverVersion) {
    return rewritesTable(from, to)
        ? TableRewrite.certain(from.sql() + " values are converted to " + to.sql() + " one by one")
        : TableRewrite.none();
  }

  /**
   * Whether {@code ALTER TABLE ... ADD COLUMN} rewrites a table on a given server version, and why.
   * This default is conservative: any default, identity or generated column rewrites.
   *
   * @param added the column as it is added, never null
   * @param serverVersion the server version ({@link #LATEST_SERVER_VERSION} when unknown)
   * @return the rewrite, never null
   */
  default TableRewrite addColumnRewrite(Column added, int serverVersion) {
    boolean filled = added.generated() != null || added.identity() != null || added.defaultValue() != null;
    return filled ? TableRewrite.certain("every existing row is given the new value") : TableRewrite.none();
  }

  /**
   * @param serverVersion the server version ({@link #LATEST_SERVER_VERSION} when unknown)
   * @return whether making a column NOT NULL skips its scan of the table when a validated check
   *     {@code column IS NOT NULL} already proves it; false in this default
   */
  default boolean notNullProvenByCheck(int serverVersion) {
    return false;
  }

  /**
   * How a change of a column's stored generation expression ({@link Column#generated()}) is made.
   *
   * @param from the column as it is, never null
   * @param to the column as it should be (same name), never null; differs from {@code from} in its
   *     generation expression
   * @param serverVersion the server version ({@link #LATEST_SERVER_VERSION} when unknown)
   * @return {@link GenerationChange#RECREATE} in this default: the column is dropped and added again,
   *     which every dialect that has generated columns can do
   */
  default GenerationChange generationChange(Column from, Column to, int serverVersion) {
    return GenerationChange.RECREATE;
  }

  /**
   * @param from the current type
   * @param to the target type
   * @return whether {@code ALTER COLUMN ... TYPE} needs an explicit {@code USING} conversion
   */
  boolean needsUsingClause(SqlType from, SqlType to);

  /**
   * Whether changing a column from one type to another only loosens what the column accepts: every
   * value it holds stays the same value, with the same meaning, and more values become possible. Such
   * a change is a relaxation (the database is stricter than the entities). This default answers
   * "same family ({@link #sameFamily}) and not narrowing ({@link #isNarrowing})".
   *
   * @param from the current type, never null
   * @param to the target type, never null
   * @return whether the change is a pure widening; false for equal types
   */
  default boolean widens(SqlType from, SqlType to) {
    return !from.equals(to) && sameFamily(from, to) && !isNarrowing(from, to);
  }

  /**
   * @param a one type
   * @param b another type
   * @return whether a column of type {@code a} could plausibly have been renamed into a column of type
   *     {@code b}: same type family (text, integer, decimal, time, ...)
   */
  boolean sameFamily(SqlType a, SqlType b);

  /**
   * Whether an expression refers to a column, answered by {@link #renameColumn} (a reference is what
   * a rename would change), so the two can never disagree.
   *
   * @param expression an SQL expression (a check, an index expression or predicate), never null
   * @param column a column's exact name, never null
   * @return whether the expression names that column; false when the expression is outside what the
   *     dialect can parse
   */
  default boolean references(String expression, String column) {
    return !renameColumn(expression, column, column + "_").equals(expression);
  }
}
