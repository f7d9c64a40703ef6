package dev.autogen.cli;

import dev.autogen.cli.cache.CatalogCache;
import dev.autogen.cli.cache.EntityCacheKey;
import dev.autogen.cli.source.CurrentSchema;
import dev.autogen.codegen.Statement;
import dev.autogen.codegen.postgres.PostgresRenderer;
import dev.autogen.diff.DiffOptions;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.diff.SchemaDiff;
import dev.autogen.metadata.EntityModelOptions;
import dev.autogen.metadata.HibernateEntityReader;
import dev.autogen.model.Catalog;
import dev.autogen.model.postgres.PostgresDialect;
import java.util.List;

/**
 * One run of the pipeline: entities (target) and database (current) read into the model, diffed, and
 * rendered as PostgreSQL statements.
 *
 * @param current the schema as it is
 * @param target the schema the entities describe
 * @param plan the ordered changes with their hazards
 * @param statements the plan rendered as SQL, one statement group per change
 */
record Comparison(Catalog current, Catalog target, MigrationPlan plan, List<Statement> statements) {

  /**
   * Checks the options that need no input or output first (URLs, directories), then reads the
   * entities (a wrong class path fails before any database starts), then the current schema, then
   * diffs and renders. The entities, and in replay mode the current schema, come from the cache when
   * nothing they depend on changed. With {@code --timings} it prints each phase's time.
   *
   * @param options the command's options
   * @param migrationsRequired whether the migrations directory must exist (generate)
   * @return the comparison
   */
  static Comparison run(ProjectOptions options, boolean migrationsRequired) {
    Timings timings = options.timings();
    CurrentSchema currentSchema = options.currentSchema(migrationsRequired);
    CatalogCache cache = options.cache();
    EntityModelOptions entities = options.entityOptions();
    Catalog target = timings.measureNoted("entities",
        () -> cache.get(() -> EntityCacheKey.of(cache, entities), () -> new HibernateEntityReader(entities).read()));
    Catalog current = timings.measureNoted("current schema", () -> currentSchema.read(cache));
    Comparison comparison = of(current, target, options.renames, timings);
    timings.print();
    return comparison;
  }

  /**
   * @param current the schema as it is
   * @param target the schema as it should be
   * @param renames confirmed renames
   * @return the comparison of the two
   */
  static Comparison of(Catalog current, Catalog target, List<String> renames) {
    return of(current, target, renames, Timings.silent());
  }

  private static Comparison of(Catalog current, Catalog target, List<String> renames, Timings timings) {
    MigrationPlan plan = timings.measure("diff",
        () -> new SchemaDiff(new DiffOptions(PostgresDialect.INSTANCE, renames)).diff(current, target));
    List<Statement> statements = timings.measure("render", () -> new PostgresRenderer().render(plan));
    return new Comparison(current, target, plan, statements);
  }
}
