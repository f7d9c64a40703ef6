package dev.autogen.bench.peer;

import java.util.List;

/** Pieces of the peers' table labels. */
final class PeerLabels {

  private PeerLabels() {}

  /**
   * @param javaOptions a peer's JVM options
   * @return {@code ""} when there are none, else them in parentheses after a space, e.g. {@code " (-Xss1g)"}
   */
  static String options(List<String> javaOptions) {
    return javaOptions.isEmpty() ? "" : " (" + String.join(" ", javaOptions) + ")";
  }
}
