package dev.autogen.cli;

import dev.autogen.cli.build.ApplicationClassPath;
import dev.autogen.cli.build.MavenClassPath;
import dev.autogen.cli.build.MavenProject;
import dev.autogen.cli.cache.AutogenBuild;
import dev.autogen.cli.cache.CatalogCache;
import dev.autogen.cli.config.ApplicationConfig;
import dev.autogen.cli.config.ApplicationConfigReader;
import dev.autogen.cli.config.FlywayLocations;
import dev.autogen.cli.config.FlywayNamingSettings;
import dev.autogen.cli.config.LiquibaseProject;
import dev.autogen.cli.library.LibraryTables;
import dev.autogen.cli.rename.RenamesFile;
import dev.autogen.cli.source.CurrentSchema;
import dev.autogen.cli.source.DatabaseLogin;
import dev.autogen.cli.source.FlywayMigrations;
import dev.autogen.cli.source.LiquibaseChangelog;
import dev.autogen.diff.DiffOptions;
import dev.autogen.diff.Hazard;
import dev.autogen.diff.Risk;
import dev.autogen.diff.RiskGate;
import dev.autogen.diff.UnmanagedKind;
import dev.autogen.introspect.IntrospectOptions;
import dev.autogen.introspect.PostgresIntrospector;
import dev.autogen.metadata.EntityModelOptions;
import dev.autogen.metadata.HibernateEntityReader;
import dev.autogen.model.Catalog;
import dev.autogen.model.TableFilter;
import dev.autogen.model.postgres.PostgresDialect;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The options every comparing command shares, declared once on the top-level command and inherited by
 * its subcommands, so {@code autogen --url X check} and {@code autogen check --url X} mean the same.
 * Each may also be set in {@code autogen.properties} in the working directory under its long name
 * without the leading dashes ({@code url=...}, {@code fail-on=...}; {@link ProjectProperties}); the
 * command line wins.
 */
final class ProjectOptions {

  /** Flyway's default location in a Maven or Gradle project (Spring Boot's too). */
  static final String DEFAULT_MIGRATIONS = "src/main/resources/db/migration";

  /** Where caches live by default, relative to the working directory. */
  static final String DEFAULT_CACHE_DIR = ".autogen/cache";

  /** The baseline file by default, in the working directory (the project directory). */
  static final String DEFAULT_BASELINE = "autogen-baseline.json";

  @Option(scope = ScopeType.INHERIT, names = "--url", paramLabel = "JDBC_URL",
      description = "Live mode: the database to compare (read only), e.g. jdbc:postgresql://localhost:5432/app.")
  String url;

  @Option(scope = ScopeType.INHERIT, names = "--user", description = "Database user for --url (and for --dev-url).")
  String user;

  @Option(scope = ScopeType.INHERIT, names = "--password", arity = "0..1", fallbackValue = PasswordPrompt.ASK,
      description = "Database password; without a value it is asked for on the terminal (or read as one line "
          + "from standard input when that is not a terminal). Prefer the AUTOGEN_PASSWORD environment variable "
          + "to a value on the command line.")
  String password;

  /** The password once asked for, so that it is asked once per run. */
  private String asked;

  @Option(scope = ScopeType.INHERIT, names = "--schema", split = ",", paramLabel = "SCHEMA",
      description = "Schemas to compare (default: public). Repeat or separate with commas.")
  List<String> schemas = new ArrayList<>();

  @Option(scope = ScopeType.INHERIT, names = "--flyway-schema", paramLabel = "SCHEMA",
      description = "The schema of Flyway's history table (flyway_schema_history), as Flyway's defaultSchema "
          + "(default: the application's spring.flyway.default-schema, else the first of its spring.flyway.schemas). Else live mode reads it from the connection's current "
          + "schema, where Flyway keeps it unless configured otherwise; replay mode keeps it in the first --schema.")
  String flywaySchema;

  @Option(scope = ScopeType.INHERIT, names = "--include-tables", split = ",", paramLabel = "GLOB",
      description = "Only compare tables matching these globs (e.g. 'shop_*', 'app.order_*', 'log[0-9]'): * any run, "
          + "? one character, [abc] [a-z] [!abc] one of a class, \\ takes the next character literally. Both the "
          + "database's and the entities' tables are filtered.")
  List<String> includeTables = new ArrayList<>();

  @Option(scope = ScopeType.INHERIT, names = "--exclude-tables", split = ",", paramLabel = "GLOB",
      description = "Leave out tables matching these globs (syntax as --include-tables), on both sides; wins over "
          + "--include-tables.")
  List<String> excludeTables = new ArrayList<>();

  @Option(scope = ScopeType.INHERIT, names = "--classpath", paramLabel = "PATH",
      description = "The application's class path: directories and jars holding the compiled entities and their "
          + "dependencies, separated by the path separator (':' on Unix) or ','. Default: in a Maven project (a "
          + "pom.xml in --project), resolved by its own build (./mvnw, else mvn; cached); else target/classes.")
  String classpath;

  @Option(scope = ScopeType.INHERIT, names = "--project", paramLabel = "DIR",
      description = "The Maven project whose build gives the class path when --classpath is not given (default: "
          + "the working directory).")
  Path project;

