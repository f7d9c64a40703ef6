package dev.autogen.bench.replay;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the replay phase's time from the line {@code autogen --timings} prints on standard error. */
final class ReplayPhase {

  private static final Pattern CURRENT_SCHEMA = Pattern.compile("current schema (\\d+) ms");

  private ReplayPhase() {}

  /**
   * @param stderr what {@code autogen check --timings} printed on standard error
   * @return its "current schema" phase in seconds
   * @throws IllegalStateException when there is no such figure
   */
  static double seconds(String stderr) {
    Matcher phase = CURRENT_SCHEMA.matcher(stderr);
    if (!phase.find()) {
      throw new IllegalStateException("no 'current schema N ms' in autogen's --timings output: " + stderr.strip());
    }
    return Integer.parseInt(phase.group(1)) / 1000.0;
  }
}
