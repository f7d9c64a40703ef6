package dev.autogen.diff.risk;

import dev.autogen.diff.Diagnostic;
import dev.autogen.model.DataProbe;
import java.util.List;
import java.util.Optional;

/**
 * The answer of the plan's data probe to one question, as a diagnostic carries it: a {@link
 * Diagnostic.Figure} and the words of the message ("1,204 rows (estimate)").
 *
 * @param figures the figure, or none when there is no probe or the answer is unknown; never null
 * @param words what the message says: the count and its noun ({@code 1,204 rows (estimate)}, {@code 1
 *     row}), or that it is unknown; null when there is no probe (replay mode)
 * @param known whether a count was given
 */
record Measured(List<Diagnostic.Figure> figures, String words, boolean known) {

  private static final Measured NOT_ASKED = new Measured(List.of(), null, false);

  /**
   * The words of a question the probe could not answer because it has no read-only way to: used by
   * questions whose answer may be out of the probe's reach (a conversion it cannot check on this
   * server version).
   */
  static final String NOT_MEASURED = "not measured (no read-only check for it on this server, or the probe timed out)";

  /**
   * Asks the plan's probe.
   *
   * @param plan the plan, whose probe may be null
   * @param question the question, naming objects as they are in the database ({@link
   *     PlanContext#databaseTable}, {@link PlanContext#databaseColumn}), never null
   * @param figure the figure's name ({@link Diagnostic.Figure#name()}), never null
   * @param singular the noun for a count of one, e.g. {@code row}
   * @param plural the noun for other counts, e.g. {@code rows}
   * @return the measure; {@link #words()} null when the plan has no probe
   */
  static Measured ask(PlanContext plan, DataProbe.Question question, String figure, String singular, String plural) {
    return ask(plan, question, figure, singular, plural,
        "an unknown number of " + plural + " (the probe timed out or could not run)");
  }

  /**
   * As {@link #ask(PlanContext, DataProbe.Question, String, String, String)}, with the words to say
   * when the probe gives no answer.
   *
   * @param plan the plan, whose probe may be null
   * @param question the question, never null
   * @param figure the figure's name, never null
   * @param singular the noun for a count of one
   * @param plural the noun for other counts
   * @param unknown what the message says when the probe gives no answer, e.g. {@link #NOT_MEASURED}
   * @return the measure; {@link #words()} null when the plan has no probe
   */
  static Measured ask(PlanContext plan, DataProbe.Question question, String figure, String singular, String plural,
      String unknown) {
    if (plan.probe() == null) {
      return NOT_ASKED;
    }
    Optional<DataProbe.Count> count = plan.probe().count(question);
    if (count.isEmpty()) {
      return new Measured(List.of(), unknown, false);
    }
    DataProbe.Count c = count.get();
    String words = thousands(c.value()) + " " + (c.value() == 1 ? singular : plural)
        + (c.estimate() ? " (estimate)" : "");
    return new Measured(List.of(new Diagnostic.Figure(figure, c.value(), c.estimate())), words, true);
  }

  /**
   * @param value a count
   * @return it with a comma between groups of three digits, as {@code String.format(Locale.ROOT,
   *     "%,d")} writes it ({@code 1,204}), without the formatter's cost, paid once per measured change
   */
  static String thousands(long value) {
    String digits = Long.toString(value);
    int sign = value < 0 ? 1 : 0;
    int count = digits.length() - sign;
    StringBuilder grouped = new StringBuilder(digits.length() + count / 3).append(digits, 0, sign);
    for (int i = 0; i < count; i++) {
      if (i > 0 && (count - i) % 3 == 0) {
        grouped.append(',');
      }
      grouped.append(digits.charAt(sign + i));
    }
    return grouped.toString();
  }

  /** @return the measure of a question not asked: no figure, no words */
  static Measured notAsked() {
    return NOT_ASKED;
  }

  /**
   * @param plan the plan, whose probe may be null
   * @return the measure of a question the probe cannot answer: {@link #NOT_MEASURED} in live mode,
   *     {@link #notAsked()} without a probe
   */
  static Measured notMeasured(PlanContext plan) {
    return plan.probe() == null ? NOT_ASKED : new Measured(List.of(), NOT_MEASURED, false);
  }

  /** @return whether there was a probe to ask */
  boolean asked() {
    return words != null;
  }

  /**
   * @param lead what comes before the words, e.g. {@code ": found "}
   * @return {@code lead + words}, {@code "; " + words} for {@link #NOT_MEASURED}, or the empty string
   *     when there was no probe
   */
  String suffix(String lead) {
    if (NOT_MEASURED.equals(words)) {
      return "; " + words;
    }
    return asked() ? lead + words : "";
  }
}
