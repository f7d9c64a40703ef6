package dev.autogen.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.codegen.report.JsonReport;
import dev.autogen.codegen.report.MarkdownReport;
import dev.autogen.codegen.report.TextReport;
import dev.autogen.codegen.ChangeLabels;
import dev.autogen.codegen.text.VisibleText;
import dev.autogen.diff.Diagnostic;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.diff.RiskGate;
import dev.autogen.diff.UnmanagedKind;
import dev.autogen.diff.UnmanagedObject;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The reports a comparison prints, from the codegen module's report writers, with what the baseline
 * left out added: in text one line for the count and one per resolved entry, in JSON a top-level
 * {@code baseline} object ({@link dev.autogen.cli.baseline.AppliedBaseline#json()}).
 */
final class Reports {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Reports() {}

  /**
   * @param comparison a comparison
   * @return the plain-text report, then the baseline lines; ending in a newline
   */
  static String text(Comparison comparison) {
    return text(comparison, false);
  }

  /**
   * @param comparison a comparison
   * @param withSql whether each change lists its statements ({@link TextReport#TextReport(boolean)})
   * @return the plain-text report, then the baseline lines; ending in a newline
   */
  static String text(Comparison comparison, boolean withSql) {
    return endLine(new TextReport(withSql).render(comparison.plan(), comparison.statements())) + baseline(comparison);
  }

  /**
   * @param gate the CI gate, set
   * @param plan a plan
   * @return one line saying the gate failed and one per hazard that failed it, each ending in a
   *     newline; empty when the gate passes
   */
  static String gate(RiskGate gate, MigrationPlan plan) {
    List<Diagnostic> blocking = gate.blocking(plan);
    if (blocking.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("Gate --fail-on " + gate.failOn().label() + ": " + blocking.size()
        + " hazard" + (blocking.size() == 1 ? "" : "s") + " at or above " + gate.failOn().label()
        + " (accept a code with --allow):\n");
    blocking.forEach(d -> out.append(VisibleText.oneLine("  " + d.hazard().name() + ' '
        + ChangeLabels.describe(d.change(), null))).append('\n'));
    return out.toString();
  }

  /**
   * @param plan a plan
   * @return one line per kind of thing the plan leaves alone, each ending in a newline: the unmanaged
   *     objects counted by kind, and the columns kept stricter; empty when there are none
   */
  static String leftAlone(MigrationPlan plan) {
    StringBuilder out = new StringBuilder();
    if (!plan.unmanaged().isEmpty()) {
      Map<UnmanagedKind, Long> byKind = plan.unmanaged().stream()
          .collect(Collectors.groupingBy(UnmanagedObject::kind, () -> new EnumMap<>(UnmanagedKind.class),
              Collectors.counting()));
      out.append("Unmanaged: ").append(plan.unmanaged().size())
          .append(" objects only in the database are left alone (")
          .append(byKind.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
              .collect(Collectors.joining(", ")))
          .append("); autogen diff lists them.\n");
    }
    if (!plan.keptStricter().isEmpty()) {
      out.append("Kept stricter: ").append(plan.keptStricter().size())
          .append(" columns where the database is stricter than the entities (--keep-stricter-database, or a kept"
              + " primary key);"
              + " autogen diff lists them.\n");
    }
    return out.toString();
  }

  /**
   * @param comparison a comparison
   * @return what the baseline left out and which of its entries no longer differ, one line each
   *     ending in a newline; empty without a baseline
   */
  static String baseline(Comparison comparison) {
    return comparison.baseline() == null ? ""
        : comparison.baseline().lines().stream().map(VisibleText::oneLine).collect(Collectors.joining("\n")) + "\n";
  }

  /**
   * @param comparison a comparison
   * @return the Markdown review (a pull-request comment) with the touched tables drawn from both
   *     catalogs, then the baseline lines in a code block; ending in a newline
   */
  static String markdown(Comparison comparison) {
    String baseline = baseline(comparison);
    return endLine(new MarkdownReport().render(comparison.plan(), comparison.statements(), comparison.current(),
        comparison.target())) + (baseline.isEmpty() ? "" : "\n```\n" + baseline + "```\n");
  }

  /**
   * @param comparison a comparison
   * @return the JSON report (DESIGN.md, CLI contract) with a {@code baseline} object when a baseline
   *     applied, ending in a newline
   */
  static String json(Comparison comparison) {
    ObjectNode tree = new JsonReport().tree(comparison.plan(), comparison.statements(), comparison.hibernate());
    if (comparison.baseline() != null) {
      tree.set("baseline", comparison.baseline().json());
    }
    try {
      return endLine(JSON.writeValueAsString(tree));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String endLine(String s) {
    return s.endsWith("\n") ? s : s + "\n";
  }
}