  @Option(scope = ScopeType.INHERIT, names = "--packages", split = ",", paramLabel = "PACKAGE",
      description = "Read the entities of these packages (and their subpackages) anywhere on the class path, jars "
          + "included. Default: every entity of the application's own output directories and of its persistence unit.")
  List<String> packages = new ArrayList<>();

  @Option(scope = ScopeType.INHERIT, names = "--persistence-unit", paramLabel = "NAME",
      description = "The persistence unit of META-INF/persistence.xml to read (its classes, jar files, mapping files "
          + "and properties); required when there are several.")
  String persistenceUnit;

  /** The application's class path once found, so that Maven runs at most once per run. */
  private ApplicationClassPath applicationClassPath;

  @Option(scope = ScopeType.INHERIT, names = "--naming", paramLabel = "STRATEGY",
      description = "Physical naming strategy: hibernate, spring (snake_case, as Spring Boot), or a class name. "
          + "Default: the application's spring.jpa.hibernate.naming.physical-strategy, else spring when it has a "
          + "Spring Boot application.properties/yml, else hibernate.")
  String naming;

  @Option(scope = ScopeType.INHERIT, names = "--profile", split = ",", paramLabel = "PROFILE",
      description = "The Spring profiles whose application-{profile}.properties/yml to read (default: "
          + "SPRING_PROFILES_ACTIVE, else spring.profiles.active of the application's files); for a Quarkus "
          + "application the profiles whose %%profile. keys apply (default: QUARKUS_PROFILE, else quarkus.profile, "
          + "else prod).")
  List<String> profiles = new ArrayList<>();

  /** The project's autogen.properties when it exists (set by {@link Main}), else null. */
  ProjectProperties projectProperties;

  /** The libraries on the class path that own tables, once found ({@link #libraries()}). */
  private List<LibraryTables.Found> libraries;
  /**
   * The project directory (set by {@link Main}): every relative path of an option or a default
   * ({@code target/classes}, the migrations directory, the caches, the baseline and renames files, the
   * application's {@code config/}) is taken relative to it. The working directory, as the empty path,
   * unless an embedding (the Maven plugin: the module's base directory) names another.
   */
  Path directory = Path.of("");

  /** The application's configuration once read, so that it is read once per run. */
  private ApplicationConfig applicationConfig;

  @Option(scope = ScopeType.INHERIT, names = "--migrations", paramLabel = "DIR",
      description = "Flyway migrations directory (default: the application's first spring.flyway.locations "
          + "directory, filesystem:DIR or classpath:PATH under src/main/resources, else " + DEFAULT_MIGRATIONS + ").")
  Path migrations;

  @Option(scope = ScopeType.INHERIT, names = "--changelog", paramLabel = "FILE",
      description = "A Liquibase project's master changelog, replayed with Liquibase (default: the application's "
          + "spring.liquibase.change-log, else src/main/resources/db/changelog/db.changelog-master.yaml (.yml, .xml, "
          + ".json, .sql) or config/liquibase/master.xml when one exists).")
  Path changelog;

  @Option(scope = ScopeType.INHERIT, names = "--contexts", paramLabel = "EXPRESSION",
      description = "Liquibase contexts the changelog is applied with (default: the application's spring.liquibase.contexts).")
  String contexts;

  @Option(scope = ScopeType.INHERIT, names = "--labels", paramLabel = "EXPRESSION",
      description = "Liquibase label filter the changelog is applied with (default: the application's "
          + "spring.liquibase.label-filter).")
  String labels;

  @Option(scope = ScopeType.INHERIT, names = "--author", paramLabel = "NAME",
      description = "In a Liquibase project: the author of the changesets generate writes (default: git's user.name).")
  String author;

  @Option(scope = ScopeType.INHERIT, names = "--changelog-format", paramLabel = "FORMAT",
      description = "In a Liquibase project: the format of the changelog generate writes, xml, yaml, json or sql "
          + "(default: the master changelog's).")
  String changelogFormat;

  @Option(scope = ScopeType.INHERIT, names = "--base", paramLabel = "REF",
      description = "check, verify and rebase: the git ref this branch merges into, e.g. origin/main; check and "
          + "verify report the migrations this branch adds whose version is not above the base's highest, rebase "
          + "renumbers them.")
  String base;

  @Option(scope = ScopeType.INHERIT, names = "--rename", paramLabel = "OLD=NEW",
      description = "Confirm a rename: table.old_column=new_column or old_table=new_table. Repeatable.")
  List<String> renames = new ArrayList<>();

  @Option(scope = ScopeType.INHERIT, names = "--renames-file", paramLabel = "FILE",
      description = "Confirmed renames, one old=new per line as --rename takes them, merged with --rename "
          + "(default: " + RenamesFile.DEFAULT_NAME + "; none when it does not exist).")
  Path renamesFile;

  @Option(scope = ScopeType.INHERIT, names = "--no-input",
      description = "Never ask on the terminal (generate asks about suspected renames when run on one).")
  boolean noInput;

