package dev.autogen.diff;

import dev.autogen.diff.Change.AddCheck;
import dev.autogen.diff.Change.AddColumn;
import dev.autogen.diff.Change.AddForeignKey;
import dev.autogen.diff.Change.AddUnique;
import dev.autogen.diff.Change.AlterColumn;
import dev.autogen.diff.Change.AlterTableComment;
import dev.autogen.diff.Change.Aspect;
import dev.autogen.diff.Change.CreateIndex;
import dev.autogen.diff.Change.DropCheck;
import dev.autogen.diff.Change.DropColumn;
import dev.autogen.diff.Change.DropForeignKey;
import dev.autogen.diff.Change.DropIndex;
import dev.autogen.diff.Change.DropUnique;
import dev.autogen.model.CheckConstraint;
import dev.autogen.model.Column;
import dev.autogen.model.Dialect;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.Index;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.Table;
import dev.autogen.model.UniqueConstraint;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares one table that exists on both sides. Constraints and indexes match by structure, never by
 * name; a unique constraint and a plain unique index on the same columns are the same thing (both
 * enforce the same uniqueness, and Hibernate writes one where people often write the other).
 *
 * <p>What only the database has: an index, unique constraint, check, default or comment is
 * unmanaged ({@link UnmanagedKind}) and left alone unless the options drop that kind, with two
 * exceptions that are changes whatever the policy: it involves a column the plan drops (PostgreSQL
 * drops it with the column anyway, ALTER TABLE ... DROP COLUMN; saying so keeps the downgrade
 * whole), or the target has a different one on the same columns (a check or index that was
 * redefined: the old one is replaced, never left beside the new one).
 */
final class TableComparison {

  private final DiffOptions options;
  private final Dialect dialect;
  private final ColumnComparison columns;

  /** @param options the dialect and the policies, never null */
  TableComparison(DiffOptions options) {
    this.options = options;
    this.dialect = options.dialect();
    this.columns = new ColumnComparison(options);
  }

  /** @param dialect answers type and expression questions; compares two complete schemas ({@link DiffOptions#of}) */
  TableComparison(Dialect dialect) {
    this(DiffOptions.of(dialect));
  }

  /**
   * @param name the table's qualified name (same on both sides)
   * @param current the table as it is
   * @param target the table as it should be
   * @return the unordered changes that turn current into target
   */
  List<Change> compare(QualifiedName name, Table current, Table target) {
    Findings out = new Findings();
    compare(name, current, target, out);
    return out.changes;
  }

  /**
   * @param name the table's qualified name (same on both sides)
   * @param current the table as it is
   * @param target the table as it should be
   * @param out receives the unordered changes that turn current into target, and what is left alone
   */
  void compare(QualifiedName name, Table current, Table target, Findings out) {
    Set<String> dropped = current.columns().stream().map(Column::name)
        .filter(c -> target.column(c).isEmpty()).collect(Collectors.toSet());
    PrimaryKeyComparison keys = PrimaryKeyComparison.of(name, current, target, dropped,
        options.drops(UnmanagedKind.PRIMARY_KEYS));
    compareColumns(name, current, target, keys.keptColumns(), out);
    keys.changes().forEach(out::change);
    if (keys.kept() != null) {
      out.unmanaged(keys.unmanaged(name, target));
    }
    Matching<ForeignKey, ForeignKey> fks =
        Matching.of(current.foreignKeys(), target.foreignKeys(), (a, b) -> a.structure().equals(b.structure()));
    fks.onlyCurrent().forEach(fk -> out.change(new DropForeignKey(name, fk)));
    fks.onlyTarget().forEach(fk -> out.change(new AddForeignKey(name, fk)));
    compareUniquenessAndIndexes(name, current, target, dropped, keys, out);
    compareChecks(name, current, target, dropped, out);
    compareComment(name, current, target, out);
    current.triggers().forEach(t -> out.unmanaged(new UnmanagedObject(UnmanagedKind.TRIGGERS, name.schema(),
        name.name(), t.name(), t.definition() == null ? "trigger " + t.name() : t.definition())));
  }

