package dev.autogen.junit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The result of one {@code autogen verify} run ({@link VerifyProcess}, its JSON report) as dynamic tests.
 * A failed check fails its test with the message {@code autogen verify} prints for it (the file and the
 * first difference); a check that does not apply (no undo file, at or below {@code from}, no seed files)
 * or that an earlier failure stopped is aborted, so that it shows as skipped, never as passed.
 *
 * <ul>
 *   <li>{@code history}: files that look like migrations but Flyway does not read, undo files of no
 *       migration;
 *   <li>per versioned migration, a container named after its file: {@code single head} (no other file
 *       shares its version; with {@code requireUndo}, it has an undo file; with {@code base}, its version
 *       is above the base branch's highest when this branch adds it), {@code upgrade} (it applies),
 *       {@code stairway} (its undo file restores the catalog exactly and it applies again), {@code seeded
 *       data} (its seed file runs and the undo keeps every table's rows);
 *   <li>{@code model matches entities}: after the last migration the schema is the entities', as {@code
 *       autogen check} says.
 * </ul>
 */
public final class MigrationTests {

  /** Why the checks of a migration did not run when the history is not linear. */
  static final String NOT_LINEAR = "not run: the history is not linear";

  private final JsonNode report;

  private MigrationTests(JsonNode report) {
    this.report = report;
  }

  /**
   * Runs {@code autogen verify} with these settings, in its own JVM.
   *
   * @param settings the project directory and options, never null
   * @return its result, ready to become tests
   * @throws AutogenVerifyException when verify could not check (exit code 2 or 3), with the CLI's message
   * @throws java.io.UncheckedIOException when autogen cannot be started
   */
  public static MigrationTests verify(MigrationSettings settings) {
    return new MigrationTests(VerifyProcess.run(settings));
  }

  /** @return {@code history}, one container per versioned migration, {@code model matches entities} */
  public Stream<DynamicNode> nodes() {
    List<DynamicNode> nodes = new ArrayList<>();
    List<String> unattributed = elements("history").filter(p -> p.path("migrations").isEmpty())
        .map(p -> p.path("message").asText()).toList();
    nodes.add(DynamicTest.dynamicTest("history", () -> failOnFirst(unattributed)));
    elements("versioned").map(this::container).forEach(nodes::add);
    JsonNode model = report.path("model");
    nodes.add(DynamicTest.dynamicTest("model matches entities", () -> {
      switch (model.path("result").asText()) {
        case "passed" -> { }
        case "failed" -> Assertions.fail(model.path("message").asText());
        default -> Assumptions.abort(model.path("message").asText());
      }
    }));
    return nodes.stream();
  }

  private DynamicContainer container(JsonNode migration) {
    String file = migration.path("file").asText();
    List<String> problems = elements("history")
        .filter(p -> StreamSupport.stream(p.path("migrations").spliterator(), false).anyMatch(m -> file.equals(m.asText())))
        .map(p -> p.path("message").asText()).toList();
    Optional<JsonNode> check = elements("migrations").filter(c -> file.equals(c.path("file").asText())).findFirst();
    // no test source URI on the container: Maven Surefire (3.5) does not run the tests of a container with a file source
    return DynamicContainer.dynamicContainer(file, Stream.of(
        DynamicTest.dynamicTest("single head", () -> failOnFirst(problems)),
        DynamicTest.dynamicTest("upgrade", () -> outcome(check, "upgrade", MigrationTests::message)),
        DynamicTest.dynamicTest("stairway", () -> outcome(check, "stairway",
            c -> "failed".equals(c.path("upgrade").asText()) ? "not run: " + file + " failed" : message(c))),
        DynamicTest.dynamicTest("seeded data", () -> outcome(check, "seeded", MigrationTests::seededNote))));
  }

  /**
   * Passes, fails with the check's message, or aborts (skipped) with {@code why}; without a check (the
   * history was not linear, so verify applied nothing) aborts with {@value #NOT_LINEAR}.
   */
  private static void outcome(Optional<JsonNode> check, String status, Function<JsonNode, String> why) {
    if (check.isEmpty()) {
      Assumptions.abort(NOT_LINEAR);
      return;
    }
    JsonNode c = check.get();
    String result = c.path(status).asText();
    switch (result) {
      case "passed" -> { }
      case "failed" -> Assertions.fail(message(c));
      default -> {
        String reason = why.apply(c);
        Assumptions.abort(reason == null || reason.isEmpty() ? result : reason);
      }
    }
  }

  /** @return the first difference of a failed migration, else the note on its checks */
  private static String message(JsonNode check) {
    JsonNode difference = check.path("firstDifference");
    return difference.isTextual() ? difference.asText() : check.path("note").asText(null);
  }

  /** @return why the seeded-data check of a migration did not run or does not apply */
  private static String seededNote(JsonNode c) {
    if ("skipped".equals(c.path("seeded").asText())) {
      return "no seed file after " + c.path("file").asText() + " and no seeded rows compared";
    }
    return "not run".equals(c.path("upgrade").asText()) ? message(c)
        : "not run: an earlier check of " + c.path("file").asText() + " failed";
  }

  private static void failOnFirst(List<String> problems) {
    if (!problems.isEmpty()) {
      Assertions.fail(problems.get(0));
    }
  }

  private Stream<JsonNode> elements(String field) {
    return StreamSupport.stream(report.path(field).spliterator(), false);
  }
}
