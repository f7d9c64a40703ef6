package dev.autogen.cli;

import dev.autogen.cli.baseline.AppliedBaseline;
import dev.autogen.cli.baseline.BaselineFile;
import dev.autogen.cli.cache.CatalogCache;
import dev.autogen.cli.cache.EntityCacheKey;
import dev.autogen.cli.rename.RenamePrompt;
import dev.autogen.cli.rename.RenamesFile;
import dev.autogen.cli.source.CurrentSchema;
import dev.autogen.cli.source.DatabaseLogin;
import dev.autogen.codegen.Statement;
import dev.autogen.codegen.postgres.online.OnlineOptions;
import dev.autogen.codegen.postgres.online.OnlinePostgresRenderer;
import dev.autogen.diff.DiffOptions;
import dev.autogen.diff.InvalidRenameException;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.diff.SchemaDiff;
import dev.autogen.diff.baseline.Baseline;
import dev.autogen.diff.baseline.ChangeFingerprints;
import dev.autogen.diff.rename.RenameCandidates;
import dev.autogen.diff.risk.PlanContext;
import dev.autogen.cli.cache.Noted;
import dev.autogen.introspect.postgres.PostgresDataProbe;
import dev.autogen.metadata.EntityModelOptions;
import dev.autogen.metadata.EntityReaders;
import dev.autogen.model.Catalog;
import dev.autogen.model.HibernateUsed;
import dev.autogen.model.TableFilter;
import dev.autogen.model.postgres.PostgresDialect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One run of the pipeline: entities (target) and database (current) read into the model, diffed, the
 * differences a baseline accepts left out, and the rest rendered as PostgreSQL statements.
 *
 * @param current the schema as it is
 * @param target the schema the entities describe
 * @param plan the ordered changes with their hazards, without the differences the baseline accepts
 * @param statements the plan rendered as SQL, one statement group per change
 * @param baseline the baseline applied, or null when there is none (its file does not exist, or the
 *     run asked for the whole plan)
 * @param hibernate the Hibernate that read the entities, or null when the target did not come from
 *     entities read in this run (a comparison of two given catalogs)
 */
