package dev.autogen.codegen.postgres;

import static dev.autogen.codegen.postgres.PostgresIdentifiers.list;
import static dev.autogen.codegen.postgres.PostgresIdentifiers.qualified;
import static dev.autogen.codegen.postgres.PostgresIdentifiers.quote;

import dev.autogen.model.CheckConstraint;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.Index;
import dev.autogen.model.PrimaryKey;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.ReferentialAction;
import dev.autogen.model.UniqueConstraint;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Constraint clauses and index statements (PostgreSQL "CREATE TABLE", {@code table_constraint};
 * "CREATE INDEX"). Every constraint and index is written with an explicit name, resolved by the
 * caller with {@link PostgresNames} (for a change, {@link PostgresRenderer#objectName}), so the
 * statement that drops it later can name it.
 */
final class PostgresConstraints {

  private PostgresConstraints() {}

  /** @return {@code constraint <name> primary key (cols)}, name being the key's resolved name */
  static String primaryKey(String name, PrimaryKey key) {
    return "constraint " + quote(name) + " primary key (" + list(key.columns()) + ")";
  }

  /** @return {@code constraint <name> unique (cols)}, name being the constraint's resolved name */
  static String unique(String name, UniqueConstraint unique) {
    return "constraint " + quote(name) + " unique (" + list(unique.columns()) + ")";
  }

  /** @return {@code constraint <name> check (expression)}, the expression written as given */
  static String check(String name, CheckConstraint check) {
    return "constraint " + quote(name) + " check (" + check.expression() + ")";
  }

  /**
   * @return {@code constraint <name> foreign key (cols) references t (cols)}, then {@code on delete}
   *     and {@code on update} only for actions other than the default {@code no action}
   */
  static String foreignKey(String name, ForeignKey key) {
    StringBuilder sb = new StringBuilder("constraint ")
        .append(quote(name))
        .append(" foreign key (").append(list(key.columns())).append(") references ")
        .append(qualified(key.referencedTable())).append(" (").append(list(key.referencedColumns())).append(')');
    if (key.onDelete() != ReferentialAction.NO_ACTION) {
      sb.append(" on delete ").append(key.onDelete().sql());
    }
    if (key.onUpdate() != ReferentialAction.NO_ACTION) {
      sb.append(" on update ").append(key.onUpdate().sql());
    }
    return sb.toString();
  }

  /** @return {@code alter table t add <clause>} */
  static String add(QualifiedName table, String clause) {
    return "alter table " + qualified(table) + " add " + clause;
  }

  /** @return {@code alter table t drop constraint <name>} */
  static String drop(QualifiedName table, String name) {
    return "alter table " + qualified(table) + " drop constraint " + quote(name);
  }

  /**
   * @param table the indexed table, never null
   * @param name the index's resolved name, never null
   * @param index the index, never null
   * @return {@code create [unique] index <name> on t [using method] (keys) [include (columns)] [where
   *     predicate]}: the method only when it is not {@code btree}; plain column keys quoted, expression
   *     keys (starting with {@code (}) as written, each followed by its modifiers of {@link
   *     Index#keys()} ({@code collate "x"}, an operator class, {@code desc}, {@code nulls first|last})
   *     as written
   */
  static String createIndex(QualifiedName table, String name, Index index) {
    StringBuilder sb = new StringBuilder("create ");
    if (index.unique()) {
      sb.append("unique ");
    }
    sb.append("index ").append(quote(name)).append(" on ").append(qualified(table));
    if (!index.method().equals(Index.DEFAULT_METHOD)) {
      sb.append(" using ").append(index.method());
    }
    sb.append(" (").append(index.keys().stream().map(PostgresConstraints::indexKey).collect(Collectors.joining(", ")))
        .append(')');
    if (!index.include().isEmpty()) {
      sb.append(" include (").append(list(index.include())).append(')');
    }
    if (index.predicate() != null) {
      sb.append(" where ").append(index.predicate());
    }
    return sb.toString();
  }

  /** @return {@code drop index <schema>.<name>}: an index lives in its table's schema */
  static String dropIndex(QualifiedName table, String name) {
    return "drop index " + qualified(table.schema(), name);
  }

  /**
   * A key of {@link Index#keys()}: the shortest leading part after which only modifiers follow is the
   * column or expression. An operator class is recognised by its {@code _ops} suffix, which every
   * built-in class and those of the contrib modules have.
   */
  private static final Pattern KEY = Pattern.compile("(?<base>.+?)(?<modifiers>(?: collate \"(?:[^\"]|\"\")*\")?"
      + "(?: (?:[a-z_][a-z0-9_$]*\\.)?[a-z_][a-z0-9_$]*_ops)?(?: desc)?(?: nulls (?:first|last))?)", Pattern.DOTALL);

  private static String indexKey(String key) {
    Matcher m = KEY.matcher(key);
    if (!m.matches() || key.startsWith("(")) {
      return key;
    }
    return quote(m.group("base")) + m.group("modifiers");
  }
}
