package dev.autogen.cli.convergence;

import dev.autogen.cli.RoundTrips;
import dev.autogen.codegen.Statement;
import dev.autogen.model.Catalog;
import dev.autogen.model.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A generated (current, target) pair related like a real migration: the target is the current
 * schema after more steps. Shown in a counterexample as the steps and as the SQL that creates each
 * schema from nothing.
 *
 * @param build the steps that build the current schema from an empty one
 * @param migrate the steps that turn it into the target
 */
record SchemaPair(List<Step> build, List<Step> migrate) {

  /** @return the current schema */
  Catalog current() {
    return new Catalog(List.of(Step.build(build).toSchema()));
  }

  /** @return the target schema */
  Catalog target() {
    List<Step> all = new ArrayList<>(build);
    all.addAll(migrate);
    return new Catalog(List.of(Step.build(all).toSchema()));
  }

  /**
   * @param schema a catalog
   * @return the statements that create it in an empty database: the rendering of the diff from an
   *     empty catalog, which the properties apply and so prove valid
   */
  static List<Statement> creation(Catalog schema) {
    return RoundTrips.migration(new Catalog(List.of(Schema.empty(Draft.SCHEMA))), schema, List.of());
  }

  /**
   * @param statements a rendering
   * @return its forward SQL, one statement per line, as a migration file has it
   */
  static String sql(List<Statement> statements) {
    return statements.stream().flatMap(s -> s.sql().stream()).collect(Collectors.joining(";\n", "", ";"));
  }

  /**
   * @param statements a rendering
   * @return its reverse SQL in undo order, as the undo file has it
   */
  static String reverseSql(List<Statement> statements) {
    List<String> sql = new ArrayList<>();
    for (int i = statements.size() - 1; i >= 0; i--) {
      sql.addAll(statements.get(i).reverseSql());
    }
    return String.join(";\n", sql) + ";";
  }

  @Override
  public String toString() {
    return "\n-- build: " + build + "\n-- migrate: " + migrate
        + "\n-- current:\n" + sql(creation(current())) + "\n-- target:\n" + sql(creation(target())) + "\n";
  }
}
