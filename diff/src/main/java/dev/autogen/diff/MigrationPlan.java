package dev.autogen.diff;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a diff: the ordered changes and the hazards found on them.
 *
 * @param changes changes in the order they must run, never null
 * @param diagnostics hazards, in change order, never null
 */
public record MigrationPlan(List<Change> changes, List<Diagnostic> diagnostics) {

  /** @throws NullPointerException when a list is null */
  public MigrationPlan {
    changes = List.copyOf(changes);
    diagnostics = List.copyOf(diagnostics);
  }

  /** @return whether there is nothing to do */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /**
   * @param change one of {@link #changes()}
   * @return the hazards found on it, possibly none
   */
  public List<Diagnostic> diagnostics(Change change) {
    return diagnostics.stream().filter(d -> d.change().equals(change)).toList();
  }

  /**
   * @param change one of {@link #changes()}
   * @return the worst risk of its hazards, {@link Risk#SAFE} when it has none
   */
  public Risk risk(Change change) {
    return diagnostics(change).stream().map(Diagnostic::risk).max(Comparator.naturalOrder()).orElse(Risk.SAFE);
  }

  /** @return the worst risk of the whole plan */
  public Risk risk() {
    return changes.stream().map(this::risk).max(Comparator.naturalOrder()).orElse(Risk.SAFE);
  }

  /** @return how many changes carry each risk; every risk is a key */
  public Map<Risk, Integer> summary() {
    Map<Risk, Integer> counts = new EnumMap<>(Risk.class);
    for (Risk r : Risk.values()) {
      counts.put(r, 0);
    }
    changes.forEach(c -> counts.merge(risk(c), 1, Integer::sum));
    return counts;
  }
}
