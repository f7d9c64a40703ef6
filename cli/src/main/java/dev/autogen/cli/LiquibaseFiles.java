package dev.autogen.cli;

import dev.autogen.cli.files.MigrationLock;
import dev.autogen.cli.history.GitBase;
import dev.autogen.cli.liquibase.MasterInclude;
import dev.autogen.cli.source.LiquibaseChangelog;
import dev.autogen.codegen.flyway.FlywayMigration;
import dev.autogen.codegen.flyway.FlywayMigrationWriter;
import dev.autogen.codegen.flyway.OnlineFlywayMigrations;
import dev.autogen.codegen.liquibase.FormattedSqlChangelogLayout;
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
 *   <li><b>Format:</b> the master's (XML, YAML, JSON or formatted SQL), or the one asked for; written by
 *       Liquibase's own serializer ({@link LiquibaseChangelogLayout}), formatted SQL by {@link
 *       FormattedSqlChangelogLayout}. A formatted SQL master cannot include files: the new changesets are
 *       appended to it, the master replaced atomically.
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
    try {
      if (fileFormat.equals(FormattedSqlChangelogLayout.FORMAT)) {
        FormattedSqlChangelogLayout layout = new FormattedSqlChangelogLayout(author);
        if (masterFormat.equals(FormattedSqlChangelogLayout.FORMAT)) {
          return List.of(append(changelog, layout.changesets(planned), layout.ids(planned)));
        }
        return create(changelog, masterFormat, planned, fileFormat,
            relative -> layout.changelog(planned), layout.ids(planned));
      }
      LiquibaseChangelogLayout layout = new LiquibaseChangelogLayout(fileFormat, author);
      return create(changelog, masterFormat, planned, fileFormat, relative -> layout.changelog(planned, relative),
          LiquibaseChangelogLayout.ids(planned));
    } catch (IllegalArgumentException e) {
      throw new AutogenException(ExitCode.USAGE, "cannot write the changelog as " + fileFormat + ": " + e.getMessage()
          + (fileFormat.equals(FormattedSqlChangelogLayout.FORMAT) ? "; pass --changelog-format xml" : ""), e);
    }
  }

  /** Writes a new changelog file beside the last changeset's and includes it from the master. */
  private static List<Path> create(LiquibaseChangelog changelog, String masterFormat, List<FlywayMigration> planned,
      String fileFormat, java.util.function.Function<String, String> layout, List<String> ids) {
    String directory = directoryOfLast(changelog, changelog.entries());
    String name = LiquibaseChangelogLayout.baseName(planned.get(0)) + "." + fileFormat;
    String relative = directory.isEmpty() ? name : directory + "/" + name;
    Path target = changelog.root().resolve(relative);
    String text = layout.apply(relative);
    try {
      Files.createDirectories(target.getParent());
    } catch (IOException e) {
      throw new AutogenException(ExitCode.USAGE, "cannot create " + target.getParent() + ": " + e, e);
    }
    return publish(changelog, masterFormat, relative, target, text, ids);
  }

  /**
   * Appends changesets to a master that is itself a formatted SQL changelog (which cannot include other
   * files): the master is replaced atomically, and Liquibase must then read the new changesets last.
   */
  private static Path append(LiquibaseChangelog changelog, String changeSets, List<String> ids) {
    Path master = changelog.path();
    String masterText;
    try {
      masterText = Files.readString(master, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AutogenException(ExitCode.USAGE, "cannot read the changelog " + master + ": " + e, e);
    }
    String separator = masterText.isEmpty() || masterText.endsWith("\n") ? "" : "\n";
    replace(master, masterText + separator + changeSets);
    try {
      if (!endsWithNew(changelog, changelog.file(), ids)) {
        throw new AutogenException(ExitCode.USAGE, "Liquibase does not read the changesets appended to " + master
            + " last; the changelog is left as it was");
      }
      return master;
    } catch (RuntimeException e) {
      undo(null, master, masterText, e);
      throw e;
    }
  }

  private static List<Path> publish(LiquibaseChangelog changelog, String masterFormat, String relative, Path target,
      String text, List<String> ids) {
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
      if (endsWithNew(changelog, relative, ids)) {
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
      if (!endsWithNew(changelog, relative, ids)) {
        throw new AutogenException(ExitCode.USAGE, "the master " + master + " does not run " + relative
            + " last once it includes it (an includeAll orders it elsewhere?); include it yourself");
      }
      return List.of(target, master);
    } catch (RuntimeException e) {
      undo(target, masterChanged ? master : null, masterText, e);
      throw e;
    }
  }

  /**
   * @return whether the changelog, parsed again, ends with the new changesets (by id, in order, in the file
   *     given) and holds no other changeset with one of their ids in that file
   */
  private static boolean endsWithNew(LiquibaseChangelog changelog, String relative, List<String> ids) {
    List<LiquibaseChangelog.Entry> entries = changelog.entries();
    if (entries.size() < ids.size()) {
      return false;
    }
    List<LiquibaseChangelog.Entry> tail = entries.subList(entries.size() - ids.size(), entries.size());
    return tail.stream().allMatch(e -> e.file().equals(relative))
        && tail.stream().map(LiquibaseChangelog.Entry::id).toList().equals(ids)
        && entries.stream().filter(e -> e.file().equals(relative) && ids.contains(e.id())).count() == ids.size();
  }

  private static void undo(Path target, Path master, String masterText, RuntimeException failure) {
    try {
      if (master != null) {
        replace(master, masterText);
      }
      if (target != null) {
        Files.deleteIfExists(target);
      }
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
    if (!FORMATS.contains(fileFormat)) {
      throw new AutogenException(ExitCode.USAGE, "autogen writes Liquibase changelogs as XML, YAML, JSON or formatted"
          + " SQL, not " + fileFormat + (format == null ? " (the master " + changelog.path() + "'s format)" : "")
          + ": pass --changelog-format xml, yaml, json or sql");
    }
    return fileFormat;
  }

  /** The formats written: Liquibase's serializers' and formatted SQL. */
  private static final List<String> FORMATS = java.util.stream.Stream.concat(
      LiquibaseChangelogLayout.FORMATS.stream(), java.util.stream.Stream.of(FormattedSqlChangelogLayout.FORMAT)).toList();

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
