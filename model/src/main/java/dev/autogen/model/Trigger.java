package dev.autogen.model;

import java.util.Objects;

/**
 * A user-defined trigger on a table (PostgreSQL docs, CREATE TRIGGER; internal triggers that enforce
 * foreign keys are not triggers in this sense). Entities do not declare triggers, so the diff reports
 * them as objects the entities do not describe and never drops or creates them.
 *
 * @param name the trigger name, never null
 * @param definition the whole {@code CREATE TRIGGER} statement as the catalog prints it
 *     ({@code pg_get_triggerdef}), or null when unknown
 */
public record Trigger(String name, String definition) implements java.io.Serializable {

  /** @throws NullPointerException when name is null */
  public Trigger {
    Objects.requireNonNull(name, "name");
  }
}
