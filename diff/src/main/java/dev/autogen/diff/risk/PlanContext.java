package dev.autogen.diff.risk;

import dev.autogen.diff.Change;
import dev.autogen.model.Dialect;
import dev.autogen.model.QualifiedName;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an analyzer may ask about the whole plan.
 *
 * @param dialect the dialect's type knowledge, never null
 * @param changes all changes in order, never null
 * @param createdTables tables the plan creates: objects created in the same migration carry no lock or
 *     data hazards (DESIGN.md, Risk)
 */
public record PlanContext(Dialect dialect, List<Change> changes, Set<QualifiedName> createdTables) {

  /** @throws NullPointerException when an argument is null */
  public PlanContext {
    changes = List.copyOf(changes);
    createdTables = Set.copyOf(createdTables);
  }

  /**
   * @param dialect the dialect
   * @param changes the ordered changes
   * @return the context of that plan
   */
  public static PlanContext of(Dialect dialect, List<Change> changes) {
    Set<QualifiedName> created = changes.stream()
        .filter(c -> c instanceof Change.CreateTable)
        .map(Change::subject)
        .collect(Collectors.toSet());
    return new PlanContext(dialect, changes, created);
  }

  /**
   * @param table a table
   * @return whether the table exists before the migration runs (and so may hold rows)
   */
  public boolean existing(QualifiedName table) {
    return !createdTables.contains(table);
  }
}