record Comparison(Catalog current, Catalog target, MigrationPlan plan, List<Statement> statements,
    AppliedBaseline baseline, HibernateUsed hibernate) {

  /**
   * @param hibernate the Hibernate that read the entities
   * @return this comparison saying so
   */
  Comparison withHibernate(HibernateUsed hibernate) {
    return new Comparison(current, target, plan, statements, baseline, hibernate);
  }

  /**
   * Checks the options that need no input or output first (table globs, named files, backfill
   * expressions, URLs, directories, the baseline file),
   * then reads the entities (a wrong class path fails before any database starts), then the current
   * schema, then diffs (in live mode with the server's version and a read-only probe that measures
   * each hazard on the data, unless {@code --no-probe}), leaves out what the baseline file ({@code --baseline}) accepts, and renders.
   * The entities, and in replay mode the current schema, come from the cache when nothing they depend
   * on changed. With {@code --timings} it prints each phase's time.
   *
   * @param options the command's options
   * @param migrationsRequired whether the migrations directory must exist (generate)
   * @return the comparison
   * @throws AutogenException with {@link ExitCode#USAGE} when the baseline file is not one
   */
  static Comparison run(ProjectOptions options, boolean migrationsRequired) {
    return run(options, migrationsRequired, (RenamePrompt) null);
  }

  /**
   * As {@link #run(ProjectOptions, boolean)}, and with a prompt, asks about the suspected renames on
   * the terminal and diffs again with those confirmed (generate).
   *
   * @param options the command's options
   * @param migrationsRequired whether the migrations directory must exist
   * @param prompt where to ask about suspected renames, or null to ask nothing
   * @return the comparison, with the renames confirmed on the terminal applied
   */
  static Comparison run(ProjectOptions options, boolean migrationsRequired, RenamePrompt prompt) {
    Path file = options.existingBaselineFile();
    return run(options, migrationsRequired, BaselineFile.read(file).map(b -> new Baselined(file, b)).orElse(null),
        prompt);
  }

  /**
   * As {@link #run(ProjectOptions, boolean)} but the whole plan, no baseline applied ({@code autogen
   * baseline} records from it).
   *
   * @param options the command's options
   * @return the comparison, {@link #baseline()} null
   */
  static Comparison whole(ProjectOptions options) {
    return run(options, false, null, null);
  }

  /** A baseline and the file it came from. */
  private record Baselined(Path file, Baseline baseline) {}

  private static Comparison run(ProjectOptions options, boolean migrationsRequired, Baselined baseline,
      RenamePrompt prompt) {
    Timings timings = options.timings();
    TableFilter tables = options.tableFilter();
    options.renames();
    options.onlineOptions();
    CurrentSchema currentSchema = options.currentSchema(migrationsRequired);
    CatalogCache cache = options.cache();
    EntityModelOptions entities = options.entityOptions();
    HibernateUsed hibernate = EntityReaders.hibernateUsed(entities);
    // the current schema is read while the entities are: the two are independent, and a replay waits on
    // PostgreSQL for seconds while Hibernate's boot keeps this JVM busy
    timings.order("entities", "current schema");
    Background<Catalog> currentRead = Background.start("autogen-current-schema",
        () -> timings.measureNoted("current schema", () -> currentSchema.read(cache)));
    Catalog target = currentRead.afterFailureOf(() -> timings.measureNoted("entities", () -> {
      Noted<Catalog> read = cache.get(() -> EntityCacheKey.of(cache, entities, currentSchema.devServerIdentity()),
          () -> EntityReaders.reader(entities, currentSchema.columnDefinitions()).read());
      // no parentheses inside the note: the timings line keeps one pair per phase
      return new Noted<>(read.value(), read.note() + ", Hibernate " + hibernate.version() + " ["
          + hibernate.source().label() + "]");
    }));
    options.verbose("entities: read by " + hibernate);
    // both sides through one filter: a table left out is neither created nor dropped (issue 9, #3)
    target = tables.applyTo(target);
    Catalog current = tables.applyTo(currentRead.join());
    DatabaseLogin live = currentSchema.live();
    if (live == null) {
      // replay mode applies SQL migrations only: say so when the project has Java migrations (generate --java)
      MigrationFiles.notReplayed(MigrationFiles.JavaTarget.of(options)).ifPresent(line -> {
        options.command.commandLine().getErr().println(line);
        options.command.commandLine().getErr().flush();
      });
    }
    if (live == null || options.noProbe) {
      Comparison comparison = compare(current, target, options::diffOptions, options, baseline, timings, prompt)
          .withHibernate(hibernate);
      timings.print();
      return comparison;
    }
    // live mode: hazards are measured on the data, rewrite and lock rules follow the server's version
    try (PostgresDataProbe probe = PostgresDataProbe.open(live.url(), live.user(), live.password())) {
      int version = probe.serverVersion();
      Comparison comparison = compare(current, target,
          confirmed -> options.diffOptions(confirmed).withServerVersion(version).withProbe(probe), options, baseline,
          timings, prompt).withHibernate(hibernate);
      timings.print();
      return comparison;
    }
  }

  /**
   * Diffs; with a prompt, asks about each rename candidate of the plan ({@link RenameCandidates}) and
   * diffs again with the renames confirmed, until a round confirms none.
   *
   * @throws AutogenException naming the renames file's line when a rename of that file names nothing
   */
  private static Comparison compare(Catalog current, Catalog target, Function<List<String>, DiffOptions> diffOptions,
      ProjectOptions options, Baselined baseline, Timings timings, RenamePrompt prompt) {
    List<String> confirmed = new ArrayList<>();
    while (true) {
      DiffOptions o = diffOptions.apply(confirmed);
      Comparison comparison;
      try {
        comparison = of(current, target, o, baseline, timings, options.onlineOptions());
      } catch (InvalidRenameException e) {
        throw RenamesFile.located(e, RenamesFile.read(options.renamesFile()));
      }
      List<String> now = prompt == null ? List.of() : prompt.confirm(RenameCandidates.of(
          PlanContext.of(o.dialect(), comparison.plan().changes(), o.serverVersion(), o.probe())));
      if (now.isEmpty()) {
        return comparison;
      }
      confirmed.addAll(now);
    }
  }

  /**
   * @param current the schema as it is
   * @param target the schema as it should be
   * @param renames confirmed renames
   * @return the comparison of the two, without a baseline
   */
  static Comparison of(Catalog current, Catalog target, List<String> renames) {
    return of(current, target, DiffOptions.forEntities(PostgresDialect.INSTANCE, renames), null, Timings.silent(),
        OnlineOptions.of(false, List.of()));
  }

  /**
   * Compares two catalogs as a run of the command does once it has read them ({@link #run}): diffed
   * with the command's options ({@link ProjectOptions#diffOptions()}) and rendered with its online
   * options ({@link ProjectOptions#onlineOptions()}); no baseline, no prompt, no data probe.
   *
   * @param current the schema as it is, never null
   * @param target the schema as it should be, never null
   * @param options the command's options, never null
   * @return the comparison
   * @throws AutogenException with {@link ExitCode#USAGE} as {@link #run} for options that are not valid
   */
  static Comparison of(Catalog current, Catalog target, ProjectOptions options) {
    return of(current, target, options.diffOptions(), null, Timings.silent(), options.onlineOptions());
  }

  /** @return the fingerprints baselines identify differences by */
  static ChangeFingerprints fingerprints() {
    return new ChangeFingerprints(PostgresDialect.INSTANCE);
  }

  /**
   * @param online how to render: online-safe and with the backfills ({@link OnlinePostgresRenderer},
   *     which renders as the plain renderer without either)
   * @throws AutogenException with {@link ExitCode#USAGE} when a {@code --fill} names a column the plan
   *     neither adds as NOT NULL nor makes NOT NULL
   */
  private static Comparison of(Catalog current, Catalog target, DiffOptions diffOptions, Baselined baseline,
      Timings timings, OnlineOptions online) {
    MigrationPlan whole = timings.measure("diff", () -> new SchemaDiff(diffOptions).diff(current, target));
    AppliedBaseline applied = baseline == null ? null
        : new AppliedBaseline(baseline.file(), baseline.baseline().apply(whole, fingerprints()));
    MigrationPlan plan = applied == null ? whole : applied.outcome().plan();
    OnlinePostgresRenderer.unusedFill(plan, online.fills()).ifPresent(message -> {
      throw new AutogenException(ExitCode.USAGE, message);
    });
    List<Statement> statements = timings.measure("render", () -> new OnlinePostgresRenderer(online, current).render(plan));
    return new Comparison(current, target, plan, statements, applied, null);
  }
}
