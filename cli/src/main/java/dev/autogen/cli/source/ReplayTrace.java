package dev.autogen.cli.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one replay did and where its time went, for the current-schema phase of {@code --timings}: the
 * state it started from (an empty database, or a snapshot holding a prefix of the history) and how many
 * migrations it applied, then wall-clock milliseconds per step ({@code dev server}, {@code hash}, {@code database} (created empty or copied),
 * {@code migrate}, {@code introspect}, {@code snapshot}), e.g. {@code from a snapshot of 299 migrations,
 * 1 applied; dev server 310 ms, hash 4 ms, database 95 ms, migrate 420 ms, introspect 880 ms, snapshot 140 ms}.
 *
 * <p>Steps measured twice (the grouped replay's database dropped and the history applied again one
 * migration at a time) are added up under one name. Not thread-safe: one replay's thread uses it.
 */
public final class ReplayTrace {

  private final List<String> names = new ArrayList<>();
  private final List<Long> millis = new ArrayList<>();
  private String start;
  private int applied = -1;
  private int startState;
  private String unit = "migrations";
  private final Map<String, String> details = new HashMap<>();

  /**
   * @param step the step's name, e.g. {@code introspect}
   * @param work the step's work; its exceptions propagate
   * @param <T> the work's result type
   * @return the work's result
   */
  public <T> T measure(String step, Supplier<T> work) {
    long begin = System.nanoTime();
    try {
      return work.get();
    } finally {
      add(step, (System.nanoTime() - begin) / 1_000_000);
    }
  }

  /**
   * @param step the step's name
   * @param work the step's work; its exceptions propagate
   */
  public void measure(String step, Runnable work) {
    measure(step, () -> {
      work.run();
      return null;
    });
  }

  /**
   * Records the state the replay starts from (again after a fallback: the last one counts).
   *
   * @param migrations how many versioned migrations it holds; 0 for an empty database
   * @param why why an empty database although snapshots are kept, as a few words, or null
   */
  void startedFrom(int migrations, String why) {
    startState = migrations;
    start = migrations == 0 ? "from an empty database" + (why == null ? "" : ": " + why)
        : "from a snapshot of " + migrations + " " + unit;
  }

  /**
   * Adds a few words after a step's time, e.g. where the dev server keeps its data.
   *
   * @param step the step's name
   * @param detail the words, without parentheses; null for none
   */
  void detail(String step, String detail) {
    if (detail != null) {
      details.put(step, detail);
    }
  }

  /** @param unit what the history is made of, {@code migrations} unless told otherwise (e.g. {@code changesets}) */
  void counting(String unit) {
    this.unit = unit;
  }

  /** @return how many migrations the state the replay last started from holds; 0 when none was recorded */
  int startState() {
    return startState;
  }

  /**
   * @param migrations how many migrations a successful Flyway {@code migrate} of the replay applied; added up
   *     over the replay's stages (a failed attempt records nothing)
   */
  void applied(int migrations) {
    applied = Math.max(applied, 0) + migrations;
  }

  private void add(String step, long ms) {
    int at = names.indexOf(step);
    if (at >= 0) {
      millis.set(at, millis.get(at) + ms);
    } else {
      names.add(step);
      millis.add(ms);
    }
  }

  /**
   * @return the trace as a note without parentheses (the timings line keeps one pair per phase), or null
   *     when nothing was recorded (a cache hit replays nothing)
   */
  public String note() {
    if (names.isEmpty() && start == null) {
      return null;
    }
    StringBuilder note = new StringBuilder();
    if (start != null) {
      note.append(start);
      if (applied >= 0) {
        note.append(", ").append(applied).append(" applied");
      }
      note.append("; ");
    }
    for (int i = 0; i < names.size(); i++) {
      note.append(i == 0 ? "" : ", ").append(names.get(i)).append(' ').append(millis.get(i)).append(" ms");
      String detail = details.get(names.get(i));
      if (detail != null) {
        note.append(' ').append(detail);
      }
    }
    return note.toString();
  }
}
