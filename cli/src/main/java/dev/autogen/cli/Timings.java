package dev.autogen.cli;

import dev.autogen.cli.cache.Noted;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * Where the time of one command goes ({@code --timings}): wall-clock milliseconds per phase, printed
 * as one line on standard error at the end, e.g. {@code timings: jvm start-up 180 ms, entities 812 ms
 * (cache miss, Hibernate 7.4.6.Final [bundled]), current schema 655 ms (live), diff 21 ms, render 9 ms,
 * other 35 ms, total 1712 ms}; the entities' note says which Hibernate read them.
 *
 * <ul>
 *   <li>{@code jvm start-up}: from the JVM's start ({@code RuntimeMXBean.getStartTime()}) to {@link
 *       Main#main}; shown only when the process entered through {@code main} (not when a test or an
 *       embedding calls {@link Main#execute}). The management classes are loaded only when the line
 *       is printed, so the measurement costs nothing to runs without the flag.
 *   <li>one entry per phase measured with {@link #measure} or {@link #measureNoted}, in order, with the
 *       phase's note in parentheses;
 *   <li>{@code other}: the rest since {@code main} (or since this object was made), the time no phase
 *       was running: option parsing, class loading outside the phases;
 *   <li>{@code total}: since the JVM started (or since this object was made).
 * </ul>
 *
 * Phases may run at the same time (the entities and the current schema do, {@link Comparison}): each
 * shows its own wall time, so the phases may add up to more than the total; entries keep the order in
 * which the phases started, or the one {@link #order} gives. A silent instance ({@link #silent()})
 * measures nothing and prints nothing. Thread-safe.
 */
final class Timings {

  /** When {@link Main#main} was entered, in epoch milliseconds; -1 when it was not. */
  private static volatile long mainEntered = -1;

  private final PrintWriter err;
  private final long created = System.currentTimeMillis();
  /** One entry per phase started or reserved, in that order; null while it runs. */
  private final List<String> phases = new ArrayList<>();
  /** The phase of each entry. */
  private final List<String> names = new ArrayList<>();
  /** The phases' wall-clock intervals, {start, end} in {@link System#nanoTime()}. */
  private final List<long[]> intervals = new ArrayList<>();
  /** Whether {@link #print()} printed the line. */
  private boolean printed;

  private Timings(PrintWriter err) {
    this.err = err;
  }

  /** Records that {@link Main#main} starts now; called first thing there. */
  static void mainEntered() {
    mainEntered = System.currentTimeMillis();
  }

  /** @return timings that measure nothing and print nothing */
  static Timings silent() {
    return new Timings(null);
  }

  /**
   * @param err where {@link #print()} writes the line, never null
   * @return timings that measure from now
   */
  static Timings printingTo(PrintWriter err) {
    return new Timings(err);
  }

  /**
   * @param phase the phase's name, e.g. {@code diff}
   * @param work the phase's work; its exceptions propagate (and the phase is not recorded)
   * @param <T> the work's result type
   * @return the work's result
   */
  <T> T measure(String phase, Supplier<T> work) {
    return measureNoted(phase, () -> new Noted<>(work.get(), null));
  }

  /**
   * @param phase the phase's name, e.g. {@code entities}
   * @param work the phase's work, with a note on how it got its result (e.g. {@code cache hit}); its
   *     exceptions propagate
   * @param <T> the work's result type
   * @return the work's result, without the note
   */
  <T> T measureNoted(String phase, Supplier<Noted<T>> work) {
    if (err == null) {
      return work.get().value();
    }
    int slot;
    synchronized (this) {
      slot = names.indexOf(phase);
      if (slot < 0 || phases.get(slot) != null) {
        slot = phases.size();
        phases.add(null);
        names.add(phase);
      }
    }
    long start = System.nanoTime();
    Noted<T> result = work.get();
    long end = System.nanoTime();
    synchronized (this) {
      intervals.add(new long[] {start, end});
      phases.set(slot, phase + " " + (end - start) / 1_000_000 + " ms"
          + (result.note() == null ? "" : " (" + result.note() + ")"));
    }
    return result.value();
  }

  /**
   * Fixes the order in which phases that run at the same time are shown (the line reads the same
   * whichever starts first).
   *
   * @param order the phases, in the order to show them; a phase measured later takes its place
   * @return this
   */
  synchronized Timings order(String... order) {
    for (String phase : order) {
      phases.add(null);
      names.add(phase);
    }
    return this;
  }

  /** @return the milliseconds during which at least one phase ran */
  private long measuredMillis() {
    List<long[]> sorted = new ArrayList<>(intervals);
    sorted.sort(Comparator.comparingLong(i -> i[0]));
    long covered = 0;
    long reach = Long.MIN_VALUE;
    for (long[] interval : sorted) {
      long from = Math.max(interval[0], reach);
      if (interval[1] > from) {
        covered += interval[1] - from;
      }
      reach = Math.max(reach, interval[1]);
    }
    return covered / 1_000_000;
  }

  /**
   * Prints the line when this instance is not silent, once: later calls print nothing, so that a command
   * whose comparison printed it ({@link Comparison}) may still call this at its end for the runs in
   * which the comparison did not run ({@code verify} after a failed migration).
   */
  synchronized void print() {
    if (err == null || printed) {
      return;
    }
    printed = true;
    long now = System.currentTimeMillis();
    long main = mainEntered;
    StringJoiner line = new StringJoiner(", ", "timings: ", "");
    long since = created;
    long jvmStart = created;
    if (main >= 0) {
      jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
      line.add("jvm start-up " + (main - jvmStart) + " ms");
      since = main;
    }
    phases.stream().filter(Objects::nonNull).forEach(line::add);
    line.add("other " + Math.max(0, now - since - measuredMillis()) + " ms");
    line.add("total " + (now - jvmStart) + " ms");
    err.println(line);
    err.flush();
  }
}
