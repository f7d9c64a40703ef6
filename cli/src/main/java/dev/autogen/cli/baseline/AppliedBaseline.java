package dev.autogen.cli.baseline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.diff.baseline.BaselineEntry;
import dev.autogen.diff.baseline.BaselineOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A baseline file applied to a plan: what {@code check}, {@code diff} and {@code generate} say about
 * it, as text lines and as the {@code baseline} object of the JSON report.
 *
 * @param file the baseline file as given, never null
 * @param outcome the plan without the accepted differences, what was left out, and the entries that
 *     no longer differ; never null
 */
public record AppliedBaseline(Path file, BaselineOutcome outcome) {

  /** @throws NullPointerException when an argument is null */
  public AppliedBaseline {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** @return the number of changes left out because the baseline accepts them */
  public int suppressed() {
    return outcome.suppressed().size();
  }

  /**
   * @return one line saying how many accepted differences were left out, then one line per entry
   *     that no longer differs, saying how to remove it
   */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    int n = suppressed();
    lines.add("Baseline " + file + ": " + n + " accepted difference" + (n == 1 ? "" : "s") + " left out.");
    outcome.resolved().forEach(e -> lines.add(resolved(e)));
    return lines;
  }

  /**
   * @param entry an entry whose difference is gone
   * @return {@code resolved: baseline entry "..." no longer differs - remove it with autogen baseline --prune}
   */
  public static String resolved(BaselineEntry entry) {
    return "resolved: baseline entry \"" + entry.fingerprint()
        + "\" no longer differs - remove it with autogen baseline --prune";
  }

  /**
   * @return {@code {"file": ..., "suppressed": n, "resolved": [entries as in the file]}}
   */
  public ObjectNode json() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("file", file.toString());
    node.put("suppressed", suppressed());
    ArrayNode resolved = node.putArray("resolved");
    outcome.resolved().forEach(e -> resolved.add(BaselineFile.node(e)));
    return node;
  }
}