  @Option(scope = ScopeType.INHERIT, names = "--dev-url", paramLabel = "JDBC_URL|docker",
      description = "Replay mode's dev database server: a JDBC URL, or 'docker' (Testcontainers). "
          + "Default without --url: an embedded PostgreSQL.")
  String devUrl;

  @Option(scope = ScopeType.INHERIT, names = {"-v", "--verbose"},
      description = "Show stack traces of errors, and which Hibernate read the entities.")
  boolean verbose;

  @Option(scope = ScopeType.INHERIT, names = "--timings",
      description = "Print to standard error how many milliseconds each phase of check, diff or generate took.")
  boolean timings;

  @Option(scope = ScopeType.INHERIT, names = "--cache-dir", paramLabel = "DIR",
      description = "Where the entity-model and replayed-schema caches live (default: " + DEFAULT_CACHE_DIR + ").")
  Path cacheDir;

  @Option(scope = ScopeType.INHERIT, names = "--no-cache",
      description = "Neither read nor write the caches: read the entities and replay the migrations afresh.")
  boolean noCache;

  @Option(scope = ScopeType.INHERIT, names = "--baseline", paramLabel = "FILE",
      description = "The accepted differences that check, diff and generate leave out, as autogen baseline "
          + "records them (default: " + DEFAULT_BASELINE + "; none when it does not exist).")
  Path baseline;

  @Option(scope = ScopeType.INHERIT, names = "--drop-unmanaged", split = ",", paramLabel = "KIND",
      description = "Drop these kinds of objects that only the database has (default: none, they are reported "
          + "as unmanaged and left alone): indexes, uniques, primary-keys, checks, defaults, comments, library-tables "
          + "(the tables of Spring Integration, Spring Batch, Spring Session, Quartz or ShedLock when on the class "
          + "path), or all.")
  List<String> dropUnmanaged = new ArrayList<>();

  @Option(scope = ScopeType.INHERIT, names = "--keep-stricter-database",
      description = "Leave a column as it is where the database is stricter than the entities (NOT NULL where "
          + "they allow null, a shorter varchar, a smaller number type); such differences are then reported only.")
  boolean keepStricterDatabase;

  @Option(scope = ScopeType.INHERIT, names = "--converge-serial",
      description = "Turn serial columns into the identity columns the entities declare (by default a serial "
          + "column counts as equal to GENERATED BY DEFAULT AS IDENTITY).")
  boolean convergeSerial;

  @Option(scope = ScopeType.INHERIT, names = "--quoted-identifiers",
      description = "Read the entities with hibernate.globally_quoted_identifiers=true, as the application does.")
  boolean quotedIdentifiers;

  @Option(scope = ScopeType.INHERIT, names = "--no-probe",
      description = "Live mode: do not measure hazards on the data (rows a drop loses, NULLs, duplicates, orphans).")
  boolean noProbe;

  @Option(scope = ScopeType.INHERIT, names = "--fail-on", paramLabel = "caution|dangerous",
      description = "CI gate: exit 1 when a hazard of this risk or worse is found (check: instead of on any drift; "
          + "diff: after printing; generate: and write nothing).")
  String failOn;

  @Option(scope = ScopeType.INHERIT, names = "--allow", split = ",", paramLabel = "HAZARD",
      description = "Hazard codes the --fail-on gate accepts, e.g. INDEX_BUILD_BLOCKS_WRITES,BACKWARD_INCOMPATIBLE.")
  List<String> allow = new ArrayList<>();

  @Option(scope = ScopeType.INHERIT, names = "--online",
      description = "Write an online-safe plan (PostgreSQL): indexes CONCURRENTLY in a non-transactional migration, "
          + "constraints NOT VALID then validated, SET NOT NULL over a validated check, timeouts, and renames and "
          + "drops as expand/contract with a contract migration for a later release.")
  boolean online;

  @Option(scope = ScopeType.INHERIT, names = "--recreate-dependent-views",
      description = "Drop the views and materialized views that read a column whose type the plan changes before "
          + "the change, and create them again after it from their catalog definitions (with options, comment "
          + "and indexes; not with --online).")
  boolean recreateDependentViews;

  @Option(scope = ScopeType.INHERIT, names = "--lock-timeout", paramLabel = "TIME", defaultValue = "5s",
      description = "With --online: the lock_timeout each migration sets (ms, s, min, h; default 5s).")
  String lockTimeout;

  @Option(scope = ScopeType.INHERIT, names = "--statement-timeout", paramLabel = "TIME", defaultValue = "0",
      description = "With --online: the statement_timeout each migration sets (default 0: none, as concurrent "
          + "index builds, validations and backfills may rightly run long under weak locks).")
  String statementTimeout;

  @Option(scope = ScopeType.INHERIT, names = "--fill", paramLabel = "TABLE.COLUMN=SQL",
      description = "Backfill a column the plan adds as NOT NULL (or makes NOT NULL) with this SQL expression over "
          + "the row, e.g. --fill 'customer.slug=lower(name)': added nullable, filled (in batches with --online), "
          + "then set NOT NULL. Repeatable.")
  List<String> fills = new ArrayList<>();

