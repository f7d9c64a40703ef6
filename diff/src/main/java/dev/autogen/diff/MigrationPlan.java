package dev.autogen.diff;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The result of a diff: the ordered changes and the hazards found on them. Immutable. A final class
 * rather than a record only so that it can keep an index of diagnostics by change: reports ask for the
 * hazards of every change, which must not cost a scan of all diagnostics each time.
 */
public final class MigrationPlan {

  private final List<Change> changes;
  private final List<Diagnostic> diagnostics;
  private final Map<Change, List<Diagnostic>> byChange;

  /**
   * @param changes changes in the order they must run, never null
   * @param diagnostics hazards, in change order, never null
   * @throws NullPointerException when a list is null or holds null
   */
  public MigrationPlan(List<Change> changes, List<Diagnostic> diagnostics) {
    this.changes = List.copyOf(changes);
    this.diagnostics = List.copyOf(diagnostics);
    this.byChange = this.diagnostics.stream()
        .collect(Collectors.groupingBy(Diagnostic::change, LinkedHashMap::new, Collectors.toUnmodifiableList()));
  }

  /** @return the changes in the order they must run */
  public List<Change> changes() {
    return changes;
  }

  /** @return all hazards, in change order */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
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
    return byChange.getOrDefault(change, List.of());
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

  @Override
  public boolean equals(Object o) {
    return o instanceof MigrationPlan p && changes.equals(p.changes) && diagnostics.equals(p.diagnostics);
  }

  @Override
  public int hashCode() {
    return Objects.hash(changes, diagnostics);
  }

  @Override
  public String toString() {
    return "MigrationPlan[changes=" + changes + ", diagnostics=" + diagnostics + "]";
  }
}
