package dev.autogen.cli.source;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.Background;
import dev.autogen.cli.ExitCode;
import dev.autogen.cli.cache.CacheKey;
import dev.autogen.cli.cache.CatalogCache;
import dev.autogen.cli.cache.Noted;
import dev.autogen.cli.cache.ReplayCacheKey;
import dev.autogen.cli.cache.ReplayPrefixes;
import dev.autogen.introspect.IntrospectOptions;
import dev.autogen.introspect.PostgresIntrospector;
import dev.autogen.introspect.postgres.PostgresColumnDefinitionResolver;
import dev.autogen.model.Catalog;
import dev.autogen.model.ColumnDefinitionResolver;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Where the "current" schema comes from (DESIGN.md, Sources of the current schema): a Flyway
 * migrations directory, or a Liquibase changelog in a Liquibase project.
 *
 * <ul>
 *   <li>Live mode ({@code live} given): introspect that database, read only; when a migrations
 *       directory is known and the database's Flyway history lacks some of its migrations, refuse
 *       with "database is not at head".
 *   <li>Replay mode: create a scratch database on the dev server, apply the migrations directory with
 *       Flyway ({@link FlywayReplay}: as one migration group, else one migration at a time) or the
 *       changelog with Liquibase, introspect it, drop it. With the cache on, a Flyway history starts from
 *       a copy of the longest prefix the dev server keeps as a snapshot, and its head is kept as one
 *       ({@link ReplaySnapshots}).
 * </ul>
 *
 * @param live the target database of live mode, or null for replay mode
 * @param devUrl {@code --dev-url}: a JDBC URL, {@code docker}, or null for the embedded PostgreSQL
 * @param devUser the user for an explicit dev URL, or null
 * @param devPassword the password for an explicit dev URL, or null
 * @param migrations the migrations directory, or null when there is none or the project keeps its history
 *     in Liquibase (replay then starts empty, or from the changelog)
 * @param changelog the Liquibase changelog of a Liquibase project, or null: replay mode applies it with
 *     Liquibase, live mode requires every changeset it selects in {@code databasechangelog}
 * @param introspect which schemas and tables to read
 */
