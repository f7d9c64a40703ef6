package dev.autogen.bench.replay;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints the replay benchmark's rows as a Markdown table, each history's rows together, every wall time
 * also as a multiple of that history's {@code psql -1} floor, and autogen's replay phase beside it.
 */
public final class ReplayTable {

  private ReplayTable() {}

  /**
   * @param rows the rows, each history's together
   * @param runs how many runs each median is of
   * @param out where to print
   */
  public static void print(List<ReplayRow> rows, int runs, PrintStream out) {
    out.printf(Locale.ROOT, "Replay: whole process, cold JVM, median of %d runs each; floors into an empty database"
        + " (Java %s, %d cores)%n%n", runs, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    out.println("| N tables | M migrations | statements | what | wall (s) | × psql -1 | of which replay (s) | replay × psql -1 | CPU (s) | peak RSS (MB) |");
    out.println("|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|");
    for (ReplayRow r : rows) {
      double floor = rows.stream()
          .filter(f -> f.floor() && f.tables() == r.tables() && f.migrations() == r.migrations())
          .mapToDouble(f -> f.measurement().wallSeconds()).findFirst().orElse(Double.NaN);
      String ratio = Double.isNaN(floor) ? "–" : String.format(Locale.ROOT, "%.1f", r.measurement().wallSeconds() / floor);
      String replay = Double.isNaN(r.replaySeconds()) ? "–" : String.format(Locale.ROOT, "%.2f", r.replaySeconds());
      String replayRatio = Double.isNaN(r.replaySeconds()) || Double.isNaN(floor) ? "–"
          : String.format(Locale.ROOT, "%.1f", r.replaySeconds() / floor);
      out.printf(Locale.ROOT, "| %d | %d | %d | %s | %.2f | %s | %s | %s | %.2f | %.0f |%n", r.tables(), r.migrations(),
          r.statements(), r.what(), r.measurement().wallSeconds(), ratio, replay, replayRatio,
          r.measurement().cpuSeconds(), r.measurement().peakRssMegabytes());
    }
  }
}
