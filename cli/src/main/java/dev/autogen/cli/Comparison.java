package dev.autogen.cli;

import dev.autogen.cli.source.CurrentSchema;
import dev.autogen.codegen.Statement;
import dev.autogen.codegen.postgres.PostgresRenderer;
import dev.autogen.diff.DiffOptions;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.diff.SchemaDiff;
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
   * diffs and renders.
   *
   * @param options the command's options
   * @param migrationsRequired whether the migrations directory must exist (generate)
   * @return the comparison
   */
  static Comparison run(ProjectOptions options, boolean migrationsRequired) {
    CurrentSchema currentSchema = options.currentSchema(migrationsRequired);
    Catalog target = new HibernateEntityReader(options.entityOptions()).read();
    Catalog current = currentSchema.read();
    return of(current, target, options.renames);
  }

  /**
   * @param current the schema as it is
   * @param target the schema as it should be
   * @param renames confirmed renames
   * @return the comparison of the two
   */
  static Comparison of(Catalog current, Catalog target, List<String> renames) {
    MigrationPlan plan = new SchemaDiff(new DiffOptions(PostgresDialect.INSTANCE, renames)).diff(current, target);
    return new Comparison(current, target, plan, new PostgresRenderer().render(plan));
  }
}
