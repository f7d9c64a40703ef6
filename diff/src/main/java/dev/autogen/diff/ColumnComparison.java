package dev.autogen.diff;

import dev.autogen.diff.Change.Aspect;
import dev.autogen.model.Column;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.Dialect;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Decides which aspects of one column differ. Spelling is never a difference: types are canonical
 * {@link dev.autogen.model.SqlType}s, defaults are canonical {@link DefaultExpr}s compared through the
 * dialect's expression normalisation. A comment only the database has is left alone: entities that
 * say nothing about comments do not ask for them to be removed.
 */
final class ColumnComparison {

  private final Dialect dialect;

  /** @param dialect answers expression questions */
  ColumnComparison(Dialect dialect) {
    this.dialect = dialect;
  }

  /**
   * @param current the column as it is
   * @param target the column as it should be (same name)
   * @return the aspects that differ, empty when the columns mean the same
   */
  Set<Aspect> differences(Column current, Column target) {
    Set<Aspect> aspects = EnumSet.noneOf(Aspect.class);
    if (!current.type().equals(target.type())) {
      aspects.add(Aspect.TYPE);
    }
    if (current.nullable() != target.nullable()) {
      aspects.add(Aspect.NULLABILITY);
    }
    if (current.identity() != target.identity()) {
      aspects.add(Aspect.IDENTITY);
    }
    if (!sameDefault(current.defaultValue(), target.defaultValue())) {
      aspects.add(Aspect.DEFAULT);
    }
    if (target.comment() != null && !target.comment().equals(current.comment())) {
      aspects.add(Aspect.COMMENT);
    }
    return aspects;
  }

  /**
   * @param a one default, may be null
   * @param b another default, may be null
   * @return whether both mean the same default
   */
  boolean sameDefault(DefaultExpr a, DefaultExpr b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.equals(b)) {
      return true;
    }
    if (a instanceof DefaultExpr.NextValue || b instanceof DefaultExpr.NextValue) {
      return false;
    }
    return Objects.equals(dialect.normalizeExpression(a.sql()), dialect.normalizeExpression(b.sql()));
  }
}
