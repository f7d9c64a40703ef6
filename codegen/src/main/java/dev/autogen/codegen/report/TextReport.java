package dev.autogen.codegen.report;

import dev.autogen.codegen.ChangeLabels;
import dev.autogen.codegen.Statement;
import dev.autogen.codegen.text.VisibleText;
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

  /** Heading of the relaxations among the changes. */
  public static final String RELAXATIONS =
      "Relaxations: the database is stricter than the entities (--keep-stricter-database keeps it)";
  /** Heading of the relaxations a policy left out. */
  public static final String KEPT_STRICTER =
      "Kept stricter: the database is stricter than the entities and stays so (--keep-stricter-database, or a kept primary key)";
  /** Heading of the objects only the database has. */
  public static final String UNMANAGED =
      "Unmanaged: only in the database, left alone (--drop-unmanaged KIND drops indexes, uniques, primary-keys, checks,"
          + " defaults, comments, library-tables)";

  private final boolean withSql;

  /** Creates the report writer without the SQL of each change; it holds no state. */
  public TextReport() {
    this(false);
  }

  /**
   * @param withSql whether each change lists the statements that carry it out, under {@code sql:}
   *     ({@code autogen diff} shows them; {@code generate} writes them to the file instead)
   */
  public TextReport(boolean withSql) {
    this.withSql = withSql;
  }

  /**
   * Every line is written through {@link VisibleText}: a name, expression or message holding a line
   * break or a terminal escape sequence is shown with visible symbols and cannot start a line of its
   * own or act on the terminal; a statement's SQL keeps its own line breaks, each of its lines
   * indented under its change.
   *
   * @param plan the plan, never null
   * @param statements the plan rendered by a {@code SqlRenderer}, never null
   * @return the report, lines ending in {@code \n}; {@link #NO_CHANGES} for an empty plan
   * @throws IllegalArgumentException when the statements are not one per change of the plan
   */
  public String render(MigrationPlan plan, List<Statement> statements) {
    Statement.requireRendering(plan, statements);
    StringBuilder out = new StringBuilder();
    if (plan.isEmpty()) {
      line(out, NO_CHANGES);
      appendLeftAlone(out, plan);
      return out.toString();
    }
    Risk[] worstFirst = {Risk.DANGEROUS, Risk.CAUTION, Risk.SAFE};
    Map<Risk, Integer> summary = plan.summary();
    for (Risk risk : worstFirst) {
      List<Statement> group = statements.stream().filter(s -> plan.risk(s.change()) == risk).toList();
      if (group.isEmpty()) {
        continue;
      }
      line(out, capitalized(risk.label()) + " (" + group.size() + ")");
      group.forEach(s -> appendChange(out, s));
      out.append('\n');
    }
    List<String> relaxations = statements.stream().filter(s -> plan.isRelaxation(s.change()))
        .map(s -> ChangeLabels.describeWithSides(s.change(), s.name())).toList();
    appendGroup(out, RELAXATIONS, relaxations);
    appendLeftAlone(out, plan);
    line(out, "Summary: " + summary.get(Risk.DANGEROUS) + " dangerous, " + summary.get(Risk.CAUTION)
        + " caution, " + summary.get(Risk.SAFE) + " safe");
    return out.toString();
  }

  /** The relaxations left out and the unmanaged objects, each a group, when there are any. */
  private static void appendLeftAlone(StringBuilder out, MigrationPlan plan) {
    appendGroup(out, KEPT_STRICTER, plan.keptStricter().stream()
        .map(c -> ChangeLabels.describeWithSides(c, null)).toList());
    appendGroup(out, UNMANAGED, plan.unmanaged().stream().map(ChangeLabels::unmanaged).toList());
  }

  private static void appendGroup(StringBuilder out, String heading, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    line(out, heading + " (" + lines.size() + ")");
    lines.forEach(l -> line(out, "  - " + l));
    out.append('\n');
  }

  private void appendChange(StringBuilder out, Statement s) {
    String label = "  - " + ChangeLabels.describeWithSides(s.change(), s.name());
    line(out, s.hazards().isEmpty() ? label : label + "  [" + ChangeLabels.codes(s.hazards()) + "]");
    for (Diagnostic d : s.hazards()) {
      line(out, "      " + d.hazard().name() + ": " + d.message());
      line(out, "      remedy: " + d.remedy());
    }
    if (withSql) {
      if (s.sql().isEmpty()) {
        line(out, "      sql: (nothing to run)");
      }
      for (String sql : s.sql()) {
        line(out, "      sql:");
        out.append(VisibleText.indentedLines(sql + ";", "        "));
      }
    }
  }

  /** The one way a line enters the report: made visible ({@link VisibleText#oneLine}) and ended. */
  private static void line(StringBuilder out, String text) {
    out.append(VisibleText.oneLine(text)).append('\n');
  }

  private static String capitalized(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
