package dev.autogen.model;

import java.util.List;
import java.util.Objects;

/**
 * A named enumerated type (PostgreSQL "CREATE TYPE ... AS ENUM").
 *
 * @param name the type name, never null
 * @param values the labels in their sort order, never null
 */
public record EnumType(String name, List<String> values) implements java.io.Serializable {

  /** @throws NullPointerException when an argument is null */
  public EnumType {
    Objects.requireNonNull(name, "name");
    values = List.copyOf(Objects.requireNonNull(values, "values"));
  }
}
