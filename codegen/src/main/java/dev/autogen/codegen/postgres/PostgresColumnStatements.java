package dev.autogen.codegen.postgres;

import static dev.autogen.codegen.postgres.PostgresIdentifiers.qualified;
import static dev.autogen.codegen.postgres.PostgresIdentifiers.quote;

import dev.autogen.diff.Change.AlterColumn;
import dev.autogen.diff.Change.Aspect;
import dev.autogen.model.Column;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.GenerationChange;
import dev.autogen.model.Identity;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.postgres.PostgresDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
   *   <li>{@code type}, also for a change of collation alone (PostgreSQL "ALTER TABLE": {@code
   *       SET DATA TYPE ... COLLATE}), with {@code collate} whenever the column has a collation of
   *       its own (a type change without it resets the collation to the new type's default, which
   *       is also how a retyped column returns to it) or, keeping its type, returns to the default
   *       one ({@code collate "default"}), and with {@code using c::type}
   *       when {@link PostgresDialect#needsUsingClause}
   *       says so; an unchanged default that would not survive such a conversion, or that would
   *       keep naming the old type after it (the old type is a user type such as an enum, which
   *       PostgreSQL's converted default {@code ('a'::mood)::text} depends on, so the type could not
   *       be dropped), is dropped before and set again after it;
   *   <li>{@code set default}, written by {@link PostgresColumns#defaultSql}. A default that starts
   *       calling a sequence the column owns ({@code serial}) creates that sequence before and makes
   *       the column own it after, then moves it past the values the column holds, as for an identity
   *       ({@link PostgresOwnedSequences}); one that stops calling it drops the sequence once the old
   *       default is gone (an owned sequence would otherwise stay with the column);
   *   <li>{@code set not null} / {@code drop not null}: before adding an identity, which requires a
   *       NOT NULL column (PostgreSQL "ALTER TABLE ... ADD GENERATED");
   *   <li>{@code add generated ... as identity}, then a {@code select setval(...)} that moves the new
   *       identity sequence past the values the column already holds ({@link
   *       PostgresSequences#identityPastExistingValues}); or {@code set generated ...} when only the
   *       kind of identity changes. Dropping an identity needs nothing more;
   *   <li>{@code comment on column}.
   * </ol>
   *
   * <p>A change of the stored generation expression ({@link Aspect#GENERATED}) is made as the dialect
   * says for the server version ({@link PostgresDialect#generationChange}): {@code drop expression}
   * first (the column keeps its values and becomes plain, so the other steps apply to a plain column);
   * {@code set expression as (...)} after the type (PostgreSQL 17+); or, when the column must be
   * dropped and added again, one {@code alter table t drop column c, add column <definition>} (then
   * its comment), which carries every other aspect in the new definition. The indexes and constraints
   * that go with the dropped column are the plan's to re-create (the diff adds them).
   *
   * @param change the change, never null
   * @param serverVersion the server's {@code server_version_num}, {@code Dialect.LATEST_SERVER_VERSION}
   *     when unknown
   * @return the statements, never empty for a change with aspects
   */
  static List<String> alter(AlterColumn change, int serverVersion) {
    Column from = change.from();
    Column to = change.to();
    GenerationChange generation = change.changesGeneration()
        ? PostgresDialect.INSTANCE.generationChange(from, to, serverVersion) : null;
    if (generation == GenerationChange.RECREATE) {
      List<String> sql = new ArrayList<>();
      sql.add("alter table " + qualified(change.table()) + " drop column " + quote(from.name()) + ", add column "
          + PostgresColumns.definition(change.table().schema(), to));
      if (to.comment() != null) {
        sql.add(PostgresComments.onColumn(change.table(), to.name(), to.comment()));
      }
      return sql;
    }
    String prefix = "alter table " + qualified(change.table()) + " alter column " + quote(to.name()) + " ";
    boolean typeChange = change.aspects().contains(Aspect.TYPE);
    boolean defaultChange = change.aspects().contains(Aspect.DEFAULT);
    boolean identityChange = change.aspects().contains(Aspect.IDENTITY);
    boolean using = typeChange && PostgresDialect.INSTANCE.needsUsingClause(from.type(), to.type());
    // a default converted along with a column of a user type keeps naming that type ('a'::mood)::text
    boolean fromUserType = typeChange && (!from.type().isBuiltin() || from.type().domain());
    DefaultExpr keptDefault = !defaultChange && (using || fromUserType) ? from.defaultValue() : null;

    Optional<DefaultExpr.NextValue> ownedBefore =
        defaultChange ? PostgresOwnedSequences.of(from.defaultValue()) : Optional.empty();
    Optional<DefaultExpr.NextValue> ownedAfter =
        defaultChange ? PostgresOwnedSequences.of(to.defaultValue()) : Optional.empty();

    List<String> sql = new ArrayList<>();
    if (generation == GenerationChange.DROP_EXPRESSION) {
      sql.add(prefix + "drop expression");
    }
    if (defaultChange && from.defaultValue() != null || keptDefault != null) {
      sql.add(prefix + "drop default");
    }
    ownedBefore.filter(n -> !ownedAfter.equals(Optional.of(n)))
        .ifPresent(n -> sql.add(PostgresOwnedSequences.drop(change.table(), n)));
    if (identityChange && from.identity() != null && to.identity() == null) {
      sql.add(prefix + "drop identity");
    }
    boolean collationChange = change.aspects().contains(Aspect.COLLATION);
    if (typeChange || collationChange) {
      String type = PostgresColumns.type(to.type());
      String collate = to.collation() != null ? " collate " + quote(to.collation())
          : collationChange && !typeChange ? " collate \"default\"" : "";
      sql.add(prefix + "type " + type + collate + (using ? " using " + quote(to.name()) + "::" + type : ""));
    }
    if (generation == GenerationChange.SET_EXPRESSION) {
      sql.add(prefix + "set expression as (" + to.generated() + ")");
    }
    DefaultExpr newDefault = defaultChange ? to.defaultValue() : keptDefault;
    Optional<DefaultExpr.NextValue> newlyOwned = ownedAfter.filter(n -> !ownedBefore.equals(Optional.of(n)));
    newlyOwned.ifPresent(n -> sql.add(PostgresOwnedSequences.create(change.table(), to, n)));
    if (newDefault != null) {
      sql.add(prefix + "set default " + PostgresColumns.defaultSql(change.table().schema(), newDefault));
    }
    newlyOwned.ifPresent(n -> {
      sql.add(PostgresOwnedSequences.ownedBy(change.table(), to, n));
      sql.add(PostgresSequences.identityPastExistingValues(change.table(), to.name()));
    });
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