  // --- Flyway Java migrations (generate --java): options, then javaSourceRoot()/javaPackage() below ---
  @Option(scope = ScopeType.INHERIT, names = "--java",
      description = "generate: write the migration as a Flyway Java migration (V<n>__<slug>.java extending "
          + "BaseJavaMigration, statements run through JDBC, --fill backfills as batched loops committing per batch) "
          + "instead of SQL files; no undo class (Flyway's community edition rejects U classes).")
  boolean javaOutput;

  @Option(scope = ScopeType.INHERIT, names = "--java-source", paramLabel = "DIR",
      description = "The Java source root Java migrations go to (default: " + DEFAULT_JAVA_SOURCE + ").")
  Path javaSource;

  @Option(scope = ScopeType.INHERIT, names = "--java-package", paramLabel = "PACKAGE",
      description = "The package of Java migrations, that of Flyway's location classpath:db/migration by default "
          + "(default: " + dev.autogen.codegen.flyway.FlywayJavaLayout.DEFAULT_PACKAGE + ").")
  String javaPackage;

  /** Where Java migrations go by default, relative to the project directory. */
  static final String DEFAULT_JAVA_SOURCE = "src/main/java";

  /** @return {@code --java-source}, else {@value #DEFAULT_JAVA_SOURCE}, in the project directory */
  Path javaSourceRoot() {
    return directory.resolve(javaSource == null ? Path.of(DEFAULT_JAVA_SOURCE) : javaSource);
  }

  /**
   * @return {@code --java-package}, else {@value dev.autogen.codegen.flyway.FlywayJavaLayout#DEFAULT_PACKAGE}
   * @throws AutogenException with {@link ExitCode#USAGE} when it is not a Java package name
   */
  String javaPackage() {
    String name = javaPackage == null ? dev.autogen.codegen.flyway.FlywayJavaLayout.DEFAULT_PACKAGE : javaPackage.trim();
    if (!dev.autogen.codegen.flyway.FlywayJavaLayout.isPackageName(name)) {
      throw new AutogenException(ExitCode.USAGE, "--java-package '" + name + "' is not a Java package name "
          + "(identifiers separated by dots, e.g. db.migration)");
    }
    return name;
  }
  // --- end of Flyway Java migrations ---

  /** The top-level command, whose error stream the timings go to. */
  @Spec(Spec.Target.MIXEE) CommandSpec command;

  /**
   * @return the password from {@code --password} (asked for when it has no value: {@link
   *     PasswordPrompt}, never on standard output), else {@code AUTOGEN_PASSWORD}, else null
   */
  String password() {
    if (PasswordPrompt.ASK.equals(password)) {
      if (asked == null) {
        asked = PasswordPrompt.ask(command.commandLine().getErr());
      }
      return asked;
    }
    if (password != null && !password.isEmpty()) {
      return password;
    }
    String env = System.getenv("AUTOGEN_PASSWORD");
    return env == null || env.isEmpty() ? null : env;
  }

  /**
   * @return every secret this run knows without asking: the {@code --password} value (once given or
   *     asked for), {@code AUTOGEN_PASSWORD}, and the passwords inside {@code --url} and {@code
   *     --dev-url} ({@link dev.autogen.introspect.JdbcUrls#passwords}); what no output may show
   */
  List<String> secrets() {
    List<String> secrets = new ArrayList<>();
    if (password != null && !PasswordPrompt.ASK.equals(password)) {
      secrets.add(password);
    }
    if (asked != null) {
      secrets.add(asked);
    }
    String env = System.getenv("AUTOGEN_PASSWORD");
    if (env != null) {
      secrets.add(env);
    }
    secrets.addAll(dev.autogen.introspect.JdbcUrls.passwords(url));
    secrets.addAll(dev.autogen.introspect.JdbcUrls.passwords(devUrl));
    if (applicationConfig != null) {
      // what the application's configuration declares as secrets, once it was read without error
      applicationConfig.effective().stream().filter(s -> ApplicationConfig.isSecret(s.key())).forEach(s -> {
        secrets.add(s.value());
        try {
          secrets.add(applicationConfig.resolve(s));
        } catch (AutogenException unresolved) {
          // a placeholder without a value: its raw text is already listed
        }
      });
    }
    secrets.removeIf(String::isEmpty);
    return secrets;
  }

  /**
   * With {@code --verbose}, prints one line on standard error: what the run used (e.g. which Hibernate
   * read the entities). Without it, nothing.
   *
   * @param line the line, without its line break
   */
  void verbose(String line) {
    if (verbose) {
      java.io.PrintWriter err = command.commandLine().getErr();
      err.println(line);
      err.flush();
    }
  }

  /** The timings of this run, made on first use. */
  private Timings timingsOfRun;

  /**
   * @return the timings of this run, one for all its phases (verify's stairway and its comparison print on
   *     one line): printing to standard error with {@code --timings}, else silent
   */
  synchronized Timings timings() {
    if (timingsOfRun == null) {
      timingsOfRun = timings ? Timings.printingTo(command.commandLine().getErr()) : Timings.silent();
    }
    return timingsOfRun;
  }

