package dev.autogen.diff;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A CI gate over a plan's hazards ({@code --fail-on caution|dangerous}, {@code --allow HAZARD,...}):
 * it fails when a hazard that is not allowed carries the threshold risk or a worse one. Allowed
 * hazards are accepted whatever their risk; a change without hazards is safe and never fails a gate.
 *
 * @param failOn the lowest risk that fails, {@link Risk#CAUTION} or {@link Risk#DANGEROUS}; null for a
 *     gate that never fails
 * @param allowed the hazard codes accepted whatever their risk, never null
 */
public record RiskGate(Risk failOn, Set<Hazard> allowed) {

  /**
   * @throws NullPointerException when allowed is null
   * @throws IllegalArgumentException when failOn is {@link Risk#SAFE} (every plan would fail)
   */
  public RiskGate {
    allowed = Set.copyOf(Objects.requireNonNull(allowed, "allowed"));
    if (failOn == Risk.SAFE) {
      throw new IllegalArgumentException("a gate on safe would fail every plan: use caution or dangerous");
    }
  }

  /** @return a gate that never fails */
  public static RiskGate none() {
    return new RiskGate(null, Set.of());
  }

  /**
   * @param plan a plan, never null
   * @return the diagnostics that fail this gate, in plan order; empty when it passes
   */
  public List<Diagnostic> blocking(MigrationPlan plan) {
    if (failOn == null) {
      return List.of();
    }
    return plan.diagnostics().stream()
        .filter(d -> !allowed.contains(d.hazard()) && d.risk().compareTo(failOn) >= 0)
        .toList();
  }

  /**
   * @param plan a plan, never null
   * @return whether the plan fails this gate
   */
  public boolean fails(MigrationPlan plan) {
    return !blocking(plan).isEmpty();
  }

  /** @return whether this gate can fail at all (a threshold is set) */
  public boolean isSet() {
    return failOn != null;
  }
}
