package dev.autogen.model;

import java.util.List;
import java.util.Objects;

/**
 * A view or materialized view. Entities do not declare views (a Hibernate {@code @Subselect} or
 * {@code @Immutable} entity maps onto one but never creates it), so the diff reports views as objects
 * the entities do not describe and never drops or creates them on their own; it drops and re-creates
 * one around a change of a column it reads only when asked to ({@code --recreate-dependent-views}),
 * from what this record keeps of the catalog.
 *
 * @param name the view name as stored in the catalog, never null
 * @param materialized whether it is a materialized view
 * @param definition the defining query as the catalog prints it ({@code pg_get_viewdef}), every
 *     relation schema-qualified, or null when unknown
 * @param comment the view's comment, or null for none
 * @param options its storage or view options as the catalog keeps them ({@code pg_class.reloptions},
 *     e.g. {@code security_barrier=true}, {@code check_option=local}), never null
 * @param indexes for a materialized view the definitions of its indexes, each a whole {@code CREATE
 *     INDEX} statement with every name schema-qualified ({@code pg_get_indexdef}); never null
 * @param populated whether a materialized view holds data ({@code pg_class.relispopulated}); true
 *     for a plain view
 * @param dependencies the relations and columns the definition reads ({@code pg_depend} of its
 *     rewrite rule), never null
 */
public record View(String name, boolean materialized, String definition, String comment, List<String> options,
    List<String> indexes, boolean populated, List<Dependency> dependencies) implements java.io.Serializable {

  /** @throws NullPointerException when name or a list is null */
  public View {
    Objects.requireNonNull(name, "name");
    options = List.copyOf(options);
    indexes = List.copyOf(indexes);
    dependencies = List.copyOf(dependencies);
  }

  /**
   * A view known by its definition only: no comment, options, indexes or dependencies, populated.
   *
   * @param name the view name, never null
   * @param materialized whether it is a materialized view
   * @param definition the defining query, or null when unknown
   * @throws NullPointerException when name is null
   */
  public View(String name, boolean materialized, String definition) {
    this(name, materialized, definition, null, List.of(), List.of(), true, List.of());
  }

  /**
   * One relation, or one column of it, that a view's definition reads.
   *
   * @param relation the table or view read, schema-qualified, exactly as stored; never null
   * @param column the column read, or null when the view depends on the relation as a whole
   */
  public record Dependency(QualifiedName relation, String column) implements java.io.Serializable {
    /** @throws NullPointerException when relation is null */
    public Dependency {
      Objects.requireNonNull(relation, "relation");
    }
  }
}
