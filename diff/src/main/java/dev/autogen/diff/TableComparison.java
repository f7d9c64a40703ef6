package dev.autogen.diff;

import dev.autogen.diff.Change.AddCheck;
import dev.autogen.diff.Change.AddColumn;
import dev.autogen.diff.Change.AddForeignKey;
import dev.autogen.diff.Change.AddPrimaryKey;
import dev.autogen.diff.Change.AddUnique;
import dev.autogen.diff.Change.AlterColumn;
import dev.autogen.diff.Change.AlterTableComment;
import dev.autogen.diff.Change.Aspect;
import dev.autogen.diff.Change.CreateIndex;
import dev.autogen.diff.Change.DropCheck;
import dev.autogen.diff.Change.DropColumn;
import dev.autogen.diff.Change.DropForeignKey;
import dev.autogen.diff.Change.DropIndex;
import dev.autogen.diff.Change.DropPrimaryKey;
import dev.autogen.diff.Change.DropUnique;
import dev.autogen.model.CheckConstraint;
import dev.autogen.model.Column;
import dev.autogen.model.Dialect;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.Index;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.Table;
import dev.autogen.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares one table that exists on both sides. Constraints and indexes match by structure, never by
 * name; a unique constraint and a plain unique index on the same columns are the same thing (both
 * enforce the same uniqueness, and Hibernate writes one where people often write the other).
 */
final class TableComparison {

  private final Dialect dialect;
  private final ColumnComparison columns;

  /** @param dialect answers type and expression questions */
  TableComparison(Dialect dialect) {
    this.dialect = dialect;
    this.columns = new ColumnComparison(dialect);
  }

  /**
   * @param name the table's qualified name (same on both sides)
   * @param current the table as it is
   * @param target the table as it should be
   * @return the unordered changes that turn current into target
   */
  List<Change> compare(QualifiedName name, Table current, Table target) {
    List<Change> changes = new ArrayList<>();
    compareColumns(name, current, target, changes);
    comparePrimaryKey(name, current, target, changes);
    Matching<ForeignKey, ForeignKey> fks =
        Matching.of(current.foreignKeys(), target.foreignKeys(), (a, b) -> a.structure().equals(b.structure()));
    fks.onlyCurrent().forEach(fk -> changes.add(new DropForeignKey(name, fk)));
    fks.onlyTarget().forEach(fk -> changes.add(new AddForeignKey(name, fk)));
    compareUniquenessAndIndexes(name, current, target, changes);
    Matching<CheckConstraint, CheckConstraint> checks =
        Matching.of(current.checks(), target.checks(), this::sameCheck);
    checks.onlyCurrent().forEach(c -> changes.add(new DropCheck(name, c)));
    checks.onlyTarget().forEach(c -> changes.add(new AddCheck(name, c)));
    if (target.comment() != null && !target.comment().equals(current.comment())) {
      changes.add(new AlterTableComment(name, current.comment(), target.comment()));
    }
    return changes;
  }

  private void compareColumns(QualifiedName name, Table current, Table target, List<Change> changes) {
    for (Column t : target.columns()) {
      Column c = current.column(t.name()).orElse(null);
      if (c == null) {
        changes.add(new AddColumn(name, t));
        continue;
      }
      Set<Aspect> aspects = columns.differences(c, t);
      if (!aspects.isEmpty()) {
        changes.add(new AlterColumn(name, c, t, aspects));
      }
    }
    for (Column c : current.columns()) {
      if (target.column(c.name()).isEmpty()) {
        changes.add(new DropColumn(name, c));
      }
    }
  }

  private static void comparePrimaryKey(QualifiedName name, Table current, Table target, List<Change> changes) {
    List<String> currentColumns = current.primaryKey() == null ? null : current.primaryKey().columns();
    List<String> targetColumns = target.primaryKey() == null ? null : target.primaryKey().columns();
    if (Objects.equals(currentColumns, targetColumns)) {
      return;
    }
    if (current.primaryKey() != null) {
      changes.add(new DropPrimaryKey(name, current.primaryKey()));
    }
    if (target.primaryKey() != null) {
      changes.add(new AddPrimaryKey(name, target.primaryKey()));
    }
  }

  private void compareUniquenessAndIndexes(
      QualifiedName name, Table current, Table target, List<Change> changes) {
    Matching<UniqueConstraint, UniqueConstraint> uniques =
        Matching.of(current.uniques(), target.uniques(), (a, b) -> sameColumns(a.columns(), b.columns()));
    Matching<Index, Index> indexes = Matching.of(current.indexes(), target.indexes(), this::sameIndex);
    // A unique constraint on one side may be a plain unique index on the other.
    Matching<UniqueConstraint, Index> targetIndexAsUnique =
        Matching.of(uniques.onlyCurrent(), indexes.onlyTarget(), (u, i) -> enforcesSame(i, u));
    Matching<Index, UniqueConstraint> currentIndexAsUnique =
        Matching.of(indexes.onlyCurrent(), uniques.onlyTarget(), (i, u) -> enforcesSame(i, u));
    targetIndexAsUnique.onlyCurrent().forEach(u -> changes.add(new DropUnique(name, u)));
    currentIndexAsUnique.onlyTarget().forEach(u -> changes.add(new AddUnique(name, u)));
    currentIndexAsUnique.onlyCurrent().forEach(i -> changes.add(new DropIndex(name, i)));
    targetIndexAsUnique.onlyTarget().forEach(i -> changes.add(new CreateIndex(name, i)));
  }

  private static boolean enforcesSame(Index index, UniqueConstraint unique) {
    return index.unique()
        && index.predicate() == null
        && Index.DEFAULT_METHOD.equals(index.method())
        && index.onPlainColumns()
        && sameColumns(index.keys(), unique.columns());
  }

  private static boolean sameColumns(List<String> a, List<String> b) {
    return a.size() == b.size() && new TreeSet<>(a).equals(new TreeSet<>(b));
  }

  private boolean sameCheck(CheckConstraint a, CheckConstraint b) {
    return dialect.normalizeExpression(a.expression()).equals(dialect.normalizeExpression(b.expression()));
  }

  private boolean sameIndex(Index a, Index b) {
    return a.unique() == b.unique()
        && a.method().equals(b.method())
        && normalizedKeys(a).equals(normalizedKeys(b))
        && Objects.equals(normalized(a.predicate()), normalized(b.predicate()));
  }

  private List<String> normalizedKeys(Index index) {
    return index.keys().stream().map(k -> k.startsWith("(") ? dialect.normalizeExpression(k) : k).toList();
  }

  private String normalized(String expression) {
    return expression == null ? null : dialect.normalizeExpression(expression);
  }
}
