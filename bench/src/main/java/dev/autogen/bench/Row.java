package dev.autogen.bench;

import java.util.Objects;

/**
 * One line of the benchmark's table: one tool at one N.
 *
 * @param tool the tool's label, never null
 * @param tables N
 * @param measurement the median figures, or null when the tool failed
 * @param failure why the tool failed (see {@link JvmFailure}), or null when it did not
 * @param changesReported how many changes the tool reported; meaningless when it failed
 * @param drift how autogen's changes compare with the injected drift; null for a peer, whose output
 *     is not read change by change
 */
public record Row(String tool, int tables, Measurement measurement, String failure, int changesReported,
    DriftCount drift) {

  /** @throws IllegalArgumentException unless exactly one of measurement and failure is given */
  public Row {
    Objects.requireNonNull(tool, "tool");
    if ((measurement == null) == (failure == null)) {
      throw new IllegalArgumentException("a row has either a measurement or a failure");
    }
  }

  /**
   * @param tool the tool's label
   * @param tables N
   * @param measurement the median figures, never null
   * @param changesReported how many changes the tool reported
   * @param drift autogen's drift counts, or null for a peer
   * @return a row of a tool that ran
   */
  public static Row measured(String tool, int tables, Measurement measurement, int changesReported, DriftCount drift) {
    return new Row(tool, tables, Objects.requireNonNull(measurement, "measurement"), null, changesReported, drift);
  }

  /**
   * @param tool the tool's label
   * @param tables N
   * @param failure why it failed, never null
   * @return a row of a tool that failed
   */
  public static Row failed(String tool, int tables, String failure) {
    return new Row(tool, tables, null, Objects.requireNonNull(failure, "failure"), 0, null);
  }
}
