package dev.autogen.codegen.report;

import dev.autogen.codegen.ChangeFacts;
import dev.autogen.codegen.ChangeLabels;
import dev.autogen.codegen.Statement;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.diff.Risk;
import java.util.List;
import java.util.Map;

/**
 * The plain-text report ({@code autogen diff --format text}): changes grouped by risk, dangerous
 * first, one line per change, each hazard's message and remedy under it, then a summary line. A key,
 * constraint or index is named as the SQL names it ({@link Statement#name()}).
 *
 * <pre>
 * Dangerous (1)
 *   - drop column public.customer.full_name  [DATA_LOSS]
 *       DATA_LOSS: the column's values are lost
 *       remedy: copy them elsewhere first
 *
 * Summary: 1 dangerous, 0 caution, 0 safe
 * </pre>
 */
public final class TextReport {

  /** What the report says about an empty plan. */
  public static final String NO_CHANGES = "No changes: the database matches the entities.";

  /** Creates the report writer; it holds no state. */
  public TextReport() {}

  /**
   * @param plan the plan, never null
   * @param statements the plan rendered by a {@code SqlRenderer}, never null
   * @return the report, lines ending in {@code \n}; {@link #NO_CHANGES} for an empty plan
   * @throws IllegalArgumentException when the statements are not one per change of the plan
   */
  public String render(MigrationPlan plan, List<Statement> statements) {
    Statement.requireRendering(plan, statements);
    if (plan.isEmpty()) {
      return NO_CHANGES + "\n";
    }
    StringBuilder out = new StringBuilder();
    Risk[] worstFirst = {Risk.DANGEROUS, Risk.CAUTION, Risk.SAFE};
    Map<Risk, Integer> summary = plan.summary();
    for (Risk risk : worstFirst) {
      List<Statement> group = statements.stream().filter(s -> plan.risk(s.change()) == risk).toList();
      if (group.isEmpty()) {
        continue;
      }
      out.append(capitalized(risk.label())).append(" (").append(group.size()).append(")\n");
      group.forEach(s -> appendChange(out, s));
      out.append('\n');
    }
    out.append("Summary: ").append(summary.get(Risk.DANGEROUS)).append(" dangerous, ")
        .append(summary.get(Risk.CAUTION)).append(" caution, ")
        .append(summary.get(Risk.SAFE)).append(" safe\n");
    return out.toString();
  }

  private static void appendChange(StringBuilder out, Statement s) {
    out.append("  - ").append(ChangeLabels.describe(s.change(), s.name()));
    ChangeFacts facts = ChangeFacts.of(s.change());
    if (facts.from() != null && facts.to() != null && !s.change().kind().startsWith("rename_")) {
      out.append(": ").append(facts.from()).append(" -> ").append(facts.to());
    }
    if (!s.hazards().isEmpty()) {
      out.append("  [").append(ChangeLabels.codes(s.hazards())).append(']');
    }
    out.append('\n');
    for (Diagnostic d : s.hazards()) {
      out.append("      ").append(d.hazard().name()).append(": ").append(d.message()).append('\n');
      out.append("      remedy: ").append(d.remedy()).append('\n');
    }
  }

  private static String capitalized(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
