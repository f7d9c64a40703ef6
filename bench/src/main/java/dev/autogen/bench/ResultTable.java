package dev.autogen.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints the benchmark's rows as a Markdown table: per N, autogen's rows first, then its peers; every
 * wall time also as a multiple of the first autogen row's at the same N (the uncached one). Drift
 * columns are filled for autogen only.
 */
public final class ResultTable {

  private ResultTable() {}

  /**
   * @param rows the rows, autogen's first within each N, its uncached row first of all
   * @param runs how many runs each median is of
   * @param out where to print
   */
  public static void print(List<Row> rows, int runs, PrintStream out) {
    out.printf(Locale.ROOT, "Whole process, cold JVM, median of %d runs each, one database per N (Java %s, %d cores)%n%n",
        runs, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    out.println("| N tables | tool | wall (s) | × autogen | CPU (s) | peak RSS (MB) | changes reported"
        + " | drift injected | found | missed | false positives |");
    out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (Row r : rows) {
      out.println(line(r, autogenWall(rows, r.tables())));
    }
  }

  private static String line(Row r, double autogenWall) {
    String drift = r.drift() == null ? "– | – | – | –" : String.format(Locale.ROOT, "%d | %d | %d | %d",
        r.drift().expected(), r.drift().found(), r.drift().missed(), r.drift().falsePositives());
    if (r.measurement() == null) {
      return String.format(Locale.ROOT, "| %d | %s | %s | | | | | %s |", r.tables(), r.tool(), r.failure(), drift);
    }
    Measurement m = r.measurement();
    String ratio = Double.isNaN(autogenWall) ? "–" : String.format(Locale.ROOT, "%.1f", m.wallSeconds() / autogenWall);
    return String.format(Locale.ROOT, "| %d | %s | %.2f | %s | %.2f | %.0f | %d | %s |", r.tables(), r.tool(),
        m.wallSeconds(), ratio, m.cpuSeconds(), m.peakRssMegabytes(), r.changesReported(), drift);
  }

  /** @return autogen's median wall time at that N: the first row with drift counts */
  private static double autogenWall(List<Row> rows, int tables) {
    return rows.stream().filter(r -> r.tables() == tables && r.drift() != null && r.measurement() != null)
        .mapToDouble(r -> r.measurement().wallSeconds()).findFirst().orElse(Double.NaN);
  }
}
