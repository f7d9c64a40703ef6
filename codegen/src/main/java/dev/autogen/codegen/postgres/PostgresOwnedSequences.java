package dev.autogen.codegen.postgres;

import static dev.autogen.codegen.postgres.PostgresIdentifiers.qualified;
import static dev.autogen.codegen.postgres.PostgresIdentifiers.quote;

import dev.autogen.model.Column;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sequences that belong to a column: the column's default is a {@link DefaultExpr.NextValue} that is
 * {@linkplain DefaultExpr.NextValue#owned() owned}, as a {@code serial}/{@code bigserial} column's
 * is. Such a sequence is not a model object of its own, so whatever creates the column creates the
 * sequence too, the way PostgreSQL "8.1.4. Serial Types" spells {@code serial} out:
 *
 * <pre>
 * create sequence t_id_seq as integer;
 * create table t (id integer default nextval('t_id_seq'::regclass) not null);
 * alter sequence t_id_seq owned by t.id;
 * </pre>
 *
 * Dropping needs nothing: PostgreSQL drops an owned sequence together with its column or table
 * ("ALTER SEQUENCE": OWNED BY).
 *
 * <p>An owned sequence always lives in its table's schema ("ALTER SEQUENCE": the table "must be in
 * the same schema as the sequence"), so the sequence is written under the table's schema and the
 * {@linkplain DefaultExpr.NextValue#sequenceName() unqualified name} of the default, whatever schema
 * the source's spelling of the default named.
 */
final class PostgresOwnedSequences {

  private PostgresOwnedSequences() {}

  /**
   * @param defaultValue a column's default, may be null
   * @return the default when it is a {@link DefaultExpr.NextValue} whose sequence the column owns,
   *     else empty
   */
  static Optional<DefaultExpr.NextValue> of(DefaultExpr defaultValue) {
    return defaultValue instanceof DefaultExpr.NextValue n && n.owned() ? Optional.of(n) : Optional.empty();
  }

  /**
   * @param schema the schema of the owning table, never null
   * @param nextValue an owned sequence default, never null
   * @return {@code nextval('<sequence>'::regclass)} naming the sequence exactly as {@link
   *     #around(QualifiedName, List, List)} creates it (schema-qualified outside {@code public}),
   *     which is how PostgreSQL prints a {@code serial} column's default
   */
  static String nextval(String schema, DefaultExpr.NextValue nextValue) {
    return "nextval(" + PostgresLiterals.string(name(schema, nextValue)) + "::regclass)";
  }

  /**
   * Puts the statements that create the owned sequences of some columns around the statements that
   * create those columns.
   *
   * @param table the table the columns are (to be) in, never null
   * @param columns the columns being created, never null; those without an owned sequence default
   *     add nothing
   * @param statements the statements that create the columns with their defaults, never null
   * @return {@code create sequence <s> as <type>} for each owned sequence in column order, then the
   *     statements, then {@code alter sequence <s> owned by <table>.<column>} for each; the
   *     statements unchanged when no column owns a sequence. The sequence's data type is what
   *     {@code serial} gives: {@code smallint} for a {@code smallint} column, {@code integer} for an
   *     {@code integer} column, {@code bigint} for any other
   */
  static List<String> around(QualifiedName table, List<Column> columns, List<String> statements) {
    List<String> before = new ArrayList<>();
    List<String> after = new ArrayList<>();
    for (Column column : columns) {
      of(column.defaultValue()).ifPresent(n -> {
        before.add(create(table, column, n));
        after.add(ownedBy(table, column, n));
      });
    }
    if (before.isEmpty()) {
      return statements;
    }
    List<String> sql = new ArrayList<>(before);
    sql.addAll(statements);
    sql.addAll(after);
    return sql;
  }

  /**
   * @param table the owning table, never null
   * @param column the owning column, never null
   * @param nextValue its owned sequence default, never null
   * @return {@code create sequence <s> as <type>}, the type as {@link #around} describes it
   */
  static String create(QualifiedName table, Column column, DefaultExpr.NextValue nextValue) {
    return "create sequence " + name(table.schema(), nextValue) + " as " + dataType(column);
  }

  /**
   * @param table the owning table, never null
   * @param column the owning column, never null
   * @param nextValue its owned sequence default, never null
   * @return {@code alter sequence <s> owned by <table>.<column>}
   */
  static String ownedBy(QualifiedName table, Column column, DefaultExpr.NextValue nextValue) {
    return "alter sequence " + name(table.schema(), nextValue) + " owned by " + qualified(table) + "."
        + quote(column.name());
  }

  /**
   * @param table the owning table, never null
   * @param nextValue the owned sequence default a column stops using, never null
   * @return {@code drop sequence <s>}: a sequence stays with its column until the column goes, even
   *     when no default calls it any more ("ALTER SEQUENCE": OWNED BY), so it is dropped explicitly
   */
  static String drop(QualifiedName table, DefaultExpr.NextValue nextValue) {
    return "drop sequence " + name(table.schema(), nextValue);
  }

  private static String name(String schema, DefaultExpr.NextValue nextValue) {
    return qualified(schema, nextValue.sequenceName());
  }

  /** "CREATE SEQUENCE": {@code AS data_type} is one of smallint, integer, bigint. */
  private static String dataType(Column column) {
    String type = column.type().arrayDimensions() == 0 ? column.type().name() : "";
    return type.equals("smallint") || type.equals("integer") ? type : "bigint";
  }
}