  private void compareColumns(QualifiedName name, Table current, Table target, Set<String> keptKey, Findings out) {
    for (Column t : target.columns()) {
      Column c = current.column(t.name()).orElse(null);
      if (c == null) {
        out.change(new AddColumn(name, t));
        continue;
      }
      compareColumn(name, c, t, keptKey.contains(c.name()), out);
    }
    for (Column c : current.columns()) {
      if (target.column(c.name()).isEmpty()) {
        out.change(new DropColumn(name, c));
      }
    }
  }

  /** @param inKeptKey whether the column is in a database primary key that is kept: it stays NOT NULL */
  private void compareColumn(QualifiedName name, Column current, Column target, boolean inKeptKey, Findings out) {
    if (columns.unmanagedDefault(current, target)) {
      out.unmanaged(new UnmanagedObject(UnmanagedKind.DEFAULTS, name.schema(), name.name(), current.name(),
          "default " + current.defaultValue().sql()));
    }
    if (columns.unmanagedComment(current.comment(), target.comment())) {
      out.unmanaged(new UnmanagedObject(UnmanagedKind.COMMENTS, name.schema(), name.name(), current.name(),
          "comment " + current.comment()));
    }
    Set<Aspect> aspects = columns.differences(current, target);
    Set<Aspect> relaxing = EnumSet.noneOf(Aspect.class);
    relaxing.addAll(columns.relaxing(current, target));
    relaxing.retainAll(aspects);
    Set<Aspect> kept = EnumSet.noneOf(Aspect.class);
    if (options.keepStricterDatabase()) {
      kept.addAll(relaxing);
    } else if (inKeptKey && relaxing.contains(Aspect.NULLABILITY)) {
      kept.add(Aspect.NULLABILITY);
    }
    Column to = target;
    if (!kept.isEmpty()) {
      out.keptStricter.add(new AlterColumn(name, current, target, kept));
      aspects.removeAll(kept);
      to = keepingStricter(current, target, kept);
      relaxing.removeAll(kept);
    }
    if (aspects.isEmpty()) {
      return;
    }
    AlterColumn change = new AlterColumn(name, current, to, aspects);
    if (relaxing.isEmpty()) {
      out.change(change);
    } else {
      out.relaxation(change);
    }
  }

  /** The target column with the database's stricter type or nullability where those relax. */
  private static Column keepingStricter(Column current, Column target, Set<Aspect> relaxing) {
    return new Column(target.name(),
        relaxing.contains(Aspect.TYPE) ? current.type() : target.type(),
        relaxing.contains(Aspect.NULLABILITY) ? current.nullable() : target.nullable(),
        target.defaultValue(), target.identity(), target.comment(), target.generated(), target.collation());
  }

  private void compareUniquenessAndIndexes(
      QualifiedName name, Table current, Table target, Set<String> dropped, PrimaryKeyComparison keys,
      Findings out) {
    // A kept database primary key enforces a unique constraint on its columns; a target primary key a
    // database unique stands for is matched like a unique constraint (PrimaryKeyComparison).
    UniqueConstraint keptKey = keys.keptAsUnique();
    Matching<UniqueConstraint, UniqueConstraint> uniques = Matching.of(withExtra(current.uniques(), keptKey),
        withExtra(target.uniques(), keys.targetKeyAsUnique()), (a, b) -> sameColumns(a.columns(), b.columns()));
    List<Index> valid = current.indexes().stream().filter(Index::valid).toList();
    Matching<Index, Index> indexes = Matching.of(valid, target.indexes(), this::sameIndex);
    // A unique constraint on one side may be a plain unique index on the other.
    Matching<UniqueConstraint, Index> targetIndexAsUnique =
        Matching.of(uniques.onlyCurrent(), indexes.onlyTarget(), (u, i) -> enforcesSame(i, u));
    Matching<Index, UniqueConstraint> currentIndexAsUnique =
        Matching.of(indexes.onlyCurrent(), uniques.onlyTarget(), (i, u) -> enforcesSame(i, u));
    for (UniqueConstraint u : targetIndexAsUnique.onlyCurrent()) {
      if (u == keptKey) {
        continue; // reported as the unmanaged primary key it is
      }
      leftOver(UnmanagedKind.UNIQUES, u.columns().stream().anyMatch(dropped::contains), new DropUnique(name, u),
          name, u.name(), "unique (" + String.join(", ", u.columns()) + ")", out);
    }
    currentIndexAsUnique.onlyTarget().forEach(u -> out.change(new AddUnique(name, u)));
    // An index the target redefines on the same keys (unique, predicate, method or INCLUDE changed) is replaced.
    Matching<Index, Index> redefined = Matching.of(currentIndexAsUnique.onlyCurrent(), targetIndexAsUnique.onlyTarget(),
        (a, b) -> normalizedKeys(a).equals(normalizedKeys(b)));
    redefined.matched().forEach(p -> out.change(new DropIndex(name, p.current())));
    for (Index i : redefined.onlyCurrent()) {
      leftOver(UnmanagedKind.INDEXES, involves(i, dropped), new DropIndex(name, i), name, i.name(), describe(i), out);
    }
    targetIndexAsUnique.onlyTarget().forEach(i -> out.change(new CreateIndex(name, i)));
    compareInvalidIndexes(name, current, target, dropped, out);
  }

