package dev.autogen.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Pairs the elements of two lists by a sameness test (constraints and indexes match by structure,
 * never by name). Each element is used at most once; order of the inputs decides ties.
 *
 * @param <A> element type of the current side
 * @param <B> element type of the target side
 * @param matched pairs found, current element first
 * @param onlyCurrent current elements without a partner
 * @param onlyTarget target elements without a partner
 */
record Matching<A, B>(List<Pair<A, B>> matched, List<A> onlyCurrent, List<B> onlyTarget) {

  /** @param current the current element @param target its partner */
  record Pair<A, B>(A current, B target) {}

  /**
   * @param current elements as they are
   * @param target elements as they should be
   * @param same whether a current and a target element are the same object
   * @return the matching
   */
  static <A, B> Matching<A, B> of(List<A> current, List<B> target, BiPredicate<A, B> same) {
    List<B> remaining = new ArrayList<>(target);
    List<Pair<A, B>> matched = new ArrayList<>();
    List<A> onlyCurrent = new ArrayList<>();
    for (A a : current) {
      B partner = first(remaining, a, same);
      if (partner == null) {
        onlyCurrent.add(a);
      } else {
        remaining.remove(partner);
        matched.add(new Pair<>(a, partner));
      }
    }
    return new Matching<>(matched, onlyCurrent, remaining);
  }

  /** A plain loop, not a stream: this runs for every constraint of every table (C1 in the launcher). */
  private static <A, B> B first(List<B> candidates, A a, BiPredicate<A, B> same) {
    for (B b : candidates) {
      if (same.test(a, b)) {
        return b;
      }
    }
    return null;
  }
}
