package dev.autogen.diff;

import java.util.List;
import java.util.Objects;

/**
 * One hazard found on one change.
 *
 * @param hazard the stable code, never null
 * @param risk the risk, usually {@code hazard.risk()}, never null
 * @param change the change it is about, never null
 * @param message one line saying what may go wrong, never null; in live mode it also says the
 *     {@code figures} in words ("drops table public.owner and its 1,204 rows (estimate)")
 * @param remedy one line saying what to do about it, never null
 * @param figures what the live data showed (live mode, {@link DiffOptions#probe()}), in the order the
 *     message names them; empty when nothing was measured or the measure is unknown. Never null
 */
public record Diagnostic(Hazard hazard, Risk risk, Change change, String message, String remedy,
    List<Figure> figures) {

  /** @throws NullPointerException when an argument is null */
  public Diagnostic {
    Objects.requireNonNull(hazard, "hazard");
    Objects.requireNonNull(risk, "risk");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(remedy, "remedy");
    figures = List.copyOf(figures);
  }

  /**
   * A diagnostic without figures (replay mode, or a hazard that nothing in the data measures).
   *
   * @param hazard the stable code, never null
   * @param risk the risk, never null
   * @param change the change, never null
   * @param message what may go wrong, never null
   * @param remedy what to do, never null
   * @throws NullPointerException when an argument is null
   */
  public Diagnostic(Hazard hazard, Risk risk, Change change, String message, String remedy) {
    this(hazard, risk, change, message, remedy, List.of());
  }

  /**
   * One number measured in the live database.
   *
   * @param name what was counted, a stable snake_case key of the JSON report: {@code rows}, {@code
   *     values} (not NULL), {@code nulls}, {@code too_long}, {@code out_of_range}, {@code
   *     duplicate_groups}, {@code orphans}, {@code violations}; never null
   * @param value the count, never negative
   * @param estimate true when estimated (catalog statistics or a sample), false when counted exactly
   */
  public record Figure(String name, long value, boolean estimate) {

    /**
     * @throws NullPointerException when name is null
     * @throws IllegalArgumentException when value is negative
     */
    public Figure {
      Objects.requireNonNull(name, "name");
      if (value < 0) {
        throw new IllegalArgumentException("a figure is never negative: " + value);
      }
    }
  }
}
