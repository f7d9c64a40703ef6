package dev.autogen.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The median figures of several runs of one command. Each figure is the median on its own, so the
 * three may come from different runs.
 *
 * @param wallSeconds median elapsed wall-clock seconds
 * @param cpuSeconds median user plus system CPU seconds
 * @param peakRssMegabytes median peak resident set size in MiB
 */
public record Measurement(double wallSeconds, double cpuSeconds, double peakRssMegabytes) {

  /**
   * @param runs at least one run
   * @return their medians (the mean of the middle two for an even count)
   * @throws IllegalArgumentException when runs is empty
   */
  public static Measurement median(List<TimedProcess.Run> runs) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("no runs to take the median of");
    }
    return new Measurement(median(runs, TimedProcess.Run::wallSeconds), median(runs, TimedProcess.Run::cpuSeconds),
        median(runs, TimedProcess.Run::peakRssMegabytes));
  }

  private static double median(List<TimedProcess.Run> runs, ToDoubleFunction<TimedProcess.Run> figure) {
    return median(runs.stream().mapToDouble(figure).toArray());
  }

  /**
   * @param values at least one value
   * @return their median (the mean of the middle two for an even count)
   * @throws IllegalArgumentException when there are none
   */
  public static double median(double... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values to take the median of");
    }
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