  /**
   * An INVALID index ({@link Index#valid()} false: a failed {@code CREATE INDEX CONCURRENTLY}) is never
   * the entities' index, so the target's index is created anew. It is dropped when the target has an
   * index or unique constraint on the same keys or under the same name (it is being built again, and
   * would block the name), or when it involves a dropped column; otherwise it is unmanaged, like any
   * index only the database has, and described as INVALID.
   */
  private void compareInvalidIndexes(
      QualifiedName name, Table current, Table target, Set<String> dropped, Findings out) {
    for (Index i : current.indexes()) {
      if (i.valid()) {
        continue;
      }
      boolean rebuilt = target.indexes().stream()
          .anyMatch(t -> normalizedKeys(t).equals(normalizedKeys(i)) || sameName(t.name(), i.name()))
          || target.uniques().stream()
              .anyMatch(u -> i.onPlainColumns(u.columns()) && sameColumns(i.keys(), u.columns())
                  || sameName(u.name(), i.name()));
      leftOver(UnmanagedKind.INDEXES, rebuilt || involves(i, dropped), new DropIndex(name, i), name, i.name(),
          "INVALID " + describe(i), out);
    }
  }

  private static boolean sameName(String a, String b) {
    return a != null && a.equals(b);
  }

  /**
   * Compares the checks. A check that reads a column whose type changes is replaced even when it means the
   * same: {@code ALTER COLUMN ... TYPE} rebuilds it from its definition text, casts of the old type
   * included ({@code ATPostAlterTypeParse}, {@code src/backend/commands/tablecmds.c}), so {@code (c <>
   * ''::bpchar)} on a {@code char} column becomes {@code ((c)::bpchar <> ''::bpchar)} on a {@code varchar}
   * one, which compares differently, and a check that no longer type-checks makes the change fail.
   */
  private void compareChecks(QualifiedName name, Table current, Table target, Set<String> dropped, Findings out) {
    List<String> columnNames = current.columns().stream().map(Column::name).toList();
    Set<String> retyped = current.columns().stream()
        .filter(c -> target.column(c.name()).filter(t -> !t.type().name().equals(c.type().name())).isPresent())
        .map(Column::name).collect(Collectors.toSet());
    Matching<CheckConstraint, CheckConstraint> checks = Matching.of(current.checks(), target.checks(),
        (a, b) -> sameCheck(a, b) && java.util.Collections.disjoint(referenced(a.expression(), columnNames), retyped));
    // A check the target redefines on the same columns (an enum's labels changed, a bound moved) is replaced.
    Matching<CheckConstraint, CheckConstraint> redefined = Matching.of(checks.onlyCurrent(), checks.onlyTarget(),
        (a, b) -> referenced(a.expression(), columnNames).equals(referenced(b.expression(), columnNames))
            && !referenced(a.expression(), columnNames).isEmpty());
    redefined.matched().forEach(p -> out.change(new DropCheck(name, p.current())));
    for (CheckConstraint c : redefined.onlyCurrent()) {
      boolean involvesDropped = dropped.stream().anyMatch(d -> dialect.references(c.expression(), d));
      leftOver(UnmanagedKind.CHECKS, involvesDropped, new DropCheck(name, c), name, c.name(),
          "check (" + c.expression() + ")", out);
    }
    checks.onlyTarget().forEach(c -> out.change(new AddCheck(name, c)));
  }

