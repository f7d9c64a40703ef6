package dev.autogen.cli.source;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import dev.autogen.cli.cache.CatalogCache;
import dev.autogen.cli.cache.ReplayPrefixes;
import dev.autogen.codegen.flyway.ExistingMigration;
import dev.autogen.codegen.flyway.FlywayFileName;
import dev.autogen.codegen.flyway.FlywayNaming;
import dev.autogen.introspect.postgres.PostgresConnections;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.resolver.ResolvedMigration;
import org.flywaydb.core.internal.parser.ParsingContext;
import org.flywaydb.core.internal.resolver.CompositeMigrationResolver;
import org.flywaydb.core.internal.scanner.Scanner;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.flywaydb.database.postgresql.PostgreSQLDatabaseType;

/**
 * A Flyway migrations directory, read and applied with Flyway's own library (so naming, ordering,
 * placeholders and checksums are Flyway's rules, not ours). Every reader of the directory sees the
 * same file set, Flyway's: the replay ({@link #migrate}), the live "not at head" check ({@link
 * #pending}) and the choice of the next version ({@link #existing}) all scan the {@code filesystem:}
 * location with Flyway, subdirectories included, and parse names with Flyway's rules.
 */
public final class FlywayMigrations {

  /** Flyway's default name of its history table ({@code flyway.table}). */
  public static final String HISTORY_TABLE = "flyway_schema_history";

  private final Path directory;
  private final List<String> schemas;
  private final String historySchema;
  private final String historyTable;
  private final FlywayNaming naming;

  /**
   * Migrations whose history Flyway keeps where it does by default.
   *
   * @param directory a directory of Flyway SQL migrations, never null
   * @param schemas the schemas a replay lets Flyway create (its {@code schemas} setting: the first
   *     holds the replay's history table); empty for Flyway's default, the connection's schema
   * @throws AutogenException with {@link ExitCode#USAGE} when it is not a directory
   */
  public FlywayMigrations(Path directory, List<String> schemas) {
    this(directory, schemas, null);
  }

  /**
   * @param directory a directory of Flyway SQL migrations, never null
   * @param schemas the schemas a replay lets Flyway create (its {@code schemas} setting); empty for
   *     none
   * @param historySchema the schema of Flyway's history table, Flyway's {@code defaultSchema} ({@code
   *     --flyway-schema}); null for Flyway's own default: the first of {@code schemas} in a replay, the
   *     connection's current schema ({@code current_schema()}, the first existing schema of its {@code
   *     search_path}) in a live database, as the application's Flyway, configured without schemas,
   *     keeps it (Flyway "Configuration: defaultSchema")
   * @throws AutogenException with {@link ExitCode#USAGE} when it is not a directory
   */
  public FlywayMigrations(Path directory, List<String> schemas, String historySchema) {
    this(directory, schemas, historySchema, null);
  }

  /**
   * @param directory a directory of Flyway SQL migrations, never null
   * @param schemas as {@link #FlywayMigrations(Path, List, String)}
   * @param historySchema as {@link #FlywayMigrations(Path, List, String)}
   * @param historyTable the name of Flyway's history table, Flyway's {@code table} setting (Spring
   *     Boot's {@code spring.flyway.table}); null for {@value #HISTORY_TABLE}
   * @throws AutogenException with {@link ExitCode#USAGE} when it is not a directory
   */
  public FlywayMigrations(Path directory, List<String> schemas, String historySchema, String historyTable) {
    this(directory, schemas, historySchema, historyTable, FlywayNaming.DEFAULT);
  }

  private FlywayMigrations(Path directory, List<String> schemas, String historySchema, String historyTable,
      FlywayNaming naming) {
    if (!directory.toFile().isDirectory()) {
      throw new AutogenException(ExitCode.USAGE,
          "migrations directory " + directory + " does not exist: create it or pass --migrations DIR");
    }
    this.directory = directory.toAbsolutePath();
    this.schemas = List.copyOf(schemas);
    this.historySchema = historySchema == null || historySchema.isBlank() ? null : historySchema.trim();
    this.historyTable = historyTable == null || historyTable.isBlank() ? HISTORY_TABLE : historyTable.trim();
    this.naming = java.util.Objects.requireNonNull(naming, "naming");
  }

