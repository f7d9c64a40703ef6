package dev.autogen.diff.baseline;

import dev.autogen.diff.Change;
import dev.autogen.diff.MigrationPlan;
import java.util.List;
import java.util.Objects;

/**
 * A plan with a baseline's accepted differences left out.
 *
 * @param plan the changes that are not baselined, with their diagnostics, never null
 * @param suppressed the changes left out because the baseline accepts them, in plan order, never null
 * @param resolved the baseline's entries that no change of the plan matches any more (the difference
 *     is gone: the entry can be pruned), in baseline order, never null
 */
public record BaselineOutcome(MigrationPlan plan, List<Change> suppressed, List<BaselineEntry> resolved) {

  /** @throws NullPointerException when an argument is null */
  public BaselineOutcome {
    Objects.requireNonNull(plan, "plan");
    suppressed = List.copyOf(suppressed);
    resolved = List.copyOf(resolved);
  }
}
