package dev.autogen.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * How the changes autogen reported compare with the injected drift.
 *
 * @param expected how many drifted tables there are
 * @param found drifted tables reported with the expected change kind and nothing else
 * @param missed drifted tables not reported as expected
 * @param falsePositives reported changes that are not injected drift
 * @param reported how many changes were reported in all
 */
public record DriftCount(int expected, int found, int missed, int falsePositives, int reported) {

  /**
   * @param diffJson the output of {@code autogen diff --format json}
   * @param expectedDrift table name to expected change kind
   * @return the counts
   * @throws IOException when the JSON cannot be read
   */
  public static DriftCount of(String diffJson, Map<String, String> expectedDrift) throws IOException {
    JsonNode changes = new ObjectMapper().readTree(diffJson).get("changes");
    Map<String, Integer> perTable = new HashMap<>();
    int falsePositives = 0;
    for (JsonNode change : changes) {
      String table = change.path("table").asText(change.path("name").asText());
      String kind = change.get("kind").asText();
      if (kind.equals(expectedDrift.get(table))) {
        perTable.merge(table, 1, Integer::sum);
      } else {
        falsePositives++;
      }
    }
    int found = (int) perTable.values().stream().filter(n -> n == 1).count();
    falsePositives += perTable.values().stream().mapToInt(n -> n - 1).sum();
    return new DriftCount(expectedDrift.size(), found, expectedDrift.size() - found, falsePositives, changes.size());
  }
}
