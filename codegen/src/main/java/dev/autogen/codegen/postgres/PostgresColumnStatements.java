package dev.autogen.codegen.postgres;

import static dev.autogen.codegen.postgres.PostgresIdentifiers.qualified;
import static dev.autogen.codegen.postgres.PostgresIdentifiers.quote;

import dev.autogen.diff.Change.AlterColumn;
import dev.autogen.diff.Change.Aspect;
import dev.autogen.model.Column;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.Identity;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.postgres.PostgresDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Column statements of PostgreSQL "ALTER TABLE": add, drop, rename and alter a column. */
final class PostgresColumnStatements {

  private PostgresColumnStatements() {}

  /**
   * @return {@code alter table t add column <definition>}, then its comment when it has one; between
   *     the creation of the sequence the column owns and its {@code owned by} when it owns one
   *     ({@link PostgresOwnedSequences#around}). Existing rows get values from the default as the
   *     column is added, so the sequence needs no {@code setval}.
   */
  static List<String> add(QualifiedName table, Column column) {
    List<String> sql = new ArrayList<>();
    sql.add("alter table " + qualified(table) + " add column " + PostgresColumns.definition(table.schema(), column));
    if (column.comment() != null) {
      sql.add(PostgresComments.onColumn(table, column.name(), column.comment()));
    }
    return PostgresOwnedSequences.around(table, List.of(column), sql);
  }

  /** @return {@code alter table t drop column c} */
  static String drop(QualifiedName table, Column column) {
    return "alter table " + qualified(table) + " drop column " + quote(column.name());
  }

  /** @return {@code alter table t rename column a to b} */
  static String rename(QualifiedName table, String from, String to) {
    return "alter table " + qualified(table) + " rename column " + quote(from) + " to " + quote(to);
  }

  /**
   * One {@code alter table ... alter column ...} per changed aspect, in an order every step of which
   * PostgreSQL accepts:
   *
   * <ol>
   *   <li>{@code drop default}, and {@code drop identity} when the column stops being an identity
   *       (an identity column cannot have a default, a default cannot be added to it);
   *   <li>{@code type} with {@code using c::type} when {@link PostgresDialect#needsUsingClause}
   *       says so; an unchanged default that would not survive such a conversion is dropped before
   *       and set again after it;
   *   <li>{@code set default}, written by {@link PostgresColumns#defaultSql};
   *   <li>{@code set not null} / {@code drop not null}: before adding an identity, which requires a
   *       NOT NULL column (PostgreSQL "ALTER TABLE ... ADD GENERATED");
   *   <li>{@code add generated ... as identity}, then a {@code select setval(...)} that moves the new
   *       identity sequence past the values the column already holds ({@link
   *       PostgresSequences#identityPastExistingValues}); or {@code set generated ...} when only the
   *       kind of identity changes. Dropping an identity needs nothing more;
   *   <li>{@code comment on column}.
   * </ol>
   *
   * @param change the change, never null
   * @return the statements, never empty for a change with aspects
   */
  static List<String> alter(AlterColumn change) {
    Column from = change.from();
    Column to = change.to();
    String prefix = "alter table " + qualified(change.table()) + " alter column " + quote(to.name()) + " ";
    boolean typeChange = change.aspects().contains(Aspect.TYPE);
    boolean defaultChange = change.aspects().contains(Aspect.DEFAULT);
    boolean identityChange = change.aspects().contains(Aspect.IDENTITY);
    boolean using = typeChange && PostgresDialect.INSTANCE.needsUsingClause(from.type(), to.type());
    DefaultExpr keptDefault = !defaultChange && using ? from.defaultValue() : null;

    List<String> sql = new ArrayList<>();
    if (defaultChange && from.defaultValue() != null || keptDefault != null) {
      sql.add(prefix + "drop default");
    }
    if (identityChange && from.identity() != null && to.identity() == null) {
      sql.add(prefix + "drop identity");
    }
    if (typeChange) {
      String type = PostgresColumns.type(to.type());
      sql.add(prefix + "type " + type + (using ? " using " + quote(to.name()) + "::" + type : ""));
    }
    DefaultExpr newDefault = defaultChange ? to.defaultValue() : keptDefault;
    if (newDefault != null) {
      sql.add(prefix + "set default " + PostgresColumns.defaultSql(change.table().schema(), newDefault));
    }
    if (change.aspects().contains(Aspect.NULLABILITY)) {
      sql.add(prefix + (to.nullable() ? "drop not null" : "set not null"));
    }
    if (identityChange && to.identity() != null) {
      sql.add(prefix + identityClause(from.identity(), to.identity()));
      if (from.identity() == null) {
        sql.add(PostgresSequences.identityPastExistingValues(change.table(), to.name()));
      }
    }
    if (change.aspects().contains(Aspect.COMMENT)) {
      sql.add(PostgresComments.onColumn(change.table(), to.name(), to.comment()));
    }
    return sql;
  }

  private static String identityClause(Identity from, Identity to) {
    Objects.requireNonNull(to);
    if (from == null) {
      return "add " + PostgresColumns.identity(to);
    }
    return "set generated " + PostgresColumns.generation(to);
  }
}
