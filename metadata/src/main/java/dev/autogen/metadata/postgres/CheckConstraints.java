package dev.autogen.metadata.postgres;

import dev.autogen.model.CheckConstraint;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Table;

/**
 * The check constraints Hibernate's schema export creates for a table on PostgreSQL, which supports
 * column and table checks ({@code ColumnDefinitions.appendConstraints} and {@code
 * StandardTableExporter.applyTableCheck}):
 * <ul>
 *   <li>per column, all anonymous checks (those Hibernate derives itself, e.g. {@code x in ('A','B')}
 *       for an {@code @Enumerated(STRING)} column or {@code x between 0 and 2} for ORDINAL, and
 *       unnamed {@code @Check} on a field) become one column constraint {@code check ((a) and (b))};
 *   <li>every named column check ({@code @Check(name = ...)} on a field) is its own constraint;
 *   <li>every table check ({@code @Check} on the class, {@code @Table(check = ...)}) is its own
 *       constraint, named when the mapping names it.
 * </ul>
 * Checks of aggregate (struct or JSON) embeddable columns are not read.
 */
final class CheckConstraints {

  private CheckConstraints() {}

  /**
   * @param table a physical Hibernate table
   * @return its check constraints with the expressions as Hibernate writes them, sorted by name,
   *     unnamed last
   */
  static List<CheckConstraint> of(Table table) {
    List<CheckConstraint> checks = new ArrayList<>();
    for (Column column : table.getColumns()) {
      List<org.hibernate.mapping.CheckConstraint> anonymous = column.getCheckConstraints().stream()
          .filter(org.hibernate.mapping.CheckConstraint::isAnonymous).toList();
      if (anonymous.size() == 1) {
        checks.add(new CheckConstraint(null, anonymous.get(0).getConstraint()));
      } else if (anonymous.size() > 1) {
        checks.add(new CheckConstraint(null, String.join(" and ",
            anonymous.stream().map(org.hibernate.mapping.CheckConstraint::getConstraintInParens).toList())));
      }
      column.getCheckConstraints().stream().filter(org.hibernate.mapping.CheckConstraint::isNamed)
          .forEach(c -> checks.add(translate(c)));
    }
    table.getChecks().forEach(c -> checks.add(translate(c)));
    checks.sort(ModelOrder.byName(CheckConstraint::name, CheckConstraint::expression));
    return checks;
  }

  private static CheckConstraint translate(org.hibernate.mapping.CheckConstraint check) {
    return new CheckConstraint(PostgresNames.writtenAsIs(check.getName()), check.getConstraint());
  }
}
