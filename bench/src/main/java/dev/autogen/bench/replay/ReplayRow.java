package dev.autogen.bench.replay;

import dev.autogen.bench.Measurement;
import java.util.Objects;

/**
 * One line of the replay benchmark's table: one way of applying one generated history.
 *
 * @param what the command measured, never null
 * @param tables N, the tables the history creates
 * @param migrations M, its migrations
 * @param statements its statements
 * @param floor whether this is the {@code psql -1} floor that the other rows of the history are
 *     compared with
 * @param measurement the median figures, never null
 * @param replaySeconds for autogen, the median time of its replay phase in seconds (its {@code --timings}
 *     "current schema": dev server start, migrations applied, the result read and dropped, server stop);
 *     NaN for a floor
 */
public record ReplayRow(String what, int tables, int migrations, int statements, boolean floor,
    Measurement measurement, double replaySeconds) {

  /** @throws NullPointerException when what or measurement is null */
  public ReplayRow {
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(measurement, "measurement");
  }
}