  private void compareComment(QualifiedName name, Table current, Table target, Findings out) {
    if (Objects.equals(current.comment(), target.comment())) {
      return;
    }
    if (columns.unmanagedComment(current.comment(), target.comment())) {
      out.unmanaged(new UnmanagedObject(UnmanagedKind.COMMENTS, name.schema(), name.name(), null,
          "comment " + current.comment()));
    } else {
      out.change(new AlterTableComment(name, current.comment(), target.comment()));
    }
  }

  /**
   * An object only the database has: dropped when it involves a dropped column or the policy drops
   * its kind, otherwise reported as unmanaged.
   */
  private void leftOver(UnmanagedKind kind, boolean involvesDroppedColumn, Change drop, QualifiedName table,
      String objectName, String definition, Findings out) {
    if (involvesDroppedColumn || options.drops(kind)) {
      out.change(drop);
    } else {
      out.unmanaged(new UnmanagedObject(kind, table.schema(), table.name(), objectName, definition));
    }
  }

  private boolean involves(Index index, Set<String> columnNames) {
    return columnNames.stream().anyMatch(c -> index.include().contains(c)
        || index.predicate() != null && dialect.references(index.predicate(), c)
        || index.keys().stream().map(Index::keyTarget)
            .anyMatch(k -> k.equals(c) || k.startsWith("(") && dialect.references(k, c)));
  }

  private Set<String> referenced(String expression, List<String> columnNames) {
    return columnNames.stream().filter(c -> dialect.references(expression, c)).collect(Collectors.toSet());
  }

  private static String describe(Index i) {
    return (i.unique() ? "unique index (" : "index (") + String.join(", ", i.keys()) + ")"
        + (i.include().isEmpty() ? "" : " include (" + String.join(", ", i.include()) + ")")
        + (Index.DEFAULT_METHOD.equals(i.method()) ? "" : " using " + i.method())
        + (i.predicate() == null ? "" : " where " + i.predicate());
  }

  private static boolean enforcesSame(Index index, UniqueConstraint unique) {
    return index.unique()
        && index.predicate() == null
        && Index.DEFAULT_METHOD.equals(index.method())
        && index.onPlainColumns(unique.columns())
        && sameColumns(index.keys(), unique.columns());
  }

  private static boolean sameColumns(List<String> a, List<String> b) {
    return PrimaryKeyComparison.sameColumns(a, b);
  }

  private static <T> List<T> withExtra(List<T> list, T extra) {
    if (extra == null) {
      return list;
    }
    List<T> all = new java.util.ArrayList<>(list);
    all.add(extra);
    return all;
  }

  private boolean sameCheck(CheckConstraint a, CheckConstraint b) {
    return dialect.normalizeExpression(a.expression()).equals(dialect.normalizeExpression(b.expression()));
  }

  private boolean sameIndex(Index a, Index b) {
    return a.unique() == b.unique()
        && a.method().equals(b.method())
        && normalizedKeys(a).equals(normalizedKeys(b))
        && a.include().equals(b.include())
        && Objects.equals(normalized(a.predicate()), normalized(b.predicate()));
  }

  private List<String> normalizedKeys(Index index) {
    return index.keys().stream().map(k -> k.startsWith("(")
        ? "(" + dialect.normalizeExpression(Index.keyTarget(k)) + ")" + Index.keyOptions(k) : k).toList();
  }

  private String normalized(String expression) {
    return expression == null ? null : dialect.normalizeExpression(expression);
  }
}
