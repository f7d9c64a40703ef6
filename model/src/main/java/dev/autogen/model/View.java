package dev.autogen.model;

import java.util.Objects;

/**
 * A view or materialized view. Entities do not declare views (a Hibernate {@code @Subselect} or
 * {@code @Immutable} entity maps onto one but never creates it), so the diff reports views as objects
 * the entities do not describe and never drops or creates them.
 *
 * @param name the view name as stored in the catalog, never null
 * @param materialized whether it is a materialized view
 * @param definition the defining query as the catalog prints it ({@code pg_get_viewdef}), or null
 *     when unknown
 */
public record View(String name, boolean materialized, String definition) implements java.io.Serializable {

  /** @throws NullPointerException when name is null */
  public View {
    Objects.requireNonNull(name, "name");
  }
}
