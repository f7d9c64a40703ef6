package dev.autogen.cli;

import dev.autogen.codegen.report.JsonReport;
import dev.autogen.codegen.report.TextReport;

/** The reports a comparison prints, from the codegen module's report writers. */
final class Reports {

  private Reports() {}

  /**
   * @param comparison a comparison
   * @return the plain-text report, ending in a newline
   */
  static String text(Comparison comparison) {
    return endLine(new TextReport().render(comparison.plan(), comparison.statements()));
  }

  /**
   * @param comparison a comparison
   * @return the JSON report (DESIGN.md, CLI contract), ending in a newline
   */
  static String json(Comparison comparison) {
    return endLine(new JsonReport().render(comparison.plan(), comparison.statements()));
  }

  private static String endLine(String s) {
    return s.endsWith("\n") ? s : s + "\n";
  }
}