  /**
   * @param projectNaming how the project names its migrations (Spring Boot's {@code
   *     spring.flyway.sql-migration-prefix} and the like), never null
   * @return the same directory read, replayed and written with that naming: Flyway is configured with
   *     its prefix, separator and suffixes, undo files are those of its undo prefix
   */
  public FlywayMigrations withNaming(FlywayNaming projectNaming) {
    return new FlywayMigrations(directory, schemas, historySchema, historyTable, projectNaming);
  }

  /** @return how the project names its migrations ({@link FlywayNaming#DEFAULT} unless {@link #withNaming}) */
  public FlywayNaming naming() {
    return naming;
  }

  /**
   * What a live database's Flyway history says about the directory.
   *
   * @param table the history table read, schema-qualified ({@code public.flyway_schema_history})
   * @param applied how many migrations it records as applied
   * @param pending the file names of versioned migrations of the directory it lacks, in order
   */
  public record History(String table, int applied, List<String> pending) {

    /** Copies the list. */
    public History {
      pending = List.copyOf(pending);
    }
  }

  /** @return the directory */
  public Path directory() {
    return directory;
  }

  /**
   * The versioned ({@code V}) and undo ({@code U}) SQL migrations of the directory and its
   * subdirectories, resolved without a database by Flyway's own resolver (its scanner of the {@code
   * filesystem:} location and its name parser: {@code V1_1__x.sql} is version {@code 1.1}, {@code
   * R__x.sql} is repeatable and has none, other files are not migrations), under the project's {@link
   * #naming()}. Flyway's community edition does not apply undo files (its configuration API has no undo
   * prefix), so they are resolved as versioned migrations under the undo prefix ({@code U}).
   * Flyway's resolver lives in its {@code internal} packages: its public API resolves only through
   * {@code info()}, which needs a database connection.
   *
   * @return the migrations, versioned ones first, each in Flyway's version order
   * @throws AutogenException with {@link ExitCode#USAGE} when Flyway rejects the directory, e.g. two
   *     migrations of one version (in different subdirectories)
   */
  public List<ExistingMigration> existing() {
    return existing(resolved(naming.prefix()));
  }

  /** @return {@link #existing()}, with the migrations resolved under the project's prefix given */
  private List<ExistingMigration> existing(List<ResolvedMigration> underPrefix) {
    List<ExistingMigration> all = new ArrayList<>(existing('V', underPrefix));
    all.addAll(existing('U', resolved(naming.undoPrefix())));
    return all;
  }

  private static List<ExistingMigration> existing(char kind, List<ResolvedMigration> resolved) {
    return resolved.stream()
        .filter(m -> m.getVersion() != null && m.getPhysicalLocation() != null)
        .sorted(Comparator.comparing(ResolvedMigration::getVersion))
        .map(m -> new ExistingMigration(new FlywayFileName(kind, m.getVersion().getVersion(), m.getDescription()),
            Path.of(m.getPhysicalLocation())))
        .toList();
  }

  /**
   * @param prefix the versioned-migration prefix Flyway is configured with
   * @return the migrations Flyway's own resolver finds in the directory under the project's naming
   * @throws AutogenException with {@link ExitCode#USAGE} when Flyway rejects the directory
   */
  private List<ResolvedMigration> resolved(String prefix) {
    FluentConfiguration config = configure().sqlMigrationPrefix(prefix);
    try {
      Scanner<JavaMigration> scanner = new Scanner<>(JavaMigration.class, config, config.getLocations());
      ParsingContext parsing = new ParsingContext();
      CompositeMigrationResolver resolver = new CompositeMigrationResolver(scanner, scanner, config, null,
          new PostgreSQLDatabaseType().createSqlScriptFactory(config, parsing), parsing, null);
      return List.copyOf(resolver.resolveMigrations(config));
    } catch (FlywayException e) {
      throw new AutogenException(ExitCode.USAGE,
          "the migrations in " + directory + " are not valid for Flyway: " + reason(e), e);
    }
  }

  /**
   * What a replay that may start from a snapshot needs to know of the directory, from one resolution of it
   * (Flyway's resolver reads and checksums every file: 45 ms for 300 migrations once warm, several times
   * that in a new JVM).
   *
   * @param fromNothing why the replay must start from an empty database ({@link #whyReplayFromNothing}), or
   *     empty when it may continue a snapshot
   * @param prefixes the states the replay passes through, named by what decides them ({@link
   *     ReplayPrefixes}: the versioned migrations, every other file Flyway may read, the naming, the schemas
   *     and the history table); null when {@code fromNothing} is present
   */
  public record ReplayStates(Optional<String> fromNothing, ReplayPrefixes prefixes) {}

