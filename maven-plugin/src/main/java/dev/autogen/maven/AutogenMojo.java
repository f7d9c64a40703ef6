package dev.autogen.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * What every autogen goal shares: the parameters of autogen's shared options (each the CLI option of
 * the same name, property {@code autogen.<name>}), the project's class path as {@code --classpath},
 * and the run of the CLI in the build's JVM with the project's base directory as autogen's project
 * directory ({@code autogen.properties}, {@code src/main/resources/db/migration}, {@code .autogen/cache}
 * and {@code autogen-baseline.json} are found there, as the CLI finds them in its working directory).
 * Parameters left unset fall back to {@code autogen.properties}, then to the CLI's defaults.
 *
 * <p>Exit codes become Maven outcomes (README "Exit codes"): 0 success; 1 (drift on {@code check}, or
 * a {@code failOn} gate met) a {@link MojoFailureException} carrying autogen's closing message; 2
 * (configuration or input) and 3 (database) a {@link MojoExecutionException} carrying autogen's error
 * line.
 */
abstract class AutogenMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Component
  SettingsDecrypter decrypter;

  /** Live mode: the database to compare, read only (CLI {@code --url}); default: replay the migrations. */
  @Parameter(property = "autogen.url")
  String url;

  /** Database user for {@code url} (and an explicit {@code devUrl}) (CLI {@code --user}). */
  @Parameter(property = "autogen.user")
  String user;

  /**
   * Database password (CLI {@code --password}); never printed. Prefer {@code serverId} or the {@code
   * AUTOGEN_PASSWORD} environment variable: Maven's debug output ({@code -X}) lists plain parameters.
   */
  @Parameter(property = "autogen.password")
  String password;

  /**
   * The id of a {@code <server>} in Maven's settings.xml whose username and (possibly encrypted)
   * password log in to {@code url}; {@code user} and {@code password} win when set.
   */
  @Parameter(property = "autogen.serverId")
  String serverId;

  /** Schemas to compare (CLI {@code --schema}); default {@code public} or the application's default schema. */
  @Parameter(property = "autogen.schema")
  List<String> schemas;

  /** The schema of Flyway's history table (CLI {@code --flyway-schema}). */
  @Parameter(property = "autogen.flywaySchema")
  String flywaySchema;

  /** Only compare tables matching these globs (CLI {@code --include-tables}). */
  @Parameter(property = "autogen.includeTables")
  List<String> includeTables;

  /** Leave out tables matching these globs (CLI {@code --exclude-tables}). */
  @Parameter(property = "autogen.excludeTables")
  List<String> excludeTables;

  /** Only read entities in these packages and their subpackages (CLI {@code --packages}). */
  @Parameter(property = "autogen.packages")
  List<String> packages;

  /**
   * Physical naming strategy: {@code hibernate}, {@code spring} or a class name (CLI {@code --naming});
   * default: the application's {@code spring.jpa.hibernate.naming.physical-strategy}, else {@code spring}
   * for a Spring Boot application, else {@code hibernate}.
   */
  @Parameter(property = "autogen.naming")
  String naming;

  /** The Spring profiles whose {@code application-{profile}} files are read (CLI {@code --profile}). */
  @Parameter(property = "autogen.profile")
  List<String> profiles;

  /**
   * The Flyway migrations directory (CLI {@code --migrations}); default: the application's {@code
   * spring.flyway.locations}, else {@code src/main/resources/db/migration} of the project.
   */
  @Parameter(property = "autogen.migrations")
  File migrations;

  /** Confirmed renames, {@code table.old=new} or {@code old_table=new_table} (CLI {@code --rename}). */
  @Parameter(property = "autogen.renames")
  List<String> renames;

  /** The renames file (CLI {@code --renames-file}); default {@code autogen-renames.properties} when it exists. */
  @Parameter(property = "autogen.renamesFile")
  File renamesFile;

  /** Replay mode's dev server: a JDBC URL or {@code docker} (CLI {@code --dev-url}); default embedded PostgreSQL. */
  @Parameter(property = "autogen.devUrl")
  String devUrl;

  /** Kinds of database-only objects to drop (CLI {@code --drop-unmanaged}), e.g. {@code indexes}. */
  @Parameter(property = "autogen.dropUnmanaged")
  List<String> dropUnmanaged;

  /** Keep columns where the database is stricter than the entities (CLI {@code --keep-stricter-database}). */
  @Parameter(property = "autogen.keepStricterDatabase", defaultValue = "false")
  boolean keepStricterDatabase;

  /** Turn serial columns into the entities' identity columns (CLI {@code --converge-serial}). */
  @Parameter(property = "autogen.convergeSerial", defaultValue = "false")
  boolean convergeSerial;

  /** Read the entities with globally quoted identifiers (CLI {@code --quoted-identifiers}). */
  @Parameter(property = "autogen.quotedIdentifiers", defaultValue = "false")
  boolean quotedIdentifiers;

  /** Live mode: do not measure hazards on the data (CLI {@code --no-probe}). */
  @Parameter(property = "autogen.noProbe", defaultValue = "false")
  boolean noProbe;

  /** CI gate: {@code caution} or {@code dangerous} (CLI {@code --fail-on}); a met gate fails the build. */
  @Parameter(property = "autogen.failOn")
  String failOn;

  /** Hazard codes the gate accepts (CLI {@code --allow}). */
  @Parameter(property = "autogen.allow")
  List<String> allow;

  /** The baseline file (CLI {@code --baseline}); default {@code autogen-baseline.json} when it exists. */
  @Parameter(property = "autogen.baseline")
  File baseline;

  /** Write or compare an online-safe plan (CLI {@code --online}). */
  @Parameter(property = "autogen.online", defaultValue = "false")
  boolean online;

  /** With {@code online}: the lock_timeout of each migration (CLI {@code --lock-timeout}). */
  @Parameter(property = "autogen.lockTimeout")
  String lockTimeout;

  /** With {@code online}: the statement_timeout of each migration (CLI {@code --statement-timeout}). */
  @Parameter(property = "autogen.statementTimeout")
  String statementTimeout;

  /** Backfills {@code table.column=SQL} for columns that become NOT NULL (CLI {@code --fill}). */
  @Parameter(property = "autogen.fills")
  List<String> fills;

  /** Drop and re-create the views a type change touches (CLI {@code --recreate-dependent-views}). */
  @Parameter(property = "autogen.recreateDependentViews", defaultValue = "false")
  boolean recreateDependentViews;

  /**
   * A Liquibase project's master changelog (CLI {@code --changelog}); by default it is found from the
   * application's {@code spring.liquibase.change-log} or the usual places ({@code
   * db/changelog/db.changelog-master.*}, JHipster's {@code config/liquibase/master.xml}).
   */
  @Parameter(property = "autogen.changelog")
  File changelog;

  /** The Liquibase contexts a replay runs (CLI {@code --contexts}); default: the application's. */
  @Parameter(property = "autogen.contexts")
  String contexts;

  /** The Liquibase labels a replay runs (CLI {@code --labels}); default: the application's. */
  @Parameter(property = "autogen.labels")
  String labels;

  /** Where the caches live (CLI {@code --cache-dir}); default {@code .autogen/cache} in the project. */
  @Parameter(property = "autogen.cacheDir")
  File cacheDir;

  /** Neither read nor write the caches (CLI {@code --no-cache}). */
  @Parameter(property = "autogen.noCache", defaultValue = "false")
  boolean noCache;

  /** Print how long each phase took (CLI {@code --timings}). */
  @Parameter(property = "autogen.timings", defaultValue = "false")
  boolean timings;

  /** Stack traces of errors, and which Hibernate read the entities (CLI {@code --verbose}). */
  @Parameter(property = "autogen.verbose", defaultValue = "false")
  boolean verbose;

  /** Skip the goal. */
  @Parameter(property = "autogen.skip", defaultValue = "false")
  boolean skip;

  /** @return the CLI subcommand this goal runs, e.g. {@code check} */
  abstract String command();

  /**
   * Adds the options of this goal alone (e.g. {@code --reason} for baseline).
   *
   * @param arguments the command line so far, never null
   * @throws MojoExecutionException when a parameter the goal needs is missing
   */
  abstract void addGoalOptions(CliArguments arguments) throws MojoExecutionException;

  /**
   * @return the file that takes the report instead of the log, or null for the log (the default)
   * @throws IOException when the file cannot be created
   */
  ReportFile reportFile() throws IOException {
    return null;
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("autogen:" + command() + " skipped (autogen.skip)");
      return;
    }
    if ("pom".equals(project.getPackaging())) {
      // an aggregator or parent has no classes: mvn autogen:check at a multi-module root checks its modules
      getLog().info("autogen:" + command() + " skipped: " + project.getArtifactId() + " is a pom project, it has no entities");
      return;
    }
    CliArguments arguments = arguments();
    getLog().debug(arguments.toString());
    JdbcDriver.register();
    CliRun.Result result;
    try (ReportFile report = reportFile()) {
      result = CliRun.run(arguments, project.getBasedir().toPath(), report == null ? getLog()::info : report::line,
          getLog());
      if (report != null) {
        getLog().info("Wrote " + report.file());
      }
    } catch (IOException | UncheckedIOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    switch (result.exitCode()) {
      case 0 -> { }
      case 1 -> throw new MojoFailureException(closingMessage(result));
      default -> throw new MojoExecutionException(result.errors().isEmpty()
          ? "autogen " + command() + " failed with exit code " + result.exitCode()
          : String.join(System.lineSeparator(), result.errors()));
    }
  }

  /**
   * @return autogen's message for a run that exited 1: its error lines; else from its verdict line
   *     ({@code Drift found...}, {@code Gate --fail-on ...}) to the end of the output or standard error
   *     that holds it; else its last line
   */
  private String closingMessage(CliRun.Result result) {
    if (!result.errors().isEmpty()) {
      return String.join(System.lineSeparator(), result.errors());
    }
    for (List<String> lines : List.of(result.output(), result.notes())) {
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.startsWith("Drift found") || line.startsWith("Gate ")) {
          String message = String.join(System.lineSeparator(), lines.subList(i, lines.size()));
          // the CLI's remedy names its own command line; say the goal that does it
          return message.replace("run autogen -m \"...\"", "run mvn autogen:generate -Dautogen.message=\"...\"");
        }
      }
    }
    List<String> output = result.output();
    return output.isEmpty() ? "autogen " + command() + " failed with exit code 1" : output.get(output.size() - 1);
  }

  /** @return the CLI command line for this goal's parameters */
  private CliArguments arguments() throws MojoExecutionException {
    Server server = server();
    CliArguments arguments = new CliArguments(command())
        .option("--url", url)
        .option("--user", user != null ? user : server == null ? null : server.getUsername())
        .option("--password", password != null ? password : server == null ? null : server.getPassword())
        .option("--schema", schemas)
        .option("--flyway-schema", flywaySchema)
        .option("--include-tables", includeTables)
        .option("--exclude-tables", excludeTables)
        .option("--classpath", classpath())
        .option("--packages", packages)
        .option("--naming", naming)
        .option("--profile", profiles)
        .option("--migrations", migrations)
        .option("--changelog", changelog)
        .option("--contexts", contexts)
        .option("--labels", labels)
        .repeated("--rename", renames)
        .option("--renames-file", renamesFile)
        .option("--dev-url", devUrl)
        .option("--drop-unmanaged", dropUnmanaged)
        .flag("--keep-stricter-database", keepStricterDatabase)
        .flag("--converge-serial", convergeSerial)
        .flag("--quoted-identifiers", quotedIdentifiers)
        .flag("--no-probe", noProbe)
        .option("--fail-on", failOn)
        .option("--allow", allow)
        .option("--baseline", baseline)
        .flag("--online", online)
        .option("--lock-timeout", lockTimeout)
        .option("--statement-timeout", statementTimeout)
        .repeated("--fill", fills)
        .flag("--recreate-dependent-views", recreateDependentViews)
        .option("--cache-dir", cacheDir)
        .flag("--no-cache", noCache)
        .flag("--timings", timings)
        .flag("--verbose", verbose)
        // a batch build (-B, CI) is never asked about suspected renames; an interactive one is, on its console
        .flag("--no-input", !session.getRequest().isInteractiveMode());
    addGoalOptions(arguments);
    return arguments;
  }

  /**
   * @return the project's class path: its output directory (classes and processed resources, where the
   *     application's {@code application.properties} lies) and its compile, provided, system and runtime
   *     dependencies, in Maven's order; the application's own {@code hibernate-core}, when among them,
   *     then reads the entities
   */
  private String classpath() throws MojoExecutionException {
    Set<String> elements = new LinkedHashSet<>();
    try {
      elements.addAll(project.getCompileClasspathElements());
      elements.addAll(project.getRuntimeClasspathElements());
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("the project's dependencies are not resolved: " + e.getMessage(), e);
    }
    for (String element : elements) {
      if (element.contains(",")) {
        // autogen's --classpath takes ',' as a separator too (ProjectOptions)
        throw new MojoExecutionException("class path entry " + element + " has a comma in its path, which autogen "
            + "reads as a separator: build from a directory (and use a local repository) whose path has none");
      }
    }
    return String.join(File.pathSeparator, new ArrayList<>(elements));
  }

  /** @return the decrypted {@code serverId} entry of settings.xml, null without {@code serverId} */
  private Server server() throws MojoExecutionException {
    if (serverId == null || serverId.isBlank()) {
      return null;
    }
    Server server = session.getSettings().getServer(serverId);
    if (server == null) {
      throw new MojoExecutionException("serverId " + serverId + ": no <server> with this id in Maven's settings.xml");
    }
    SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
    if (!decrypted.getProblems().isEmpty()) {
      throw new MojoExecutionException("serverId " + serverId + ": cannot decrypt its password: "
          + decrypted.getProblems().get(0).getMessage());
    }
    return decrypted.getServer();
  }
}
