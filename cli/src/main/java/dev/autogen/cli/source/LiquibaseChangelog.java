package dev.autogen.cli.source;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import dev.autogen.cli.cache.CatalogCache;
import dev.autogen.cli.cache.ReplayPrefixes;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import liquibase.ChecksumVersion;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.logging.core.NoOpLogService;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.serializer.core.string.StringChangeLogSerializer;
import liquibase.ui.LoggerUIService;

/**
 * A Liquibase project's schema history: its master changelog, applied and read with Liquibase's own
 * library (4.33, the last Apache-licensed line), with the contexts and labels the application runs with.
 *
 * <p>The changelog is read through a {@link DirectoryResourceAccessor} rooted at {@code root}: for a
 * changelog under {@code src/main/resources} that is that directory, so that its path and the paths of
 * its {@code include}s are the class-path paths Spring Boot's and JHipster's Liquibase use (and record in
 * {@code databasechangelog}). Liquibase's console output and logging are off: its update summary would
 * otherwise reach autogen's standard output, which carries JSON; its anonymous analytics are off.
 *
 * @param root the directory the changelog's path is relative to, absolute, never null
 * @param file the master changelog, relative to {@code root} with {@code /} separators, never null
 * @param contexts Liquibase's context expression ({@code spring.liquibase.contexts}), empty for all
 * @param labels Liquibase's label filter ({@code spring.liquibase.label-filter}), empty for all
 */
public record LiquibaseChangelog(Path root, String file, String contexts, String labels) {

  /** Checks the components. */
  public LiquibaseChangelog {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(file, "file");
    contexts = contexts == null ? "" : contexts.trim();
    labels = labels == null ? "" : labels.trim();
  }

  /** @return the master changelog's file */
  public Path path() {
    return root.resolve(file);
  }

