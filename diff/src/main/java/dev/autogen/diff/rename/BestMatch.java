package dev.autogen.diff.rename;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Pairs the two sides of scored candidates so that each dropped and each added object is in at most
 * one pair: the pairs are taken best score first, ties broken by the dropped name and then the added
 * name, and a pair is skipped when either side is taken. Every chosen pair is then the best left for
 * both of its sides (a stable matching for these scores), and the result depends only on the scores
 * and names, never on input order.
 */
final class BestMatch {

  private BestMatch() {}

  /**
   * @param pairs all scored pairs, never null
   * @param score a pair's score
   * @param from the dropped side's name, unique per dropped object
   * @param to the added side's name, unique per added object
   * @param <P> the pair type
   * @return the chosen pairs, best first
   */
  static <P> List<P> of(List<P> pairs, Function<P, Double> score, Function<P, String> from, Function<P, String> to) {
    List<P> sorted = new ArrayList<>(pairs);
    sorted.sort(Comparator.comparing(score, Comparator.reverseOrder()).thenComparing(from).thenComparing(to));
    Set<String> usedFrom = new HashSet<>();
    Set<String> usedTo = new HashSet<>();
    List<P> chosen = new ArrayList<>();
    for (P p : sorted) {
      if (!usedFrom.contains(from.apply(p)) && !usedTo.contains(to.apply(p))) {
        usedFrom.add(from.apply(p));
        usedTo.add(to.apply(p));
        chosen.add(p);
      }
    }
    return chosen;
  }
}
