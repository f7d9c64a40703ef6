package dev.autogen.cli.online;

import dev.autogen.diff.Hazard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Lints online output with Squawk, the PostgreSQL migration linter ({@code squawk-cli}; {@code .ci/run}
 * installs a pinned version and passes its path in {@code AUTOGEN_SQUAWK}). Each migration file is
 * linted as Flyway runs it: a transactional one with {@code --assume-in-transaction}, one with a
 * {@code .sql.conf} without. A finding is accepted only when its rule matches a hazard autogen itself
 * flagged in that file's header ({@link #RULES}); rules about the choice of column types, which the
 * entities make and no migration can avoid, are not asked for ({@link #TYPE_CHOICE_RULES}).
 */
public final class Squawk {

  /** Squawk rule to the autogen hazards that say the same thing. */
  public static final Map<String, Set<Hazard>> RULES = Map.ofEntries(
      Map.entry("ban-drop-column", EnumSet.of(Hazard.DATA_LOSS)),
      Map.entry("ban-drop-table", EnumSet.of(Hazard.DATA_LOSS)),
      Map.entry("ban-drop-not-null", EnumSet.of(Hazard.DATA_LOSS, Hazard.BACKWARD_INCOMPATIBLE)),
      Map.entry("changing-column-type", EnumSet.of(Hazard.TABLE_REWRITE, Hazard.DATA_LOSS)),
      Map.entry("renaming-column", EnumSet.of(Hazard.BACKWARD_INCOMPATIBLE)),
      Map.entry("renaming-table", EnumSet.of(Hazard.BACKWARD_INCOMPATIBLE)),
      Map.entry("adding-required-field", EnumSet.of(Hazard.NOT_NULL_NO_DEFAULT)),
      Map.entry("adding-not-nullable-field", EnumSet.of(Hazard.NOT_NULL_NO_DEFAULT, Hazard.BLOCKING_LOCK)),
      Map.entry("adding-field-with-default", EnumSet.of(Hazard.TABLE_REWRITE)),
      Map.entry("constraint-missing-not-valid", EnumSet.of(Hazard.BLOCKING_LOCK, Hazard.DATA_DEPENDENT)),
      Map.entry("adding-foreign-key-constraint", EnumSet.of(Hazard.BLOCKING_LOCK)),
      Map.entry("require-concurrent-index-creation", EnumSet.of(Hazard.INDEX_BUILD_BLOCKS_WRITES)),
      Map.entry("require-concurrent-index-deletion", EnumSet.of(Hazard.BLOCKING_LOCK)),
      Map.entry("disallowed-unique-constraint", EnumSet.of(Hazard.INDEX_BUILD_BLOCKS_WRITES)));

  /** Rules about column types (text over varchar, bigint over int, timestamptz, identity): the entities' choice. */
  public static final List<String> TYPE_CHOICE_RULES = List.of("prefer-text-field", "prefer-bigint-over-int",
      "prefer-bigint-over-smallint", "prefer-identity", "prefer-timestamp-tz", "ban-char-field");

  /** The environment variable holding the path of the {@code squawk} executable. */
  public static final String ENV = "AUTOGEN_SQUAWK";

  private static final Pattern FINDING = Pattern.compile("^(.+?):(\\d+):(\\d+): \\w+: ([a-z-]+) (.*)$");
  private static final Pattern HAZARD = Pattern.compile("^-- \\[[A-Z]+\\] ([A-Z_]+) ");

  private Squawk() {}

  /**
   * Lints every {@code V} file of a directory.
   *
   * @param dir a directory of generated migrations
   * @return the findings no hazard of their file accounts for, one line each; when Squawk is not
   *     configured a finding saying so if {@code AUTOGEN_REQUIRE_SQUAWK=true}
   * @throws org.opentest4j.TestAbortedException when Squawk is not configured and not required: the
   *     calling test is reported as skipped, never as passed
   */
  public static List<String> unaccounted(Path dir) throws IOException, InterruptedException {
    String squawk = System.getenv(ENV);
    if (squawk == null || squawk.isBlank()) {
      if ("true".equals(System.getenv("AUTOGEN_REQUIRE_SQUAWK"))) {
        return List.of(ENV + " is not set but AUTOGEN_REQUIRE_SQUAWK=true: .ci/run must install squawk-cli");
      }
      Assumptions.abort("Squawk lint skipped: set " + ENV + " to the squawk executable (.ci/run does) to lint " + dir);
    }
    List<String> unaccounted = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().matches("V.*\\.sql")).sorted().toList();
    }
    for (Path file : files) {
      Set<String> flagged = Files.readAllLines(file).stream().map(HAZARD::matcher).filter(Matcher::find)
          .map(m -> m.group(1)).collect(Collectors.toSet());
      for (String finding : lint(squawk, file)) {
        Matcher m = FINDING.matcher(finding);
        if (!m.matches()) {
          continue;
        }
        Set<Hazard> hazards = RULES.getOrDefault(m.group(4), Set.of());
        boolean accounted = hazards.stream().anyMatch(h -> flagged.contains(h.name()));
        System.out.println("squawk " + (accounted ? "(flagged by autogen as " + hazards + ") " : "UNACCOUNTED ") + finding);
        if (!accounted) {
          unaccounted.add(finding);
        }
      }
    }
    return unaccounted;
  }

  private static List<String> lint(String squawk, Path file) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(squawk, "--reporter", "gcc",
        "--exclude=" + String.join(",", TYPE_CHOICE_RULES)));
    if (!Files.exists(file.resolveSibling(file.getFileName() + ".conf"))) {
      command.add("--assume-in-transaction");
    }
    command.add(file.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = process.waitFor();
    if (code != 0 && code != 1 || code == 1 && out.lines().noneMatch(l -> FINDING.matcher(l).matches())) {
      throw new IllegalStateException("squawk failed (" + code + ") on " + file + ":\n" + out);
    }
    return out.lines().toList();
  }
}