  /**
   * Applies every changeset the contexts and labels select ({@code liquibase update}), as the
   * application's Liquibase does at start-up.
   *
   * @param login the scratch database, never null
   * @throws AutogenException with {@link ExitCode#USAGE} when the changelog cannot be read or a changeset
   *     fails (the file and Liquibase's message), with {@link ExitCode#DATABASE} when the database cannot
   *     be reached
   */
  public void update(DatabaseLogin login) {
    run(login, database -> {
      CommandScope update = new CommandScope(UpdateCommandStep.COMMAND_NAME)
          .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
          .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, file)
          .addArgumentValue(UpdateCommandStep.CONTEXTS_ARG, contexts)
          .addArgumentValue(UpdateCommandStep.LABEL_FILTER_ARG, labels)
          // the update summary goes to the command's output stream, System.out unless set: nowhere
          .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF)
          .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
          .setOutput(OutputStream.nullOutputStream());
      update.execute();
      return null;
    }, "apply");
  }

  /**
   * @param login the live database, read only, never null
   * @return the changesets the contexts and labels select that {@code databasechangelog} does not record
   *     (by id, author and file), as {@code file::id::author}, in changelog order; empty at head
   * @throws AutogenException as {@link #update}
   */
  public List<String> unrun(DatabaseLogin login) {
    return run(login, database -> {
      try (Liquibase liquibase = new Liquibase(file, new DirectoryResourceAccessor(root), database)) {
        return liquibase.listUnrunChangeSets(new Contexts(contexts), new LabelExpression(labels)).stream()
            .map(ChangeSet::toString).toList();
      }
    }, "read");
  }

  /**
   * One changeset as the parsed changelog holds it.
   *
   * @param file the changelog file it is in, as Liquibase records it (relative to {@link #root()}), never null
   * @param id its id, never null
   * @param author its author, never null
   */
  public record Entry(String file, String id, String author) {}

  /**
   * Parses the changelog with Liquibase, includes resolved, without a database: every changeset, whatever
   * its contexts, labels or dbms.
   *
   * @return the changesets in the order Liquibase runs them
   * @throws AutogenException with {@link ExitCode#USAGE} when Liquibase cannot parse it (its message)
   */
  public List<Entry> entries() {
    try {
      return Scope.child(withResources(quietScope()), () -> {
        DirectoryResourceAccessor accessor = new DirectoryResourceAccessor(root);
        DatabaseChangeLog changelog = ChangeLogParserFactory.getInstance().getParser(file, accessor)
            .parse(file, new ChangeLogParameters(), accessor);
        return changelog.getChangeSets().stream()
            .map(c -> new Entry(c.getFilePath(), c.getId(), c.getAuthor())).toList();
      });
    } catch (Exception e) {
      throw failure(e, "read");
    }
  }

  /**
   * The states a replay of the changelog passes through, for incremental replay ({@link ReplaySnapshots}):
   * one per changeset in the order Liquibase runs them (whatever its contexts, labels or dbms, which are part
   * of what a state is named by, as the filters are of the settings), each named by the changeset's id,
   * author and file, its checksum (Liquibase's own, latest version: the changes with properties expanded,
   * an {@code sqlFile}'s content), its attributes and its preconditions. Appending a changeset to a file
   * keeps the states before it.
   *
   * @param cache the cache whose key seeds the hashes, never null
   * @param settings what else decides the states (schemas, the dev server's role), never null
   * @return the states, or why a replay cannot continue from a snapshot: a changeset that runs on every
   *     update ({@code runAlways}) would run again after the snapshot's changesets
   * @throws AutogenException with {@link ExitCode#USAGE} when Liquibase cannot parse the changelog
   */
  public Prefixes prefixes(CatalogCache cache, String settings) {
    try {
      return Scope.child(withResources(quietScope()), () -> {
        DirectoryResourceAccessor accessor = new DirectoryResourceAccessor(root);
        DatabaseChangeLog changelog = ChangeLogParserFactory.getInstance().getParser(file, accessor)
            .parse(file, new ChangeLogParameters(), accessor);
        List<ReplayPrefixes.Link> links = new ArrayList<>();
        for (ChangeSet c : changelog.getChangeSets()) {
          if (c.isAlwaysRun()) {
            return new Prefixes(null, "runAlways changeset " + c);
          }
          links.add(new ReplayPrefixes.Link(c.toString(), String.join("\n",
              "checksum " + c.generateCheckSum(ChecksumVersion.latest()),
              "contexts " + c.getContextFilter(), "labels " + c.getLabels(), "dbms " + c.getDbmsSet(),
              "runInTransaction " + c.isRunInTransaction(), "runOnChange " + c.isRunOnChange(),
              "failOnError " + c.getFailOnError(), "ignore " + c.isIgnore(),
              // preconditions are not in the checksum; serialized as Liquibase serializes for checksums
              "preconditions " + (c.getPreconditions() == null ? ""
                  : new StringChangeLogSerializer().serialize(c.getPreconditions(), false)))));
        }
        return new Prefixes(ReplayPrefixes.chain(cache, "liquibase " + file + " contexts=" + contexts + " labels="
            + labels + "; " + settings, links), null);
      });
    } catch (AutogenException e) {
      throw e;
    } catch (Exception e) {
      throw failure(e, "read");
    }
  }

  /**
   * The states of a changelog's replay, or why it replays from an empty database.
   *
   * @param states the states, or null when it replays from nothing
   * @param fromNothing why, as a few words for {@code --timings}, or null
   */
  public record Prefixes(ReplayPrefixes states, String fromNothing) {}

  /** What runs against a Liquibase {@link Database}. */
  private interface Work<T> {
    T on(Database database) throws Exception;
  }

  private <T> T run(DatabaseLogin login, Work<T> work, String verb) {
    try (Connection connection = DriverManager.getConnection(login.url(), login.user(), login.password())) {
      return Scope.child(withResources(quietScope()), () -> {
        Database database = DatabaseFactory.getInstance()
            .findCorrectDatabaseImplementation(new JdbcConnection(connection));
        return work.on(database);
      });
    } catch (SQLException e) {
      throw new AutogenException(ExitCode.DATABASE, "cannot connect to " + login + ": " + e.getMessage());
    } catch (Exception e) {
      throw failure(e, verb);
    }
  }

  /** @return Liquibase's message, the innermost that says more, as a one-line error */
  private AutogenException failure(Exception e, String verb) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getMessage() != null && cause.getCause().getMessage() != null
        && cause.getMessage().contains(cause.getCause().getMessage())) {
      cause = cause.getCause();
    }
    return new AutogenException(ExitCode.USAGE, "Liquibase cannot " + verb + " the changelog " + path() + ": "
        + String.valueOf(cause.getMessage()).strip().replaceAll("\\s+", " "), e);
  }

  /** @return a scope in which Liquibase prints and logs nothing and sends no analytics */
  private static Map<String, Object> quietScope() {
    Map<String, Object> scope = new HashMap<>();
    scope.put(Scope.Attr.ui.name(), new LoggerUIService());
    scope.put(Scope.Attr.logService.name(), new NoOpLogService());
    scope.put(AnalyticsArgs.ENABLED.getKey(), false);
    return scope;
  }

  private Map<String, Object> withResources(Map<String, Object> scope) throws java.io.FileNotFoundException {
    scope.put(Scope.Attr.resourceAccessor.name(), new DirectoryResourceAccessor(root));
    return scope;
  }
}
