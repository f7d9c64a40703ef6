package dev.autogen.diff.baseline;

import dev.autogen.diff.Change;
import dev.autogen.diff.MigrationPlan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The accepted differences of a project: what {@code autogen baseline} recorded, each with its
 * reason. Immutable; entries are unique by fingerprint and sorted by it, so that the file written from
 * a baseline is deterministic.
 *
 * <p>An entry accepts every change of a plan with its fingerprint (two changes with one fingerprint
 * are indistinguishable differences: two identical indexes, say).
 *
 * @param entries the accepted differences, never null
 */
public record Baseline(List<BaselineEntry> entries) {

  /** A baseline that accepts nothing. */
  public static final Baseline EMPTY = new Baseline(List.of());

  /**
   * Keeps the first entry of each fingerprint and sorts by fingerprint.
   *
   * @throws NullPointerException when entries is null or holds null
   */
  public Baseline {
    Map<String, BaselineEntry> unique = new LinkedHashMap<>();
    entries.forEach(e -> unique.putIfAbsent(e.fingerprint(), Objects.requireNonNull(e)));
    entries = unique.values().stream().sorted(Comparator.comparing(BaselineEntry::fingerprint)).toList();
  }

  /**
   * Leaves the accepted differences out of a plan.
   *
   * @param plan the whole plan, never null
   * @param fingerprints identifies the plan's changes, never null
   * @return the plan without the changes this baseline accepts (nor their diagnostics), the changes
   *     left out, and the entries no change matches any more
   */
  public BaselineOutcome apply(MigrationPlan plan, ChangeFingerprints fingerprints) {
    Set<String> accepted = fingerprints();
    Set<String> present = new HashSet<>();
    List<Change> suppressed = new ArrayList<>();
    for (Change change : plan.changes()) {
      String fingerprint = fingerprints.of(change).value();
      present.add(fingerprint);
      if (accepted.contains(fingerprint)) {
        suppressed.add(change);
      }
    }
    List<BaselineEntry> resolved = entries.stream().filter(e -> !present.contains(e.fingerprint())).toList();
    return new BaselineOutcome(plan.without(new HashSet<>(suppressed)), suppressed, resolved);
  }

  /**
   * Records the differences of a plan that this baseline does not accept yet; existing entries keep
   * their reasons and dates.
   *
   * @param plan the whole plan, never null
   * @param fingerprints identifies the plan's changes, never null
   * @param select which changes to record (e.g. only some kinds), never null
   * @param reason why they are accepted, never blank
   * @param today the date to record, never null
   * @return this baseline with the new entries
   * @throws IllegalArgumentException when reason is blank and there is something to record
   */
  public Baseline record(
      MigrationPlan plan, ChangeFingerprints fingerprints, Predicate<Change> select, String reason, LocalDate today) {
    List<BaselineEntry> all = new ArrayList<>(entries);
    plan.changes().stream().filter(select)
        .map(c -> BaselineEntry.of(fingerprints.of(c), reason, today))
        .forEach(all::add);
    return new Baseline(all);
  }

  /**
   * @param resolved entries to remove (those whose difference is gone), never null
   * @return this baseline without them
   */
  public Baseline without(List<BaselineEntry> resolved) {
    Set<String> gone = new HashSet<>();
    resolved.forEach(e -> gone.add(e.fingerprint()));
    return new Baseline(entries.stream().filter(e -> !gone.contains(e.fingerprint())).toList());
  }

  /** @return the fingerprints of the entries */
  public Set<String> fingerprints() {
    Set<String> all = new HashSet<>();
    entries.forEach(e -> all.add(e.fingerprint()));
    return all;
  }
}
