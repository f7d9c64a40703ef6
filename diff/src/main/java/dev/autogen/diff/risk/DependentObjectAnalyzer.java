package dev.autogen.diff.risk;

import dev.autogen.diff.Change;
import dev.autogen.diff.DependentViews;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.Hazard;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@link Hazard#DEPENDENT_OBJECT}: views and materialized views that read a column the change drops
 * or changes the type or collation of, or the table it drops ({@link DependentViews}): PostgreSQL
 * refuses the statement while they exist. A view the plan drops before and creates again after
 * ({@code --recreate-dependent-views}, {@link Change.DropView}) no longer blocks the change; one
 * whose definition reads what the plan removes cannot be re-created and is always reported.
 *
 * <p>Needs the current catalog ({@link PlanContext#current()}); without one it finds nothing.
 */
final class DependentObjectAnalyzer implements RiskAnalyzer {

  @Override
  public List<Diagnostic> analyze(Change change, PlanContext plan) {
    if (plan.current() == null || change instanceof Change.DropView || change instanceof Change.CreateView) {
      return List.of();
    }
    DependentViews views = DependentViews.of(plan.current());
    List<DependentViews.Found> blocking = views.blocking(change).stream()
        .filter(v -> plan.changes().stream().noneMatch(c -> c instanceof Change.DropView d && d.subject().equals(v.name())))
        .toList();
    if (blocking.isEmpty()) {
      return List.of();
    }
    String names = blocking.stream()
        .map(v -> (v.view().materialized() ? "materialized view " : "view ") + v.name())
        .collect(Collectors.joining(", "));
    boolean recreatable = !DependentViews.removes(change)
        && blocking.stream().allMatch(v -> views.recreatable(v, plan.changes()));
    return List.of(new Diagnostic(Hazard.DEPENDENT_OBJECT, Hazard.DEPENDENT_OBJECT.risk(), change,
        change.kind().replace('_', ' ') + " on " + Names.of(change) + " fails: " + names
            + " read" + (blocking.size() == 1 ? "s" : "") + " it (directly or through another view)",
        recreatable
            ? "generate with --recreate-dependent-views to drop them before the change and create them again after "
                + "it from their definitions, or change them by hand first"
            : "drop or change them by hand first: they read what the plan removes or renames, so they cannot be "
                + "created again from their definitions"));
  }
}
