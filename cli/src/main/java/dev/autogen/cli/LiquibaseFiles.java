package dev.autogen.cli;

import dev.autogen.cli.files.MigrationLock;
import dev.autogen.cli.history.GitBase;
import dev.autogen.cli.liquibase.MasterInclude;
import dev.autogen.cli.source.LiquibaseChangelog;
import dev.autogen.codegen.flyway.FlywayMigration;
import dev.autogen.codegen.flyway.FlywayMigrationWriter;
import dev.autogen.codegen.flyway.OnlineFlywayMigrations;
import dev.autogen.codegen.liquibase.LiquibaseChangelogLayout;
import dev.autogen.codegen.postgres.online.OnlineOptions;
import dev.autogen.codegen.postgres.online.OnlinePostgresRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Writes a comparison as the next changelog of a Liquibase project and includes it from the master, so
 * that {@code liquibase update} applies it next and {@code liquibase rollback-count 1} undoes it.
 *
 * <ul>
 *   <li><b>Where:</b> beside the changelog of the project's last changeset (Liquibase's parse of the
 *       master, includes resolved), as {@code <yyyyMMddHHmmss>-<slug>.<format>}.
 *   <li><b>Format:</b> the master's (XML, YAML or JSON), or the one asked for; written by Liquibase's own
 *       serializer ({@link LiquibaseChangelogLayout}). Formatted SQL is not written.
 *   <li><b>Include:</b> none when the master's {@code includeAll} already picks the new file up as the last
 *       changelog; otherwise one {@code include} appended to the master ({@link MasterInclude}), the master
 *       replaced atomically. Either way Liquibase parses the result and its new changesets must come last,
 *       else the file is removed, the master restored, and the run fails.
 * </ul>
 *
 * <p>The caller holds the {@link MigrationLock} of the master's directory for the whole run. The new file
 * is never written over an existing one, and via a temporary file (as Flyway migrations are, {@link
 * FlywayMigrationWriter#create}).
 */
final class LiquibaseFiles {

  private LiquibaseFiles() {}

  /**
   * @param option {@code --author}, or null
   * @param directory the project directory, never null
   * @return the author of generated changesets: {@code --author}, else git's {@code user.name}
   * @throws AutogenException with {@link ExitCode#USAGE} when neither is set
   */
  static String author(String option, Path directory) {
    if (option != null && !option.isBlank()) {
      return option.strip();
    }
    return GitBase.userName(directory).orElseThrow(() -> new AutogenException(ExitCode.USAGE,
        "a Liquibase changeset needs an author: pass --author NAME or set git's user.name (git config user.name NAME)"));
  }

  /**
   * @param changelog the project's changelog, never null
   * @param message what the change does
   * @param comparison the comparison to write, with at least one change
   * @param online how to render it: with {@code --online}, one changeset per step of the online plan
   * @param format {@code xml}, {@code yaml}, {@code yml} or {@code json}, or null for the master's
   * @param author the changesets' author, never blank
   * @return the files written: the new changelog, then the master when it was changed
   * @throws AutogenException with {@link ExitCode#USAGE} when the format cannot be written, the file
   *     exists, the master cannot include it, or a file cannot be written; nothing is then changed
   */
  static List<Path> write(LiquibaseChangelog changelog, String message, Comparison comparison, OnlineOptions online,
      String format, String author) {
    String masterFormat = extension(changelog.file());
    String fileFormat = format(changelog, format);
    Instant now = Instant.now();
    List<FlywayMigration> planned = OnlineFlywayMigrations.of(message, List.of(), now, VersionProvider.version(),
        comparison.plan(), new OnlinePostgresRenderer(online, comparison.current()).phased(comparison.plan()), online);
    List<LiquibaseChangelog.Entry> before = changelog.entries();
    String directory = directoryOfLast(changelog, before);
    String name = LiquibaseChangelogLayout.baseName(planned.get(0)) + "." + fileFormat;
    String relative = directory.isEmpty() ? name : directory + "/" + name;
    Path target = changelog.root().resolve(relative);
    String text = new LiquibaseChangelogLayout(fileFormat, author).changelog(planned, relative);
    try {
      Files.createDirectories(target.getParent());
    } catch (IOException e) {
      throw new AutogenException(ExitCode.USAGE, "cannot create " + target.getParent() + ": " + e, e);
    }
    return publish(changelog, masterFormat, relative, target, text, planned.size());
  }

  private static List<Path> publish(LiquibaseChangelog changelog, String masterFormat, String relative, Path target,
      String text, int changeSets) {
    Path master = changelog.path();
    String masterText;
    try {
      FlywayMigrationWriter.removeStaleTemporaryFiles(target.getParent());
      masterText = Files.readString(master, StandardCharsets.UTF_8);
      FlywayMigrationWriter.create(target, text.getBytes(StandardCharsets.UTF_8));
    } catch (FileAlreadyExistsException e) {
      throw new AutogenException(ExitCode.USAGE, "not overwriting " + target + ": it exists; pick another message", e);
    } catch (IOException e) {
      throw new AutogenException(ExitCode.USAGE, "cannot write the changelog " + target + ": " + e, e);
    }
    boolean masterChanged = false;
    try {
      if (endsWithNew(changelog, relative, changeSets)) {
        return List.of(target);  // an includeAll of the directory picks it up, as the last changelog
      }
      String included;
      try {
        included = MasterInclude.append(masterText, masterFormat, relative);
      } catch (IllegalArgumentException e) {
        throw new AutogenException(ExitCode.USAGE, "cannot add an include of " + relative + " to the master "
            + master + " (" + e.getMessage() + "): include it yourself, or pass --changelog-format", e);
      }
      replace(master, included);
      masterChanged = true;
      if (!endsWithNew(changelog, relative, changeSets)) {
        throw new AutogenException(ExitCode.USAGE, "the master " + master + " does not run " + relative
            + " last once it includes it (an includeAll orders it elsewhere?); include it yourself");
      }
      return List.of(target, master);
    } catch (RuntimeException e) {
      undo(target, masterChanged ? master : null, masterText, e);
      throw e;
    }
  }

  /** @return whether the changelog, parsed again, ends with the new file's changesets */
  private static boolean endsWithNew(LiquibaseChangelog changelog, String relative, int changeSets) {
    List<LiquibaseChangelog.Entry> entries = changelog.entries();
    if (entries.size() < changeSets) {
      return false;
    }
    return entries.subList(entries.size() - changeSets, entries.size()).stream()
        .allMatch(e -> e.file().equals(relative))
        && entries.stream().filter(e -> e.file().equals(relative)).count() == changeSets;
  }

  private static void undo(Path target, Path master, String masterText, RuntimeException failure) {
    try {
      if (master != null) {
        replace(master, masterText);
      }
      Files.deleteIfExists(target);
    } catch (RuntimeException | IOException e) {
      failure.addSuppressed(e);
    }
  }

  /** Replaces a file's content atomically (a temporary file beside it, renamed over it). */
  private static void replace(Path file, String content) {
    Path temporary = null;
    try {
      temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".autogen-" + ProcessHandle.current().pid()
          + "-", ".tmp");
      Files.writeString(temporary, content, StandardCharsets.UTF_8);
      try {
        // createTempFile makes it 0600: the master keeps the permissions it had
        Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(file));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the temporary file has the default permissions
      }
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new AutogenException(ExitCode.USAGE, "cannot write " + file + ": " + e, e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  /**
   * @param changelog the project's changelog, never null
   * @param format {@code --changelog-format}, or null for the master's
   * @return the format the next changelog is written in, lower case
   * @throws AutogenException with {@link ExitCode#USAGE} when it is none Liquibase's serializers write
   */
  static String format(LiquibaseChangelog changelog, String format) {
    String fileFormat = format != null ? format.toLowerCase(Locale.ROOT) : extension(changelog.file());
    if (!LiquibaseChangelogLayout.FORMATS.contains(fileFormat)) {
      throw new AutogenException(ExitCode.USAGE, "autogen writes Liquibase changelogs as XML, YAML or JSON, not "
          + fileFormat + (format == null ? " (the master " + changelog.path() + "'s format)" : "")
          + ": pass --changelog-format xml, yaml or json");
    }
    return fileFormat;
  }

  /**
   * @return the directory, relative to the changelog root, of the file of the last changeset not in the
   *     master itself; the master's directory when every changeset is in the master or there is none
   */
  private static String directoryOfLast(LiquibaseChangelog changelog, List<LiquibaseChangelog.Entry> entries) {
    List<LiquibaseChangelog.Entry> included = entries.stream()
        .filter(e -> !e.file().equals(changelog.file())).toList();
    String file = included.isEmpty() ? changelog.file() : included.get(included.size() - 1).file();
    int slash = file.lastIndexOf('/');
    return slash < 0 ? "" : file.substring(0, slash);
  }

  private static String extension(String file) {
    int dot = file.lastIndexOf('.');
    return dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
