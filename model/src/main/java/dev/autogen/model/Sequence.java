package dev.autogen.model;

import java.util.Objects;

/**
 * A sequence generator (PostgreSQL "CREATE SEQUENCE"). Only the properties Hibernate's DDL sets are
 * modelled: start and increment.
 *
 * @param name the sequence name, never null
 * @param start the start value
 * @param increment the increment, e.g. Hibernate's allocation size (50 by default)
 */
public record Sequence(String name, long start, long increment) implements java.io.Serializable {

  /** @throws NullPointerException when name is null */
  public Sequence {
    Objects.requireNonNull(name, "name");
  }
}