  /**
   * @param cache the cache that seeds the hashes, never null
   * @param schemas the replay's schemas as one text, never null
   * @return why the replay must start from nothing ({@link #whyReplayFromNothing}) or, when it may continue a
   *     snapshot, the states it passes through
   * @throws AutogenException with {@link ExitCode#USAGE} when Flyway rejects the directory
   */
  public ReplayStates replayStates(CatalogCache cache, String schemas) {
    List<ResolvedMigration> resolved = resolved(naming.prefix());
    Optional<String> fromNothing = whyReplayFromNothing(resolved);
    return new ReplayStates(fromNothing, fromNothing.isPresent() ? null : prefixes(cache, schemas, resolved));
  }

  /**
   * @return the states a replay of the directory passes through ({@link ReplayPrefixes}), named by what
   *     decides them: the versioned migrations, every other file Flyway may read, the naming, the schemas
   *     and the history table
   */
  private ReplayPrefixes prefixes(CatalogCache cache, String schemas, List<ResolvedMigration> underPrefix) {
    List<ExistingMigration> all = existing(underPrefix);
    return ReplayPrefixes.of(cache, directory,
        all.stream().filter(m -> m.name().prefix() == 'V').toList(),
        all.stream().filter(m -> m.name().prefix() == 'U').toList(),
        "naming " + naming + "; schemas " + String.join(",", this.schemas) + " " + schemas + "; history "
            + historySchema + "." + historyTable);
  }

  /**
   * Flyway callback events that fire once per {@code migrate} (or per connection, per validation, per schema
   * created) rather than once per migration: a replay continued from a snapshot fires them again after the
   * snapshot's migrations, where a replay from nothing fires them once, before or after all of them.
   */
  private static final Set<Event> PER_RUN_EVENTS = EnumSet.of(
      Event.BEFORE_MIGRATE, Event.BEFORE_REPEATABLES,
      Event.AFTER_VERSIONED, Event.AFTER_MIGRATE_APPLIED,
      Event.AFTER_MIGRATE, Event.AFTER_MIGRATE_ERROR,
      Event.AFTER_MIGRATE_OPERATION_FINISH,
      Event.BEFORE_VALIDATE, Event.AFTER_VALIDATE,
      Event.AFTER_VALIDATE_ERROR,
      Event.AFTER_VALIDATE_OPERATION_FINISH,
      Event.CREATE_SCHEMA, Event.BEFORE_CREATE_SCHEMA,
      Event.BEFORE_CONNECT, Event.AFTER_CONNECT);

  /**
   * Whether a replay may start from a database holding a prefix of the history (a replay snapshot) and give
   * what a replay from nothing gives. It may not when the directory holds
   *
   * <ul>
   *   <li>a repeatable migration ({@code R__}): Flyway applies it after the versioned ones and again only
   *       when its checksum changes, so continuing from a snapshot would leave it applied before the new
   *       versioned migrations (a view's {@code select *} missing their columns);
   *   <li>a SQL callback of an event Flyway fires once per {@code migrate} ({@code beforeMigrate}, {@code
   *       afterMigrate}, {@code beforeValidate}, {@code afterConnect}, ...; Flyway, Callbacks: Script
   *       Callbacks, named {@code <event>[<separator><description>]<suffix>}): continuing fires it twice.
   *       Per-migration events ({@code beforeEachMigrate}, ...) fire as they would.
   * </ul>
   *
   * @param underPrefix the directory's migrations as Flyway resolves them under the project's prefix
   * @return why not, as a few words for {@code --timings}; empty when it may
   */
  private Optional<String> whyReplayFromNothing(List<ResolvedMigration> underPrefix) {
    Optional<ResolvedMigration> repeatable = underPrefix.stream()
        .filter(m -> m.getVersion() == null).findFirst();
    if (repeatable.isPresent()) {
      return Optional.of("repeatable migration " + repeatable.get().getScript());
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(java.nio.file.Files::isRegularFile).map(f -> f.getFileName().toString())
          .filter(this::isPerRunCallback).sorted().findFirst().map(name -> "callback " + name);
    } catch (IOException | UncheckedIOException e) {
      return Optional.of("directory not readable: " + e.getMessage());
    }
  }

