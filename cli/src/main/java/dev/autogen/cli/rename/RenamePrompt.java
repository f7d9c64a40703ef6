package dev.autogen.cli.rename;

import dev.autogen.diff.rename.RenameCandidate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Asks, Django style, about each rename candidate once, best first: {@code Did you rename
 * customer.full_name to customer.display_name (varchar(120))? [y/N]}. Only {@code y} or {@code yes}
 * confirms; anything else, an empty line included, declines; the end of input declines this and every
 * later question. A candidate declined once is not asked again when the plan is diffed anew after
 * other confirmations (column renames inside a confirmed table rename then appear as new candidates).
 */
public final class RenamePrompt {

  private final Terminal terminal;
  private final String defaultSchema;
  private final Set<String> asked = new HashSet<>();
  private final List<String> confirmed = new ArrayList<>();
  private boolean ended;

  /**
   * @param terminal where to ask, never null
   * @param defaultSchema the schema whose tables need no qualification
   */
  public RenamePrompt(Terminal terminal, String defaultSchema) {
    this.terminal = terminal;
    this.defaultSchema = defaultSchema;
  }

  /**
   * @param candidates the plan's candidates, best first
   * @return the {@code --rename} values confirmed in this round, in asking order; empty when none
   *     (then nothing is left to ask)
   */
  public List<String> confirm(List<RenameCandidate> candidates) {
    List<String> now = new ArrayList<>();
    for (RenameCandidate c : candidates) {
      String spec = c.spec(defaultSchema);
      if (ended || !asked.add(spec)) {
        continue;
      }
      String answer = terminal.ask(c.question(defaultSchema) + " [y/N]");
      if (answer == null) {
        ended = true;
      } else if (yes(answer)) {
        now.add(spec);
      }
    }
    confirmed.addAll(now);
    return now;
  }

  /** @return every rename confirmed so far, in asking order */
  public List<String> confirmed() {
    return List.copyOf(confirmed);
  }

  /**
   * @param question a yes/no question whose default is yes
   * @return whether the answer was not a no ({@code n}, {@code no}); the end of input is a no
   */
  public boolean askDefaultYes(String question) {
    String answer = ended ? null : terminal.ask(question + " [Y/n]");
    if (answer == null) {
      return false;
    }
    String a = answer.strip().toLowerCase(Locale.ROOT);
    return !a.equals("n") && !a.equals("no");
  }

  private static boolean yes(String answer) {
    String a = answer.strip().toLowerCase(Locale.ROOT);
    return a.equals("y") || a.equals("yes");
  }
}
