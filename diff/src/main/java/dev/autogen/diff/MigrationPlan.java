package dev.autogen.diff;

import dev.autogen.model.Dialect;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The result of a diff: the ordered changes and the hazards found on them. Immutable. A final class
 * rather than a record only so that it can keep an index of diagnostics by change: reports ask for the
 * hazards of every change, which must not cost a scan of all diagnostics each time.
 */
public final class MigrationPlan {

  private final List<Change> changes;
  private final List<Diagnostic> diagnostics;
  private final Set<Change> relaxations;
  private final List<Change> keptStricter;
  private final List<UnmanagedObject> unmanaged;
  private final Map<Change, List<Diagnostic>> byChange;
  private final int serverVersion;

  /**
   * A plan with no relaxations, nothing kept stricter and nothing unmanaged.
   *
   * @param changes changes in the order they must run, never null
   * @param diagnostics hazards, in change order, never null
   * @throws NullPointerException when a list is null or holds null
   */
  public MigrationPlan(List<Change> changes, List<Diagnostic> diagnostics) {
    this(changes, diagnostics, Set.of(), List.of(), List.of());
  }

  /**
   * @param changes changes in the order they must run, never null
   * @param diagnostics hazards, in change order, never null
   * @param relaxations those of {@code changes} that only loosen what the database enforces, never null
   * @param keptStricter the relaxations left out by policy ({@link DiffOptions#keepStricterDatabase()}),
   *     never null
   * @param unmanaged objects only the database has, left alone, never null
   * @throws NullPointerException when an argument is null or holds null
   */
  public MigrationPlan(List<Change> changes, List<Diagnostic> diagnostics, Set<Change> relaxations,
      List<Change> keptStricter, List<UnmanagedObject> unmanaged) {
    this(changes, diagnostics, relaxations, keptStricter, unmanaged, Dialect.LATEST_SERVER_VERSION);
  }

  private MigrationPlan(List<Change> changes, List<Diagnostic> diagnostics, Set<Change> relaxations,
      List<Change> keptStricter, List<UnmanagedObject> unmanaged, int serverVersion) {
    this.serverVersion = serverVersion;
    this.changes = List.copyOf(changes);
    this.diagnostics = List.copyOf(diagnostics);
    this.relaxations = Set.copyOf(relaxations);
    this.keptStricter = List.copyOf(keptStricter);
    this.unmanaged = List.copyOf(unmanaged);
    this.byChange = this.diagnostics.stream()
        .collect(Collectors.groupingBy(Diagnostic::change, LinkedHashMap::new, Collectors.toUnmodifiableList()));
  }

  /**
   * @param left the changes to leave out (for example differences a baseline accepted), never null
   * @return this plan without those changes and their diagnostics; everything else the same
   */
  public MigrationPlan without(Set<Change> left) {
    return new MigrationPlan(
        changes.stream().filter(c -> !left.contains(c)).toList(),
        diagnostics.stream().filter(d -> !left.contains(d.change())).toList(),
        relaxations.stream().filter(c -> !left.contains(c)).collect(Collectors.toSet()),
        keptStricter, unmanaged, serverVersion);
  }

  /**
   * @param version the {@code server_version_num} the plan was made for ({@link
   *     DiffOptions#serverVersion()}), positive
   * @return this plan made for that version: the renderer writes the statements that version runs
   *     (e.g. {@link Dialect#generationChange}), as the risk analysis rated them
   * @throws IllegalArgumentException when the version is not positive
   */
  public MigrationPlan withServerVersion(int version) {
    if (version <= 0) {
      throw new IllegalArgumentException("server version must be positive (server_version_num): " + version);
    }
    return new MigrationPlan(changes, diagnostics, relaxations, keptStricter, unmanaged, version);
  }

  /**
   * @return the {@code server_version_num} of the server the plan was made for; {@link
   *     Dialect#LATEST_SERVER_VERSION} when unknown (the default)
   */
  public int serverVersion() {
    return serverVersion;
  }

  /**
   * @param change one of {@link #changes()}
   * @return whether it only loosens what the database enforces (the database is stricter than the
   *     target: NOT NULL dropped, a type widened within its family)
   */
  public boolean isRelaxation(Change change) {
    return relaxations.contains(change);
  }

  /**
   * @return the relaxations the policy {@link DiffOptions#keepStricterDatabase()} left out, as the
   *     changes they would have been, in table order
   */
  public List<Change> keptStricter() {
    return keptStricter;
  }

  /** @return the objects only the database has that the plan leaves alone, sorted by schema, table, kind, name */
  public List<UnmanagedObject> unmanaged() {
    return unmanaged;
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
    return o instanceof MigrationPlan p && changes.equals(p.changes) && diagnostics.equals(p.diagnostics)
        && relaxations.equals(p.relaxations) && keptStricter.equals(p.keptStricter) && unmanaged.equals(p.unmanaged)
        && serverVersion == p.serverVersion;
  }

  @Override
  public int hashCode() {
    return Objects.hash(changes, diagnostics, relaxations, keptStricter, unmanaged, serverVersion);
  }

  @Override
  public String toString() {
    return "MigrationPlan[changes=" + changes + ", diagnostics=" + diagnostics + ", relaxations=" + relaxations
        + ", keptStricter=" + keptStricter + ", unmanaged=" + unmanaged + ", serverVersion=" + serverVersion + "]";
  }
}