public record CurrentSchema(
    DatabaseLogin live, String devUrl, String devUser, String devPassword, FlywayMigrations migrations,
    LiquibaseChangelog changelog, IntrospectOptions introspect) {

  /**
   * @param cache the replayed-schema cache; replay mode reads and fills it, live mode never uses it
   *     (the database changes behind autogen's back); {@link CatalogCache#off()} for none
   * @return the current catalog, noted {@code live}, or {@code replay} and the cache's outcome; on a
   *     replay cache hit no dev server is started
   * @throws AutogenException with {@link ExitCode#DATABASE} when a database is unreachable or not at
   *     head, with {@link ExitCode#USAGE} when a migration fails to apply
   * @throws dev.autogen.model.SchemaSourceException when introspection fails
   */
  public Noted<Catalog> read(CatalogCache cache) {
    if (live != null) {
      // introspection first: it names an unreachable server, a refused login or a --schema the database
      // lacks in its own words, before the history is read
      Catalog catalog = introspect(live);
      if (changelog != null) {
        requireChangelogAtHead();
      } else if (migrations != null) {
        requireAtHead();
      }
      return new Noted<>(catalog, "live");
    }
    if (devUrl == null || devUrl.isBlank()) {
      // also on a cache hit, which starts no server: what killed runs left goes at the next run
      EmbeddedRuns.reapDead();
    }
    ReplayTrace trace = new ReplayTrace();
    Noted<Catalog> replayed = cache.get(() -> replayKey(cache), () -> replay(cache, trace)).prefixed("replay");
    String steps = trace.note();
    return steps == null ? replayed : new Noted<>(replayed.value(), replayed.note() + "; " + steps);
  }

  /**
   * The resolver of the entities' {@code columnDefinition} texts: PostgreSQL itself, on the dev server
   * ({@code --dev-url}, else an embedded PostgreSQL), in live mode too, since autogen never writes to
   * the target database. The server starts only when the entities have such texts, and stops when
   * they are resolved.
   *
   * @return the resolver, never null
   */
  public ColumnDefinitionResolver columnDefinitions() {
    return definitions -> {
      try (DevServer server = DevServer.resolve(devUrl, devUser, devPassword)) {
        DatabaseLogin admin = server.admin();
        return PostgresColumnDefinitionResolver.connectingTo(admin.url(), admin.user(), admin.password())
            .resolve(definitions);
      }
    };
  }

  /**
   * @return what identifies the dev server for caches ({@link DevServer#cacheIdentity}), or null when
   *     it cannot be known without starting it
   */
  public String devServerIdentity() {
    return DevServer.cacheIdentity(devUrl, devUser);
  }

  /** How many replay snapshots a dev server keeps ({@link ReplaySnapshots}). */
  public static final int SNAPSHOTS_KEPT = 4;

  /**
   * Replays into a scratch database: with the cache on, on a dev server whose databases outlive the run, a
   * Flyway history or a Liquibase changelog starts from the longest prefix a snapshot of the server holds
   * and keeps its head as one ({@link ReplaySnapshots}); otherwise from an empty database.
   */
  private Catalog replay(CatalogCache cache, ReplayTrace trace) {
    try (DevServer server = trace.measure("dev server", () -> DevServer.resolveForReplay(devUrl, devUser,
        devPassword, cache.directory().orElse(null)))) {
      trace.detail("dev server", server.describe());
      boolean snapshots = cache.isOn() && server.keepsDatabases();
      if (changelog != null) {
        return snapshots ? replayChangelogFromSnapshot(server, cache, trace) : replayChangelog(server, trace);
      }
      if (migrations != null && snapshots) {
        return replayFromSnapshot(server, cache, trace);
      }
      if (migrations != null) {
        trace.startedFrom(0, null);
      }
      try (ScratchDatabase scratch = migrations != null
          ? FlywayReplay.apply(migrations, () -> ScratchDatabase.create(server), trace)
          : trace.measure("database", () -> ScratchDatabase.create(server))) {
        return trace.measure("introspect", () -> introspect(scratch.login()));
      }
    }
  }

  /** Applies the changelog to an empty scratch database and reads it. */
  private Catalog replayChangelog(DevServer server, ReplayTrace trace) {
    try (ScratchDatabase scratch = trace.measure("database", () -> ScratchDatabase.create(server))) {
      trace.measure("migrate", () -> changelog.update(scratch.login()));
      return trace.measure("introspect", () -> introspect(scratch.login()));
    }
  }

  /** @return the settings a state's name includes besides the history: the schemas and the role */
  private String stateSettings(DevServer server) {
    // the role is part of a state's name: only the owner of a snapshot may copy it
    return String.join(",", introspect.schemas()) + "; role " + server.admin().user();
  }

  /**
   * Replays a Liquibase changelog from the longest prefix of its changesets a snapshot holds ({@link
   * LiquibaseChangelog#prefixes}): Liquibase's {@code update} applies what its {@code databasechangelog} in
   * the copy lacks. The head is kept as a snapshot.
   */
  private Catalog replayChangelogFromSnapshot(DevServer server, CatalogCache cache, ReplayTrace trace) {
    trace.counting("changesets");
    LiquibaseChangelog.Prefixes prefixes = trace.measure("hash", () -> changelog.prefixes(cache,
        stateSettings(server)));
    if (prefixes.states() == null) {
      trace.startedFrom(0, prefixes.fromNothing());
      return replayChangelog(server, trace);
    }
    ReplayPrefixes states = prefixes.states();
    ReplaySnapshots snapshots = new ReplaySnapshots(server.admin(), SNAPSHOTS_KEPT);
    Optional<ReplayPrefixes.Step> start = snapshots.longestKept(states);
    return evictingBeside(snapshots, states, start, from -> 0, trace, () -> {
      ScratchDatabase first = trace.measure("database", longest(server, snapshots, states, trace));
      int from = trace.startState();
      try (ScratchDatabase scratch = first) {
        trace.measure("migrate", () -> changelog.update(scratch.login()));
        states.head().ifPresent(head -> trace.applied(head.applied() - from));
        Catalog read = trace.measure("introspect", () -> introspect(scratch.login()));
        states.head().ifPresent(state -> trace.measure("snapshot", () -> snapshots.keep(scratch, state)));
        return read;
      }
    });
  }

  /**
   * @return what gives a scratch database holding the longest prefix of the states a snapshot of the server
   *     holds, or an empty one, recording in the trace which
   */
  private static Supplier<ScratchDatabase> longest(DevServer server, ReplaySnapshots snapshots,
      ReplayPrefixes states, ReplayTrace trace) {
    return () -> snapshots.copyLongest(server, states).map(copy -> {
      trace.startedFrom(copy.state().applied(), null);
      return copy.scratch();
    }).orElseGet(() -> {
      trace.startedFrom(0, null);
      return ScratchDatabase.create(server);
    });
  }

  /**
   * Runs a replay's work, from the copy of its start on, while the snapshots beyond what it will keep are
   * evicted beside it (a dropped snapshot of 1,000 tables takes a good part of a second), and waits for the
   * eviction. The snapshot the replay will start from is spared.
   *
   * @param start the state the replay will start from ({@link ReplaySnapshots#longestKept}), or empty
   * @param checkpoints how many snapshots the work keeps besides the head, when it starts there
   */
  private static Catalog evictingBeside(ReplaySnapshots snapshots, ReplayPrefixes states,
      Optional<ReplayPrefixes.Step> start, IntUnaryOperator checkpoints, ReplayTrace trace,
      Supplier<Catalog> work) {
    int room = checkpoints.applyAsInt(start.map(ReplayPrefixes.Step::applied).orElse(0))
        + (states.head().isPresent() ? 1 : 0);
    String spare = start.map(ReplaySnapshots::databaseOf).orElse(null);
    Background<Void> eviction = Background.start("autogen-snapshot-eviction", () -> {
      snapshots.evict(room, spare);
      return null;
    });
    Catalog catalog = eviction.afterFailureOf(work);
    try {
      trace.measure("eviction", eviction::join);
    } catch (AutogenException e) {
      // housekeeping: this run has its result
      System.err.println("autogen: warning: could not evict replay snapshots: " + e.getMessage());
    }
    return catalog;
  }

  /**
   * Replays from the longest prefix of the history a snapshot of the server holds, and keeps the head as a
   * snapshot (the scratch database itself, renamed). A replay that applies two or more migrations stops
   * before the last one to keep a copy of that state too, so that editing the newest migration (the usual
   * loop while writing one) replays only it. A directory whose replay a snapshot cannot continue ({@link
   * FlywayMigrations#replayStates}) replays from an empty database and keeps nothing.
   */
  private Catalog replayFromSnapshot(DevServer server, CatalogCache cache, ReplayTrace trace) {
    FlywayMigrations.ReplayStates states = trace.measure("hash",
        () -> migrations.replayStates(cache, stateSettings(server)));
    if (states.fromNothing().isPresent()) {
      trace.startedFrom(0, states.fromNothing().get());
      try (ScratchDatabase scratch = FlywayReplay.apply(migrations, () -> ScratchDatabase.create(server), trace)) {
        return trace.measure("introspect", () -> introspect(scratch.login()));
      }
    }
    ReplayPrefixes prefixes = states.prefixes();
    ReplaySnapshots snapshots = new ReplaySnapshots(server.admin(), SNAPSHOTS_KEPT);
    Supplier<ScratchDatabase> longest = longest(server, snapshots, prefixes, trace);
    Optional<ReplayPrefixes.Step> start = snapshots.longestKept(prefixes);
    return evictingBeside(snapshots, prefixes, start, from -> checkpointAfter(prefixes, from).isPresent() ? 1 : 0,
        trace, () -> {
      ScratchDatabase first = trace.measure("database", longest);
      Optional<ReplayPrefixes.Step> checkpoint = checkpointAfter(prefixes, trace.startState());
      ScratchDatabase head;
      if (checkpoint.isPresent()) {
        ScratchDatabase before = FlywayReplay.apply(migrations,
            MigrationVersion.fromVersion(checkpoint.get().version()), firstThen(first, longest), trace);
        try {
          trace.measure("checkpoint", () -> snapshots.saveCopy(before, checkpoint.get()));
        } catch (RuntimeException e) {
          before.close();
          throw e;
        }
        head = FlywayReplay.apply(migrations, firstThen(before, longest), trace);
      } else {
        head = FlywayReplay.apply(migrations, firstThen(first, longest), trace);
      }
      try (ScratchDatabase scratch = head) {
        Catalog read = trace.measure("introspect", () -> introspect(scratch.login()));
        prefixes.head().ifPresent(state -> trace.measure("snapshot", () -> snapshots.keep(scratch, state)));
        return read;
      }
    });
  }

  /**
   * @return the state before the newest migration, to keep as a checkpoint, when a replay starting from
   *     {@code from} migrations passes through it (two or more to apply)
   */
  private static Optional<ReplayPrefixes.Step> checkpointAfter(ReplayPrefixes prefixes, int from) {
    return prefixes.beforeHead().filter(step -> step.applied() > from);
  }

  /** @return a supplier giving {@code database} first, then what {@code then} gives (a replay's fallback) */
  private static Supplier<ScratchDatabase> firstThen(ScratchDatabase database, Supplier<ScratchDatabase> then) {
    boolean[] given = {false};
    return () -> {
      if (given[0]) {
        return then.get();
      }
      given[0] = true;
      return database;
    };
  }

  private CacheKey replayKey(CatalogCache cache) {
    String server = devServerIdentity();
    if (server == null) {
      return null;
    }
    if (changelog != null) {
      // every file under the changelog's root: the master and whatever it includes
      return ReplayCacheKey.of(cache, changelog.root(), "liquibase " + changelog.file() + " contexts="
          + changelog.contexts() + " labels=" + changelog.labels(), introspect, server);
    }
    return ReplayCacheKey.of(cache, migrations == null ? null : migrations.directory(),
        migrations == null ? null : migrations.naming().toString(), introspect, server);
  }

  private Catalog introspect(DatabaseLogin login) {
    return new PostgresIntrospector(login.url(), login.user(), login.password(), introspect).read();
  }

  private void requireChangelogAtHead() {
    List<String> unrun = changelog.unrun(live);
    if (!unrun.isEmpty()) {
      throw new AutogenException(ExitCode.DATABASE, "database is not at head: " + unrun.size() + " changeset(s) of "
          + changelog.path() + " are not in its databasechangelog (" + String.join(", ", unrun.subList(0,
          Math.min(5, unrun.size()))) + (unrun.size() > 5 ? ", ..." : "") + "); apply them first, e.g. liquibase update");
    }
  }

  private void requireAtHead() {
    FlywayMigrations.History history = migrations.history(live);
    List<String> pending = history.pending();
    if (!pending.isEmpty()) {
      String where = history.applied() > 0 ? ""
          : "; " + history.table() + " records no migration: if Flyway keeps its history in another schema, name it"
              + " with --flyway-schema";
      throw new AutogenException(ExitCode.DATABASE, "database is not at head: " + pending.size()
          + " migration(s) in " + migrations.directory() + " are not applied (" + String.join(", ", pending)
          + "); apply them first, e.g. flyway migrate" + where);
    }
  }
}