  /**
   * @return the cache in {@code --cache-dir} (default {@value #DEFAULT_CACHE_DIR}), tied to this build
   *     of autogen: its version and, for a snapshot, the jars of the modules whose output is cached
   *     (cli, model, metadata, introspect); off with {@code --no-cache}
   */
  CatalogCache cache() {
    if (noCache) {
      return CatalogCache.off();
    }
    String build = AutogenBuild.identity(VersionProvider.version(),
        List.of(Main.class, Catalog.class, HibernateEntityReader.class, PostgresIntrospector.class));
    return CatalogCache.in(cacheDirectory(), build);
  }

  /** @return {@code --cache-dir}, else {@value #DEFAULT_CACHE_DIR}; also home of temporary files */
  Path cacheDirectory() {
    return directory.resolve(cacheDir == null ? Path.of(DEFAULT_CACHE_DIR) : cacheDir);
  }

  /** @return the baseline file: {@code --baseline}, else {@value #DEFAULT_BASELINE} in the working directory */
  Path baselineFile() {
    return directory.resolve(baseline == null ? Path.of(DEFAULT_BASELINE) : baseline);
  }

  /**
   * @return the baseline file to read, as {@link #baselineFile()}
   * @throws AutogenException with {@link ExitCode#USAGE} when {@code --baseline} (or {@code baseline=} in
   *     autogen.properties) names a file that does not exist: only the default file may be absent
   */
  Path existingBaselineFile() {
    requireExists("--baseline", baseline == null ? null : baselineFile(),
        "record one with autogen baseline --reason \"...\"");
    return baselineFile();
  }

  private static void requireExists(String option, Path named, String remedy) {
    if (named != null && !Files.exists(named)) {
      throw new AutogenException(ExitCode.USAGE, option + " " + named + ": no such file (" + remedy
          + ", or leave the option out)");
    }
  }

  /**
   * The table filter of {@code --include-tables} and {@code --exclude-tables}, the one both catalogs
   * pass ({@link TableFilter}: the database's as it is read, the entities' once read).
   *
   * @return the filter
   * @throws AutogenException with {@link ExitCode#USAGE} when a pattern is not a valid glob
   */
  TableFilter tableFilter() {
    checkGlobs("--include-tables", includeTables);
    checkGlobs("--exclude-tables", excludeTables);
    return TableFilter.of(includeTables, excludedTables());
  }

  private static void checkGlobs(String option, List<String> globs) {
    try {
      TableFilter.of(globs, List.of());
    } catch (IllegalArgumentException e) {
      throw new AutogenException(ExitCode.USAGE, option + ": " + e.getMessage(), e);
    }
  }

  /**
   * @return the entity reading options, with the application's Hibernate settings ({@link
   *     ApplicationConfig#hibernateSettings()})
   * @throws AutogenException with {@link ExitCode#USAGE} when the application's configuration is malformed
   */
  EntityModelOptions entityOptions() {
    List<String> schemas = schemas();
    EntityModelOptions options = new EntityModelOptions(classpathEntries(), packages(), naming(),
        schemas.isEmpty() ? null : schemas.get(0), quotedIdentifiers, applicationConfig().hibernateSettings());
    return applicationClassPath().select(options, applicationConfig().unit().orElse(null));
  }

  /**
   * @return {@code --packages}; else a Quarkus application's {@code quarkus.hibernate-orm.packages} (its
   *     default persistence unit's entity packages, comma-separated); else empty (the default scan)
   */
  List<String> packages() {
    if (!packages.isEmpty()) {
      return packages;
    }
    return applicationConfig().list("quarkus.hibernate-orm.packages");
  }

  /**
   * @return {@code --schema}; else the application's {@code hibernate.default_schema} (from any of its
   *     sources, {@link ApplicationConfig#hibernateSettings()}), where its Hibernate puts unqualified
   *     tables; else empty ({@code public})
   */
  List<String> schemas() {
    if (!schemas.isEmpty()) {
      return schemas;
    }
    String fromApplication = applicationConfig().hibernateSettings().get("hibernate.default_schema");
    return fromApplication == null || fromApplication.isBlank() ? List.of() : List.of(fromApplication.trim());
  }

  /** @return the entries of the application's class path ({@link #applicationClassPath()}) */
  private List<Path> classpathEntries() {
    return applicationClassPath().entries();
  }

  /**
   * @return the application's class path, found once: {@code --classpath}; else, when {@code --project}
   *     (default: the working directory) holds a {@code pom.xml}, what its Maven build resolves ({@link
   *     MavenClassPath}); else {@code target/classes}
   * @throws AutogenException with {@link ExitCode#USAGE} when {@code --project} holds no pom.xml, or as
   *     {@link MavenClassPath#resolve}
   */
  ApplicationClassPath applicationClassPath() {
    if (applicationClassPath == null) {
      java.util.Optional<MavenProject> maven = mavenProject();
      if (classpath != null) {
        applicationClassPath = ApplicationClassPath.given(Arrays.stream(classpath.split("[" + File.pathSeparator + ",]"))
            .map(String::trim).filter(s -> !s.isEmpty()).map(directory::resolve).toList());
      } else if (maven.isPresent()) {
        MavenClassPath.Resolved resolved = MavenClassPath.resolve(maven.get(), cache(), verbose ? this::verbose : null);
        verbose("autogen: class path from the Maven build of " + maven.get().pom() + " (" + resolved.note() + "): "
            + resolved.outputDirectories().size() + " output directory, " + resolved.dependencies().size()
            + " dependencies");
        applicationClassPath = ApplicationClassPath.maven(resolved);
      } else {
        applicationClassPath = ApplicationClassPath.given(List.of(directory.resolve("target/classes")));
      }
    }
    return applicationClassPath;
  }

