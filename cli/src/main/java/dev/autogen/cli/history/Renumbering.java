package dev.autogen.cli.history;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import dev.autogen.cli.history.MigrationHistory.Migration;
import dev.autogen.codegen.flyway.FlywayMigrationWriter;
import dev.autogen.codegen.flyway.FlywayNaming;
import dev.autogen.codegen.flyway.FlywayVersion;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How {@code autogen rebase} renumbers a branch's migrations above its base: every versioned migration
 * the branch adds ({@link BranchMigrations#added()}), in its version order, gets the next versions
 * after the base's highest, following the base's scheme: the last part of the version plus one at
 * its width and with its separators ({@code 7} → {@code 8}, {@code 1.7} → {@code 1.8}, {@code 1_7} →
 * {@code 1_8}, {@code 007} → {@code 008}); for timestamps (12 or more digits, {@code 20250101120000})
 * the time now in UTC, or the highest plus one when that is not greater, as {@code autogen} numbers a
 * new migration ({@link FlywayVersion}). Nothing is renumbered when no added migration is behind the
 * base or shares a version with another. Each renamed migration takes with it its undo file (the undo
 * prefix, same version and description) and the script configuration files ({@code <file>.conf}) of
 * both; autogen's header lines that name the version ({@code -- Version:      7}, the undo file's
 * {@code -- Undoes V7 (V7__x.sql)}) are rewritten, the rest of each file is kept byte for byte.
 *
 * @param steps one per renamed migration, in the order they are applied (highest new version first,
 *     so that no new name is a name still in use), never null
 */
public record Renumbering(List<Step> steps) {

  /**
   * One migration renamed.
   *
   * @param migration the versioned migration, never null
   * @param newVersion its new version as written, never null
   * @param files its files' moves: upgrade, undo and configuration files, never null
   */
  public record Step(Migration migration, String newVersion, List<Move> files) {

    /** Copies the list. */
    public Step {
      files = List.copyOf(files);
    }
  }

  /**
   * One file moved.
   *
   * @param from the file now, never null
   * @param to its new name in the same directory, never null
   * @param original the file's bytes now, never null
   * @param content the new file's bytes (the old ones, headers rewritten), never null
   */
  public record Move(Path from, Path to, byte[] original, byte[] content) {}

  /** The last number of a version. */
  private static final Pattern LAST_PART = Pattern.compile("(\\d+)$");

  /** Copies the list. */
  public Renumbering {
    steps = List.copyOf(steps);
  }

  /**
   * @param directory the migrations directory, never null
   * @param branch the branch's migrations against the base, read from that directory, never null
   * @param naming how the project names its migrations, never null
   * @param now the time now, for the timestamp scheme, never null
   * @return the renumbering, with no steps when nothing is behind the base or duplicated
   * @throws AutogenException with {@link ExitCode#USAGE} when the base's own migrations share a version
   *     (renumbering the branch cannot fix that), when a file cannot be read, or when a new name is
   *     taken by a file that is not renamed (nothing is overwritten)
   */
  public static Renumbering plan(Path directory, BranchMigrations branch, FlywayNaming naming, Instant now) {
    List<MigrationHistory.Duplicate> baseDuplicates = branch.base().duplicates();
    if (!baseDuplicates.isEmpty()) {
      throw new AutogenException(ExitCode.USAGE, "the migrations of " + branch.ref() + " share a version already ("
          + baseDuplicates.get(0).migrations().stream().map(Migration::path).collect(Collectors.joining(" and "))
          + "): fix that on " + branch.ref() + " first, rebase renumbers only this branch's migrations");
    }
    List<Migration> added = branch.added().stream().filter(m -> !m.undo()).toList();
    boolean duplicated = added.stream().anyMatch(m -> branch.local().sameVersion(m).size() > 1);
    if (branch.behindBase().isEmpty() && !duplicated) {
      return new Renumbering(List.of());
    }
    List<Step> steps = new ArrayList<>();
    String previous = branch.baseHighest().map(Migration::rawVersion).orElse(null);
    for (Migration m : added) {
      String version = previous == null ? m.rawVersion() : next(previous, now);
      steps.add(step(directory, branch, naming, m, version));
      previous = version;
    }
    steps.sort(Comparator.comparing((Step s) -> org.flywaydb.core.api.MigrationVersion.fromVersion(
        s.newVersion().replace('_', '.'))).reversed());
    refuseTaken(steps);
    return new Renumbering(steps);
  }

  /** @return the version after {@code version} in its scheme */
  static String next(String version, Instant now) {
    FlywayVersion timestamp = FlywayVersion.next(List.of("V" + version + "__.sql"), now);
    if (timestamp.scheme() == FlywayVersion.Scheme.TIMESTAMP) {
      return timestamp.value();
    }
    Matcher last = LAST_PART.matcher(version);
    if (!last.find()) {
      throw new IllegalArgumentException("not a version: " + version);
    }
    String digits = last.group(1);
    String plusOne = new java.math.BigInteger(digits).add(java.math.BigInteger.ONE).toString();
    if (plusOne.length() < digits.length()) {
      plusOne = "0".repeat(digits.length() - plusOne.length()) + plusOne;
    }
    return version.substring(0, last.start()) + plusOne;
  }

  private static Step step(Path directory, BranchMigrations branch, FlywayNaming naming, Migration upgrade,
      String version) {
    String rest = upgrade.fileName().substring(naming.prefix().length() + upgrade.rawVersion().length());
    String oldName = upgrade.fileName();
    String newName = naming.prefix() + version + rest;
    List<Move> moves = new ArrayList<>();
    Path from = directory.resolve(upgrade.path());
    byte[] upgradeText = read(from);
    moves.add(new Move(from, from.resolveSibling(newName), upgradeText, rewrite(upgradeText, naming,
        upgrade.rawVersion(), version, oldName, newName)));
    conf(from, newName).ifPresent(moves::add);
    branch.added().stream().filter(u -> u.undo() && u.version().equals(upgrade.version())
        && u.folder().equals(upgrade.folder())
        && u.fileName().equals(naming.undoPrefix() + u.rawVersion() + rest)).findFirst().ifPresent(undo -> {
          Path undoFile = directory.resolve(undo.path());
          String newUndo = naming.undoPrefix() + version + rest;
          byte[] undoText = read(undoFile);
          moves.add(new Move(undoFile, undoFile.resolveSibling(newUndo), undoText,
              rewrite(undoText, naming, undo.rawVersion(), version, oldName, newName)));
          conf(undoFile, newUndo).ifPresent(moves::add);
        });
    return new Step(upgrade, version, moves);
  }

  private static java.util.Optional<Move> conf(Path file, String newName) {
    Path conf = file.resolveSibling(file.getFileName() + ".conf");
    if (!Files.isRegularFile(conf)) {
      return java.util.Optional.empty();
    }
    byte[] text = read(conf);
    return java.util.Optional.of(new Move(conf, conf.resolveSibling(newName + ".conf"), text, text));
  }

  /**
   * @return the file with autogen's header lines naming the old version rewritten: in the leading
   *     comment block only, and only when the file is UTF-8 (as autogen writes it); else unchanged
   */
  static byte[] rewrite(byte[] content, FlywayNaming naming, String oldVersion, String newVersion, String oldUpgrade,
      String newUpgrade) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      return content;
    }
    String[] lines = text.split("\n", -1);
    String oldLabel = naming.prefix() + oldVersion;
    String newLabel = naming.prefix() + newVersion;
    Pattern versionLine = Pattern.compile("^(--\\s*Version:\\s+)" + Pattern.quote(oldVersion) + "(\\s*)$");
    for (int i = 0; i < lines.length && lines[i].startsWith("--"); i++) {
      Matcher v = versionLine.matcher(lines[i]);
      if (v.matches()) {
        lines[i] = v.group(1) + newVersion + v.group(2);
      }
      lines[i] = lines[i].replace("-- Undoes " + oldLabel + " (" + oldUpgrade + ")",
          "-- Undoes " + newLabel + " (" + newUpgrade + ")")
          .replace("are those of " + oldLabel + ".", "are those of " + newLabel + ".");
    }
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new AutogenException(ExitCode.USAGE, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void refuseTaken(List<Step> steps) {
    Set<Path> leaving = new HashSet<>();
    steps.forEach(s -> s.files().forEach(f -> leaving.add(f.from())));
    for (Step s : steps) {
      for (Move f : s.files()) {
        if (!leaving.contains(f.to()) && Files.exists(f.to())) {
          throw new AutogenException(ExitCode.USAGE, "not overwriting " + f.to() + ": " + f.from().getFileName()
              + " would be renamed to it; move that file away or renumber by hand");
        }
      }
    }
  }

  /**
   * Renames the files, step by step, each step's new files created before its old ones are deleted,
   * never replacing a file ({@link FlywayMigrationWriter#create}); all or nothing: when a step fails,
   * the steps done are undone.
   *
   * @throws AutogenException with {@link ExitCode#USAGE} when a new name exists (nothing is then
   *     changed) or the directory cannot be written
   */
  public void apply() {
    List<Move> done = new ArrayList<>();
    try {
      for (Step step : steps) {
        List<Move> created = new ArrayList<>();
        try {
          for (Move f : step.files()) {
            FlywayMigrationWriter.create(f.to(), f.content());
            created.add(f);
          }
        } catch (IOException e) {
          for (Move f : created) {
            Files.deleteIfExists(f.to());
          }
          throw e;
        }
        for (Move f : step.files()) {
          Files.delete(f.from());
          done.add(f);
        }
      }
    } catch (IOException e) {
      undo(done);
      String what = e instanceof FileAlreadyExistsException exists ? "not overwriting " + exists.getFile()
          : "cannot rename the migrations: " + e;
      throw new AutogenException(ExitCode.USAGE, what + " (nothing was renamed)", e);
    }
  }

  private static void undo(List<Move> done) {
    for (int i = done.size() - 1; i >= 0; i--) {
      Move f = done.get(i);
      try {
        FlywayMigrationWriter.create(f.from(), f.original());
        Files.deleteIfExists(f.to());
      } catch (IOException ignored) {
        // best effort: the new file is kept when the old one cannot be made again
      }
    }
  }
}
