package dev.autogen.junit;

import dev.autogen.cli.Verification;
import dev.autogen.cli.verify.LinearHistory;
import dev.autogen.cli.verify.MigrationCheck;
import dev.autogen.cli.verify.MigrationCheck.Status;
import dev.autogen.cli.verify.MigrationVersions;
import dev.autogen.cli.verify.VerifyReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The result of one {@code autogen verify} run ({@link Verification}) as dynamic tests. A failed check
 * fails its test with the message {@code autogen verify} prints for it (the file and the first
 * difference); a check that does not apply (no undo file, at or below {@code from}, no seed files) or
 * that an earlier failure stopped is aborted, so that it shows as skipped, never as passed.
 *
 * <ul>
 *   <li>{@code history}: files that look like migrations but Flyway does not read, undo files of no
 *       migration ({@link LinearHistory});
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

  private final VerifyReport report;
  private final MigrationVersions versions;

  private MigrationTests(VerifyReport report, MigrationVersions versions) {
    this.report = report;
    this.versions = versions;
  }

  /**
   * Runs {@code autogen verify} with these settings.
   *
   * @param settings the project directory and options, never null
   * @return its result, ready to become tests
   * @throws AutogenVerifyException when verify could not check (exit code 2 or 3), with the CLI's message
   */
  public static MigrationTests verify(MigrationSettings settings) {
    Verification run = Verification.run(settings.options(), settings.directory());
    if (run.report() == null || run.versions() == null) {
      String message = run.errors().strip().lines().findFirst().orElse("autogen verify ended with exit code "
          + run.exitCode());
      // the CLI's line as it printed it (secrets of URLs masked); the options are not repeated: they may hold one
      throw new AutogenVerifyException(message + " (exit code " + run.exitCode() + ")", run.exitCode());
    }
    return new MigrationTests(run.report(), run.versions());
  }

  /** @return {@code history}, one container per versioned migration, {@code model matches entities} */
  public Stream<DynamicNode> nodes() {
    List<DynamicNode> nodes = new ArrayList<>();
    List<String> unattributed = report.history().stream().filter(p -> versionOf(p).isEmpty())
        .map(LinearHistory.Problem::message).toList();
    nodes.add(DynamicTest.dynamicTest("history", () -> failOnFirst(unattributed)));
    for (MigrationVersions.Migration m : versions.versioned()) {
      nodes.add(container(m));
    }
    nodes.add(DynamicTest.dynamicTest("model matches entities", () -> {
      switch (report.model()) {
        case PASSED -> { }
        case FAILED -> Assertions.fail(report.modelMessage());
        default -> Assumptions.abort(report.modelMessage());
      }
    }));
    return nodes.stream();
  }

  private DynamicContainer container(MigrationVersions.Migration m) {
    List<String> problems = report.history().stream()
        .filter(p -> versionOf(p).filter(m.version()::equals).isPresent()).map(LinearHistory.Problem::message)
        .toList();
    Optional<MigrationCheck> check = report.migrations().stream().filter(c -> c.file().equals(m.fileName()))
        .findFirst();
    return DynamicContainer.dynamicContainer(m.fileName(), m.file().toUri(), Stream.of(
        DynamicTest.dynamicTest("single head", () -> failOnFirst(problems)),
        DynamicTest.dynamicTest("upgrade", () -> outcome(check, MigrationCheck::upgrade, MigrationCheck::message)),
        DynamicTest.dynamicTest("stairway", () -> outcome(check, MigrationCheck::stairway,
            c -> c.upgrade() == Status.FAILED ? "not run: " + c.file() + " failed" : c.message())),
        DynamicTest.dynamicTest("seeded data", () -> outcome(check, MigrationCheck::seeded,
            MigrationTests::seededNote))));
  }

  /**
   * Passes, fails with the check's message, or aborts (skipped) with {@code why}; without a check (the
   * history was not linear, so verify applied nothing) aborts with {@value #NOT_LINEAR}.
   */
  private static void outcome(Optional<MigrationCheck> check, Function<MigrationCheck, Status> status,
      Function<MigrationCheck, String> why) {
    if (check.isEmpty()) {
      Assumptions.abort(NOT_LINEAR);
      return;
    }
    MigrationCheck c = check.get();
    switch (status.apply(c)) {
      case PASSED -> { }
      case FAILED -> Assertions.fail(c.message());
      default -> Assumptions.abort(Objects.requireNonNullElse(why.apply(c), status.apply(c).label()));
    }
  }

  /** @return why the seeded-data check of a migration did not run or does not apply */
  private static String seededNote(MigrationCheck c) {
    if (c.seeded() == Status.SKIPPED) {
      return "no seed file after " + c.file() + " and no seeded rows compared";
    }
    return c.upgrade() == Status.NOT_RUN ? c.message() : "not run: an earlier check of " + c.file() + " failed";
  }

  private static void failOnFirst(List<String> problems) {
    if (!problems.isEmpty()) {
      Assertions.fail(problems.get(0));
    }
  }

  /** @return the version of the migration or undo file a problem is about, if it is one Flyway reads */
  private Optional<MigrationVersion> versionOf(LinearHistory.Problem problem) {
    Path file = problem.file().toAbsolutePath();
    Optional<MigrationVersion> version = versions.all().stream().filter(m -> m.file().equals(file))
        .map(MigrationVersions.Migration::version).findFirst();
    return version.filter(v -> versions.versioned().stream().anyMatch(m -> m.version().equals(v)));
  }
}
