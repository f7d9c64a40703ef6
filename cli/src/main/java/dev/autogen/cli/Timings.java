package dev.autogen.cli;

import dev.autogen.cli.cache.Noted;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
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
 *   <li>{@code other}: the rest since {@code main} (or since this object was made): option parsing,
 *       class loading outside the phases;
 *   <li>{@code total}: since the JVM started (or since this object was made).
 * </ul>
 *
 * A silent instance ({@link #silent()}) measures nothing and prints nothing. Not thread-safe: one
 * command's thread uses it.
 */
final class Timings {

  /** When {@link Main#main} was entered, in epoch milliseconds; -1 when it was not. */
  private static volatile long mainEntered = -1;

  private final PrintWriter err;
  private final long created = System.currentTimeMillis();
  private final List<String> phases = new ArrayList<>();
  private long measured;

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
    long start = System.nanoTime();
    Noted<T> result = work.get();
    long millis = (System.nanoTime() - start) / 1_000_000;
    measured += millis;
    phases.add(phase + " " + millis + " ms" + (result.note() == null ? "" : " (" + result.note() + ")"));
    return result.value();
  }

  /** Prints the line when this instance is not silent. */
  void print() {
    if (err == null) {
      return;
    }
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
    phases.forEach(line::add);
    line.add("other " + Math.max(0, now - since - measured) + " ms");
    line.add("total " + (now - jvmStart) + " ms");
    err.println(line);
    err.flush();
  }
}