  /**
   * @return the Maven project whose build gives the class path: none with {@code --classpath}; else the
   *     one in {@code --project}, else in the working directory when it holds a pom.xml
   * @throws AutogenException with {@link ExitCode#USAGE} when {@code --project} holds no pom.xml
   */
  private java.util.Optional<MavenProject> mavenProject() {
    if (classpath != null) {
      return java.util.Optional.empty();
    }
    java.util.Optional<MavenProject> maven = MavenProject.in(project == null ? directory : directory.resolve(project));
    if (maven.isEmpty() && project != null) {
      throw new AutogenException(ExitCode.USAGE, "--project " + project + ": no pom.xml there (pass the directory "
          + "of the Maven project, or --classpath)");
    }
    return maven;
  }

  /**
   * @return where the application's configuration files are looked up: the class path; in a Maven
   *     project whose class path is not given, its output directory alone, where its build copies its
   *     resources ({@code application.yml}, {@code hibernate.properties}, {@code META-INF/persistence.xml}),
   *     so that reading the configuration never starts Maven
   */
  private List<Path> configurationEntries() {
    return mavenProject().map(m -> List.of(m.outputDirectory())).orElseGet(this::classpathEntries);
  }

  /**
   * @return the application's configuration, read once: from the class path ({@link
   *     #configurationEntries()}), the working
   *     directory, {@code --profile}, the environment, the system properties and the {@code hibernate.*}
   *     keys of autogen.properties ({@link ApplicationConfigReader})
   * @throws AutogenException with {@link ExitCode#USAGE} when a file of it is malformed
   */
  ApplicationConfig applicationConfig() {
    if (applicationConfig == null) {
      Map<String, String> properties = new TreeMap<>();
      System.getProperties().stringPropertyNames().forEach(k -> properties.put(k, System.getProperty(k)));
      applicationConfig = ApplicationConfigReader.read(new ApplicationConfigReader.Inputs(configurationEntries(),
          directory, profiles, System.getenv(), properties,
          projectProperties == null ? List.of() : projectProperties.hibernateSettings(), persistenceUnit));
    }
    return applicationConfig;
  }

  /**
   * @return {@code --naming}; else the application's {@value ApplicationConfig#SPRING_PHYSICAL_NAMING}
   *     or {@value ApplicationConfig#QUARKUS_PHYSICAL_NAMING};
   *     else {@code spring} when the application has a Spring Boot configuration file (Spring Boot then
   *     configures {@code CamelCaseToUnderscoresNamingStrategy} and {@code SpringImplicitNamingStrategy},
   *     "Configure Hibernate Naming Strategy" in Spring Boot's how-to guides); else {@code hibernate}
   */
  String naming() {
    if (naming != null && !naming.isBlank()) {
      return naming;
    }
    ApplicationConfig app = applicationConfig();
    return app.value(ApplicationConfig.SPRING_PHYSICAL_NAMING).filter(v -> !v.isBlank())
        .or(() -> app.value(ApplicationConfig.QUARKUS_PHYSICAL_NAMING).filter(v -> !v.isBlank()))
        .orElse(app.springBoot() ? EntityModelOptions.SPRING_NAMING : EntityModelOptions.HIBERNATE_NAMING);
  }

  /**
   * @return {@code --flyway-schema}; else the application's {@code spring.flyway.default-schema}; else
   *     the first of its {@code spring.flyway.schemas} (Flyway's rule: "defaultSchema ... Default: the
   *     first schema listed in schemas"); else null (the mode's own default)
   */
  String flywaySchema() {
    if (flywaySchema != null && !flywaySchema.isBlank()) {
      return flywaySchema;
    }
    ApplicationConfig app = applicationConfig();
    return app.value("spring.flyway.default-schema").filter(v -> !v.isBlank())
        .or(() -> app.list("spring.flyway.schemas").stream().findFirst()).orElse(null);
  }

  /**
   * @return {@code --migrations}; else the directory of the application's first {@code
   *     spring.flyway.locations} entry ({@link FlywayLocations}); else {@value #DEFAULT_MIGRATIONS}
   */
  Path migrationsDirectory() {
    if (migrations != null) {
      return directory.resolve(migrations);
    }
    return directory.resolve(FlywayLocations.directory(applicationConfig().list("spring.flyway.locations"))
        .orElse(Path.of(DEFAULT_MIGRATIONS)));
  }

