package dev.autogen.diff.risk;

import dev.autogen.diff.Change;
import dev.autogen.diff.Diagnostic;
import java.util.List;

/**
 * One kind of hazard analysis over the ordered change list (not over SQL text). Implementations are
 * stateless and each emits the hazard codes of one concern.
 */
public interface RiskAnalyzer {

  /**
   * @param change one change of the plan
   * @param plan what else the plan does (created tables, all changes), never null
   * @return the hazards of that change this analyzer finds, possibly none, never null
   */
  List<Diagnostic> analyze(Change change, PlanContext plan);
}