  /** @return whether the file name is a SQL callback script of an event in {@link #PER_RUN_EVENTS} */
  private boolean isPerRunCallback(String name) {
    for (String suffix : naming.suffixes()) {
      if (name.endsWith(suffix)) {
        String stem = name.substring(0, name.length() - suffix.length());
        int separator = stem.indexOf(naming.separator());
        String id = separator < 0 ? stem : stem.substring(0, separator);
        for (Event event : PER_RUN_EVENTS) {
          if (event.getId().equals(id)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Applies every pending migration (Flyway {@code migrate}).
   *
   * @param login the database to migrate
   * @return how many migrations were applied
   * @throws AutogenException with {@link ExitCode#USAGE} when a migration fails
   */
  public int migrate(DatabaseLogin login) {
    return migrate(login, withHistorySchema());
  }

  /**
   * Applies every pending migration as one Flyway migration group (Flyway's {@code group=true}): one
   * schema-history lock and, when every migration can run in a transaction, one transaction for all of
   * them, instead of a lock, a history refresh and a commit per migration. Flyway still parses and runs
   * each file itself, with its placeholders and callbacks ({@code beforeEachMigrate} and the like fire
   * per migration), and records each in its history table. With {@code mixed} left false, Flyway
   * refuses a group that holds both transactional and non-transactional migrations (a {@code
   * .sql.conf} with {@code executeInTransaction=false}, or a {@code CREATE INDEX CONCURRENTLY}) before
   * running it; a group of only non-transactional ones runs outside a transaction, as each would alone.
   *
   * <p>One transaction is not always what one transaction per migration gives: PostgreSQL refuses an
   * enum value in the transaction that added it, and deferred trigger events block a later {@code ALTER
   * TABLE}. A caller that must give Flyway's own result applies the history again with {@link
   * #migrate(DatabaseLogin)} into an empty database when this fails ({@link FlywayReplay}).
   *
   * @param login the database to migrate, never null
   * @return how many migrations were applied
   * @throws AutogenException with {@link ExitCode#USAGE} when Flyway refuses the group or a migration
   *     fails, with Flyway's message
   */
  public int migrateGrouped(DatabaseLogin login) {
    return migrateGrouped(login, null);
  }

  /**
   * {@link #migrateGrouped(DatabaseLogin)} up to and including one version (Flyway's {@code target}).
   *
   * @param login the database to migrate, never null
   * @param target the last version to apply, or null for every pending migration
   * @return how many migrations were applied
   * @throws AutogenException with {@link ExitCode#USAGE} when Flyway refuses the group or a migration
   *     fails, with Flyway's message
   */
  public int migrateGrouped(DatabaseLogin login, MigrationVersion target) {
    FluentConfiguration config = withHistorySchema().group(true);
    if (target != null) {
      config.target(target);
    }
    try {
      return flyway(login, config).migrate().migrationsExecuted;
    } catch (FlywayException e) {
      throw new AutogenException(ExitCode.USAGE,
          "applying the migrations in " + directory + " as one group failed: " + reason(e), e);
    }
  }

  /**
   * Applies the pending migrations up to and including one version (Flyway {@code migrate} with {@code
   * target}): {@code autogen verify} applies the history one migration at a time.
   *
   * @param login the database to migrate, never null
   * @param target the last version to apply, never null
   * @return how many migrations were applied
   * @throws AutogenException with {@link ExitCode#USAGE} when a migration fails, with Flyway's message
   */
  public int migrate(DatabaseLogin login, MigrationVersion target) {
    return migrate(login, withHistorySchema().target(target));
  }

  /**
   * What one {@link #migrateTimed} call applied.
   *
   * @param millis each versioned migration the call applied, by its version as Flyway spells it ({@code
   *     MigrationVersion.getVersion()}, e.g. {@code 1.1}), with how long Flyway took to run it in
   *     milliseconds (its execution time, as its schema history records it), in the order applied; after
   *     a failure, every versioned migration the schema history records as applied (earlier calls' too,
   *     as Flyway's {@code info} lists them); never null
   * @param failure Flyway's message when its {@code migrate} failed, as {@link #migrate(DatabaseLogin,
   *     MigrationVersion)} words it: a versioned migration (those before it applied, it and those after
   *     did not), or what Flyway runs after them (a repeatable migration, an {@code afterMigrate}
   *     callback: then every versioned migration up to the target is in {@code millis}); empty when
   *     the whole {@code migrate} succeeded
   */
  public record Applied(Map<String, Long> millis, Optional<String> failure) {
    /** Copies the map, keeping its order. */
    public Applied {
      millis = Collections.unmodifiableMap(new LinkedHashMap<>(millis));
    }
  }

  /**
   * Applies the pending migrations up to and including one version (Flyway {@code migrate} with {@code
   * target}), each in its own transaction as Flyway's {@code migrate} runs them, and says how long each
   * took. {@code autogen verify} applies each run of migrations it need not stop between with one call:
   * a Flyway {@code migrate} resolves the whole directory (reads and checksums every file) and validates
   * the schema history, so one call per migration made a history of M migrations cost O(M²) (78 s for
   * 1,000 migrations over 1,000 tables, where Flyway applies them in 14 s).
   *
   * @param login the database to migrate, never null
   * @param target the last version to apply, never null
   * @return the versioned migrations applied and their execution times; a failed migration is reported
   *     in it, not thrown
   * @throws AutogenException with {@link ExitCode#USAGE} when, after a failure, Flyway cannot say which
   *     migrations applied (its {@code info}, e.g. the database went away)
   */
  public Applied migrateTimed(DatabaseLogin login, MigrationVersion target) {
    FluentConfiguration config = withHistorySchema().target(target);
    Map<String, Long> millis = new LinkedHashMap<>();
    try {
      for (MigrateOutput applied : flyway(login, config).migrate().migrations) {
        if (applied.version != null && !applied.version.isEmpty()) {
          millis.put(applied.version, (long) applied.executionTime);
        }
      }
      return new Applied(millis, Optional.empty());
    } catch (FlywayException e) {
      String failure = applyingFailed(e);
      try {
        // the migrate's own configuration: info(DatabaseLogin) looks for a live database's history in its
        // current schema, which is not where a migrate with the project's schemas keeps it
        for (MigrationInfo applied : flyway(login, config).info().applied()) {
          if (applied.getVersion() != null && applied.getState().isApplied() && !applied.getState().isFailed()) {
            millis.put(applied.getVersion().getVersion(),
                applied.getExecutionTime() == null ? 0L : applied.getExecutionTime().longValue());
          }
        }
      } catch (FlywayException info) {
        info.addSuppressed(e);
        throw new AutogenException(ExitCode.USAGE, failure + "; then reading which migrations applied failed: "
            + reason(info), info);
      }
      return new Applied(millis, Optional.of(failure));
    }
  }

  /**
   * Applies every pending migration of the directory and the given Java migrations, which Flyway takes as
   * instances (its {@code javaMigrations} setting) since they are not on autogen's class path.
   *
   * @param login the database to migrate, never null
   * @param java the Java migrations, never null
   * @return how many migrations were applied
   * @throws AutogenException with {@link ExitCode#USAGE} when a migration fails, with Flyway's message
   */
  public int migrate(DatabaseLogin login, JavaMigration... java) {
    return migrate(login, withHistorySchema().javaMigrations(java));
  }

  /** @return the shared configuration ({@link #configure()}) with the history table's schema, when set */
  private FluentConfiguration withHistorySchema() {
    return historySchema == null ? configure() : configure().defaultSchema(historySchema);
  }

  private int migrate(DatabaseLogin login, FluentConfiguration config) {
    try {
      return flyway(login, config).migrate().migrationsExecuted;
    } catch (FlywayException e) {
      throw new AutogenException(ExitCode.USAGE, applyingFailed(e), e);
    }
  }

  /** @return the one line of a failed {@code migrate}: the directory, Flyway's failure and the database's reason */
  private String applyingFailed(FlywayException e) {
    return "applying the migrations in " + directory + " failed: " + reason(e);
  }

  /**
   * The files Flyway reads from the directory under the project's naming: versioned and repeatable
   * migrations as Flyway's resolver finds them, and the undo files (resolved under the undo prefix, as
   * {@link #existing()} does).
   *
   * @return their absolute paths
   * @throws AutogenException with {@link ExitCode#USAGE} as {@link #existing()}, e.g. for two
   *     migrations of one version
   */
  public Set<Path> filesFlywayReads() {
    Set<Path> files = new java.util.HashSet<>();
    for (String prefix : List.of(naming.prefix(), naming.undoPrefix())) {
      resolved(prefix).stream().filter(m -> m.getPhysicalLocation() != null)
          .forEach(m -> files.add(Path.of(m.getPhysicalLocation()).toAbsolutePath()));
    }
    return files;
  }

  /**
   * Runs one SQL script, e.g. an undo file, with Flyway's own parser and executor, as Flyway runs a
   * migration: its statements split by Flyway, in one transaction unless the script's {@code .sql.conf}
   * says {@code executeInTransaction=false}. Flyway's community edition does not run undo migrations,
   * so the script (and its {@code .sql.conf}) is copied into an empty directory as the only versioned
   * migration and migrated under a history table of its own ({@value #SCRIPT_HISTORY_TABLE}, in the
   * schema Flyway keeps its history in), which is dropped afterwards: the database holds only what the
   * script did.
   *
   * @param login the database, never null
   * @param script the script, never null
   * @throws AutogenException with {@link ExitCode#USAGE} when the script fails, with Flyway's message;
   *     with {@link ExitCode#DATABASE} when its history table cannot be dropped
   */
  public void runScript(DatabaseLogin login, Path script) {
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory("autogen-script");
      String name = naming.prefix() + "1" + naming.separator() + "script" + naming.suffix();
      Files.copy(script, scratch.resolve(name));
      Path conf = script.resolveSibling(script.getFileName() + ".conf");
      if (Files.exists(conf)) {
        Files.copy(conf, scratch.resolve(name + ".conf"));
      }
      FluentConfiguration config = Flyway.configure()
          .locations("filesystem:" + scratch)
          .sqlMigrationPrefix(naming.prefix())
          .sqlMigrationSeparator(naming.separator())
          .sqlMigrationSuffixes(naming.suffixes().toArray(String[]::new))
          .table(SCRIPT_HISTORY_TABLE)
          .baselineOnMigrate(true).baselineVersion("0")
          .cleanDisabled(true);
      if (historySchema != null) {
        config.defaultSchema(historySchema);
      }
      Flyway flyway = flyway(login, config);
      try {
        flyway.migrate();
      } catch (FlywayException e) {
        throw new AutogenException(ExitCode.USAGE, script.getFileName() + " failed: " + reason(e), e);
      } finally {
        dropScriptHistory(login);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + script + ": " + e.getMessage(), e);
    } finally {
      deleteTree(scratch);
    }
  }

  /** The history table of {@link #runScript}, dropped after each script. */
  public static final String SCRIPT_HISTORY_TABLE = "autogen_script_history";

  private void dropScriptHistory(DatabaseLogin login) {
    String schema = historySchema(login);
    try (Connection connection = PostgresConnections.open(login.url(), login.user(), login.password());
        Statement drop = connection.createStatement()) {
      drop.execute("drop table if exists \"" + schema.replace("\"", "\"\"") + "\"." + SCRIPT_HISTORY_TABLE);
    } catch (SQLException e) {
      throw new AutogenException(ExitCode.DATABASE, "cannot drop " + SCRIPT_HISTORY_TABLE + " in " + login + ": "
          + reason(e), e);
    }
  }

  /**
   * Removes the newest applied row of Flyway's history when it records that version, so that the next
   * {@link #migrate(DatabaseLogin, MigrationVersion)} applies the migration again:
   * what Flyway Teams' {@code undo} records, for a scratch database on which {@code autogen verify} ran
   * the migration's undo file.
   *
   * @param login the database, never null
   * @param version the version undone, never null
   * @throws AutogenException with {@link ExitCode#DATABASE} when the history cannot be changed, or its
   *     newest row is not that version
   */
  public void forgetNewest(DatabaseLogin login, MigrationVersion version) {
    String schema = historySchema == null && !schemas.isEmpty() ? schemas.get(0) : historySchema(login);
    String table = "\"" + schema.replace("\"", "\"\"") + "\".\"" + historyTable.replace("\"", "\"\"") + "\"";
    try (Connection connection = PostgresConnections.open(login.url(), login.user(), login.password());
        Statement newest = connection.createStatement();
        ResultSet row = newest.executeQuery("select installed_rank, version from " + table
            + " order by installed_rank desc limit 1")) {
      String recorded = row.next() ? row.getString("version") : null;
      if (recorded == null || !MigrationVersion.fromVersion(recorded).equals(version)) {
        throw new AutogenException(ExitCode.DATABASE, "the newest row of " + table + " is not version " + version
            + " but " + recorded);
      }
      try (PreparedStatement delete = connection.prepareStatement("delete from " + table + " where installed_rank = ?")) {
        delete.setInt(1, row.getInt("installed_rank"));
        delete.executeUpdate();
      }
    } catch (SQLException e) {
      throw new AutogenException(ExitCode.DATABASE, "cannot change " + table + " in " + login + ": "
          + reason(e), e);
    }
  }

  private static void deleteTree(Path directory) {
    if (directory == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary directory of a copied script: left to the system's temporary-file cleanup
    }
  }

  /**
   * Reads the database's Flyway history (read only) against the directory, from the schema where Flyway
   * keeps it: {@code --flyway-schema}, else the connection's current schema, Flyway's default.
   *
   * @param login the database
   * @return the history table read and the migrations it lacks
   * @throws AutogenException with {@link ExitCode#USAGE} when {@code --flyway-schema} names a schema the
   *     database does not have; with {@link ExitCode#DATABASE} when Flyway cannot read the history
   * @throws dev.autogen.model.SchemaSourceException when the database cannot be reached
   */
  public History history(DatabaseLogin login) {
    String schema = historySchema(login);
    try {
      Flyway flyway = flyway(login, configure().schemas().defaultSchema(schema));
      MigrationInfoService info = flyway.info();
      return new History(schema + "." + historyTable, info.applied().length,
          Arrays.stream(info.pending()).map(MigrationInfo::getScript).toList());
    } catch (FlywayException e) {
      throw new AutogenException(ExitCode.DATABASE,
          "cannot read the Flyway history of " + login + ": " + reason(e), e);
    }
  }

  /**
   * What Flyway's own {@code info()} says about a live database against the directory, read only: each
   * migration with its state (Flyway's {@link org.flywaydb.core.api.MigrationState}: {@code SUCCESS},
   * {@code PENDING}, {@code FAILED}, {@code OUT_OF_ORDER}, {@code MISSING_SUCCESS}, {@code IGNORED}, ...)
   * and both checksums, Flyway's of the file and the recorded one ({@link MigrationInfo#isChecksumMatching()}).
   * The history is read from the schema {@link #history(DatabaseLogin)} reads it from.
   *
   * @param login the live database, never null
   * @return the history table read, schema-qualified, and Flyway's migration infos in Flyway's order
   * @throws AutogenException with {@link ExitCode#DATABASE} when the database cannot be reached or Flyway
   *     cannot read its history; with {@link ExitCode#USAGE} as {@link #history(DatabaseLogin)}
   */
  public Info info(DatabaseLogin login) {
    String schema = historySchema(login);
    try {
      Flyway flyway = flyway(login, configure().schemas().defaultSchema(schema));
      return new Info(schema + "." + historyTable, List.of(flyway.info().all()));
    } catch (FlywayException e) {
      throw new AutogenException(ExitCode.DATABASE,
          "cannot read the Flyway history of " + login + ": " + reason(e), e);
    }
  }

  /**
   * Flyway's view of a live database's history.
   *
   * @param table the history table read, schema-qualified ({@code public.flyway_schema_history})
   * @param migrations Flyway's infos, applied and resolved, in Flyway's order; never null
   */
  public record Info(String table, List<MigrationInfo> migrations) {

    /** Copies the list. */
    public Info {
      migrations = List.copyOf(migrations);
    }

    /**
     * @return Flyway's state of each versioned migration of the directory ({@code Success}, {@code
     *     Pending}, {@code Failed}, ...: {@link org.flywaydb.core.api.MigrationState#getDisplayName()}) by
     *     its version as Flyway prints it; applied entries without a file are left out
     */
    public java.util.Map<String, String> statesOfFiles() {
      java.util.Map<String, String> states = new java.util.HashMap<>();
      migrations.stream().filter(m -> m.getVersion() != null && m.getState().isResolved())
          .forEach(m -> states.putIfAbsent(m.getVersion().toString(), m.getState().getDisplayName()));
      return states;
    }
  }

  /**
   * The versioned migrations Flyway runs outside a transaction: its executor says it cannot run them in
   * one, from the script's {@code .sql.conf} ({@code executeInTransaction=false}) or, as Flyway's
   * PostgreSQL parser decides, from its statements ({@code CREATE INDEX CONCURRENTLY}). No database is
   * needed.
   *
   * @return their absolute paths
   * @throws AutogenException with {@link ExitCode#USAGE} when Flyway rejects the directory
   */
  public Set<Path> nonTransactional() {
    Set<Path> files = new java.util.HashSet<>();
    resolved(naming.prefix()).stream()
        .filter(m -> m.getPhysicalLocation() != null && !m.getExecutor().canExecuteInTransaction())
        .forEach(m -> files.add(Path.of(m.getPhysicalLocation()).toAbsolutePath()));
    return files;
  }

  /** @return {@code --flyway-schema} once checked to exist, else the connection's current schema */
  private String historySchema(DatabaseLogin login) {
    try (Connection connection = PostgresConnections.open(login.url(), login.user(), login.password());
        PreparedStatement exists = connection.prepareStatement("select 1 from pg_namespace where nspname = ?");
        Statement current = connection.createStatement()) {
      if (historySchema != null) {
        exists.setString(1, historySchema);
        try (ResultSet found = exists.executeQuery()) {
          if (!found.next()) {
            throw new AutogenException(ExitCode.USAGE, "--flyway-schema " + historySchema
                + ": schema does not exist in " + login + " (name the schema that holds " + historyTable + ")");
          }
        }
        return historySchema;
      }
      try (ResultSet schema = current.executeQuery("select current_schema()")) {
        String name = schema.next() ? schema.getString(1) : null;
        if (name == null) {
          throw new AutogenException(ExitCode.USAGE, "the search_path of " + login
              + " names no existing schema, so Flyway's history has no default place: name it with --flyway-schema");
        }
        return name;
      }
    } catch (SQLException e) {
      throw new AutogenException(ExitCode.DATABASE,
          "cannot read the Flyway history of " + login + ": " + reason(e), e);
    }
  }

  private static Flyway flyway(DatabaseLogin login, FluentConfiguration configuration) {
    // Flyway's default schema-history lock is held in an open transaction on a second connection,
    // which CREATE INDEX CONCURRENTLY (autogen's --online steps) waits for until its lock_timeout
    // cancels it; with a session-level advisory lock instead such migrations replay (Flyway
    // "PostgreSQL Transactional Lock", flyway.postgresql.transactional.lock=false).
    FluentConfiguration config = configuration.dataSource(login.url(), login.user(), login.password());
    config.getPluginRegister().getExact(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    return config.load();
  }

  /**
   * @return the configuration every use of the directory shares: its location, schemas, history table,
   *     the project's file naming (Flyway's own {@code sqlMigrationPrefix}, {@code sqlMigrationSeparator},
   *     {@code sqlMigrationSuffixes}), no clean
   */
  private FluentConfiguration configure() {
    return Flyway.configure()
        .locations("filesystem:" + directory)
        .sqlMigrationPrefix(naming.prefix())
        .sqlMigrationSeparator(naming.separator())
        .sqlMigrationSuffixes(naming.suffixes().toArray(String[]::new))
        .table(historyTable)
        .schemas(schemas.toArray(String[]::new))
        .cleanDisabled(true);
  }

  /**
   * Flyway's failure in one line: the first line of its message (e.g. {@code Failed to execute script
   * V3__a.sql}) and, when the database refused a statement, the database's own first line from the
   * {@link SQLException} in the cause chain (e.g. {@code ERROR: relation "a" already exists}), which
   * Flyway's message gives only on a later line of its report.
   *
   * @param e the failure, never null
   * @return one line, never null
   */
  static String reason(Throwable e) {
    String first = firstLine(e.getMessage());
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getMessage() != null) {
        String database = firstLine(sql.getMessage());
        return first.contains(database) ? first : first + ": " + database;
      }
    }
    return first;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    return message.strip().lines().filter(l -> !l.isBlank() && !l.startsWith("-")).findFirst().orElse(message.strip());
  }
}