  /**
   * @return the CI gate of {@code --fail-on} and {@code --allow}; {@link RiskGate#none()} without {@code --fail-on}
   * @throws AutogenException with {@link ExitCode#USAGE} when a value is not a risk or hazard code
   */
  RiskGate gate() {
    Set<Hazard> allowed = EnumSet.noneOf(Hazard.class);
    for (String code : allow) {
      try {
        allowed.add(Hazard.valueOf(code.trim().toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new AutogenException(ExitCode.USAGE, "--allow: unknown hazard code '" + code + "' (codes: "
            + Arrays.stream(Hazard.values()).map(Hazard::name).collect(Collectors.joining(", ")) + ")");
      }
    }
    if (failOn == null) {
      return allowed.isEmpty() ? RiskGate.none() : new RiskGate(null, allowed);
    }
    Risk risk = switch (failOn.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "caution" -> Risk.CAUTION;
      case "dangerous" -> Risk.DANGEROUS;
      default -> throw new AutogenException(ExitCode.USAGE,
          "--fail-on must be caution or dangerous, not '" + failOn + "'");
    };
    return new RiskGate(risk, allowed);
  }

  /**
   * @return how the database is compared with the entities: confirmed renames ({@code --rename} and
   *     the renames file, {@link #renames()}) and the policies for
   *     unmanaged objects, stricter columns and serial columns
   * @throws AutogenException with {@link ExitCode#USAGE} when {@code --drop-unmanaged} names an unknown kind
   */
  DiffOptions diffOptions() {
    return diffOptions(List.of());
  }

  /** @return the renames file: {@code --renames-file}, else {@value RenamesFile#DEFAULT_NAME} in the working directory */
  Path renamesFile() {
    return directory.resolve(renamesFile == null ? Path.of(RenamesFile.DEFAULT_NAME) : renamesFile);
  }

  /**
   * @return the confirmed renames: {@code --rename}, then the renames file's
   * @throws AutogenException with {@link ExitCode#USAGE} when {@code --renames-file} names a file that
   *     does not exist, when the renames file cannot be read or a line of it is not {@code old=new}
   */
  List<String> renames() {
    requireExists("--renames-file", renamesFile == null ? null : renamesFile(), "create it with one old=new per line");
    return RenamesFile.merge(renames, RenamesFile.read(renamesFile()));
  }

  /**
   * @param confirmed renames confirmed besides {@code --rename} and the renames file (on the terminal)
   * @return as {@link #diffOptions()}, with those renames too
   * @throws AutogenException as {@link #diffOptions()} and {@link #renames()} do, and with {@link
   *     ExitCode#USAGE} for {@code --recreate-dependent-views} with {@code --online}: an online plan
   *     spreads the change over migrations of its own (expand, concurrent steps, contract), between
   *     which the views would be missing for the running application
   */
  DiffOptions diffOptions(List<String> confirmed) {
    if (recreateDependentViews && online) {
      throw new AutogenException(ExitCode.USAGE, "--recreate-dependent-views cannot be combined with --online: the "
          + "views would be missing between the online migrations; generate the view change without --online");
    }
    List<String> all = new ArrayList<>(renames());
    all.addAll(confirmed);
    Set<UnmanagedKind> kinds = EnumSet.noneOf(UnmanagedKind.class);
    for (String label : dropUnmanaged) {
      if (label.trim().equalsIgnoreCase("all")) {
        kinds.addAll(UnmanagedKind.allDroppable());
        continue;
      }
      try {
        kinds.add(UnmanagedKind.droppable(label));
      } catch (IllegalArgumentException e) {
        throw new AutogenException(ExitCode.USAGE, "--drop-unmanaged: " + e.getMessage());
      }
    }
    return DiffOptions.forEntities(PostgresDialect.INSTANCE, all)
        .withDropUnmanaged(kinds)
        .withKeepStricterDatabase(keepStricterDatabase)
        .withConvergeSerial(convergeSerial)
        .withFills(OnlineCliOptions.fills(fills))
        .withRecreateDependentViews(recreateDependentViews)
        .withLibraryTables(LibraryTables.tables(libraries()));
  }

  /**
   * @return the libraries on {@code --classpath} whose own tables are left alone ({@link LibraryTables}),
   *     found once per run
   * @throws AutogenException with {@link ExitCode#USAGE} when a jar cannot be read
   */
  List<LibraryTables.Found> libraries() {
    if (libraries == null) {
      libraries = LibraryTables.onClassPath(classpathEntries(), applicationConfig(), PostgresDialect.INSTANCE);
    }
    return libraries;
  }

  /**
   * @return how the plan is rendered: {@code --online}, its timeouts, and the backfills
   * @throws AutogenException with {@link ExitCode#USAGE} when a timeout or {@code --fill} is malformed
   */
  dev.autogen.codegen.postgres.online.OnlineOptions onlineOptions() {
    return OnlineCliOptions.of(online, lockTimeout, statementTimeout, fills);
  }

  /** @return the introspection options */
  IntrospectOptions introspectOptions() {
    return new IntrospectOptions(schemas(), includeTables, excludedTables());
  }

  /**
   * @return {@code --exclude-tables}, and the application's Flyway history table when it names one
   *     other than {@value FlywayMigrations#HISTORY_TABLE} ({@link #historyTable()}): like Flyway's
   *     default one, it is the migration tool's own table, never diffed
   */
  private List<String> excludedTables() {
    String history = historyTable();
    if (history == null) {
      return excludeTables;
    }
    List<String> excluded = new ArrayList<>(excludeTables);
    // a literal name as a glob: each of the glob's special characters taken literally
    excluded.add(history.replaceAll("([\\\\*?\\[\\]])", "\\\\$1"));
    return excluded;
  }

  /** @return the application's {@code spring.flyway.table} when set and not blank, else null (Flyway's default) */
  String historyTable() {
    return applicationConfig().value("spring.flyway.table").map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
  }

  /**
   * @param required whether a missing directory is an error (replay mode, generate) or just absent
   * @return the migrations directory, or null when it is not required and does not exist
   * @throws AutogenException with {@link ExitCode#USAGE} when it is required or named explicitly but
   *     missing, or required in a Liquibase project ({@link #liquibaseChangelog()})
   */
  FlywayMigrations migrations(boolean required) {
    Optional<LiquibaseChangelog> liquibase = changelog != null || migrations == null ? liquibaseChangelog() : Optional.empty();
    if (liquibase.isPresent()) {
      if (!required) {
        return null;
      }
      throw new AutogenException(ExitCode.USAGE, "this project keeps its schema history in Liquibase ("
          + liquibase.get().path() + "): generate, check and diff work on it, but this command works on Flyway "
          + "migrations only; pass --migrations DIR for a Flyway directory");
    }
    Path dir = migrationsDirectory();
    if (!required && migrations == null && !Files.isDirectory(dir)) {
      return null;
    }
    // the schemas a replay lets Flyway create: --schema, else the application's spring.flyway.schemas, as its Flyway does
    List<String> flywaySchemas = schemas.isEmpty() ? applicationConfig().list("spring.flyway.schemas") : schemas;
    return new FlywayMigrations(dir, flywaySchemas, flywaySchema(), historyTable())
        .withNaming(FlywayNamingSettings.of(applicationConfig()));
  }

  /**
   * The application's own login for its own database: {@code spring.datasource.username} or {@code
   * password}, taken only when {@code --url} is exactly the application's {@code spring.datasource.url},
   * so that its credentials go to no other server. The application's URL itself is never a default of
   * {@code --url}: that would turn a replay run into a live one against whatever database the
   * application's configuration (or its environment) points at.
   *
   * @param what {@code username} or {@code password}
   * @return the value, or null
   */
  private String applicationLogin(String what) {
    ApplicationConfig app = applicationConfig();
    boolean same = url != null && app.value("spring.datasource.url").map(String::trim).filter(url.trim()::equals).isPresent();
    return same ? app.value("spring.datasource." + what).filter(v -> !v.isEmpty()).orElse(null) : null;
  }

  /**
   * @param migrationsRequired whether the migrations directory must exist
   * @return where the current schema comes from: live mode with {@code --url}, else replay mode
   */
  CurrentSchema currentSchema(boolean migrationsRequired) {
    DatabaseLogin login = liveLogin();
    Optional<LiquibaseChangelog> liquibase = liquibaseChangelog();
    return new CurrentSchema(login, devUrl, user, password(),
        liquibase.isPresent() ? null : migrations(migrationsRequired || login == null), liquibase.orElse(null),
        introspectOptions());
  }

  /**
   * @return the changelog of a Liquibase project ({@link LiquibaseProject}); empty with {@code --migrations}
   *     (a Flyway directory named explicitly) or when the project has none
   * @throws AutogenException with {@link ExitCode#USAGE} when the changelog named does not exist, or when a
   *     conventional changelog and the Flyway migrations directory both exist (which one is the history
   *     is then the user's to say)
   */
  Optional<LiquibaseChangelog> liquibaseChangelog() {
    if (changelog == null && migrations != null) {
      return Optional.empty();
    }
    Optional<LiquibaseChangelog> found = LiquibaseProject.find(directory, changelog, contexts, labels,
        applicationConfig());
    if (found.isPresent() && changelog == null && Files.isDirectory(migrationsDirectory())) {
      throw new AutogenException(ExitCode.USAGE, "the project has both a Liquibase changelog (" + found.get().path()
          + ") and a Flyway migrations directory (" + migrationsDirectory() + "): pass --changelog or --migrations");
    }
    return found;
  }

  /**
   * @return the live database of {@code --url} with its login ({@code --user}, the password, else the
   *     application's own login for its own URL), or null without {@code --url}
   * @throws AutogenException with {@link ExitCode#USAGE} when {@code --url} is not a PostgreSQL JDBC URL
   */
  DatabaseLogin liveLogin() {
    boolean live = url != null && !url.isBlank();
    if (live && !url.startsWith("jdbc:postgresql:")) {
      throw new AutogenException(ExitCode.USAGE,
          "--url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database), not " + dev.autogen.introspect.JdbcUrls.redact(url));
    }
    return live ? new DatabaseLogin(url, user != null ? user : applicationLogin("username"),
        password() != null ? password() : applicationLogin("password")) : null;
  }
}
