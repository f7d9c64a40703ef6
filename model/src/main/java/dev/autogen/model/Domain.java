package dev.autogen.model;

import java.util.List;
import java.util.Objects;

/**
 * A domain: a named data type over a base type with optional NOT NULL, default and checks
 * (PostgreSQL docs, CREATE DOMAIN). A column of a domain type has a {@link SqlType} named after the
 * domain. Entities do not declare domains, so the diff treats a domain as an object the entities do
 * not describe: reported, never created or dropped.
 *
 * @param name the domain name as stored in the catalog, never null
 * @param baseType the canonical underlying type, never null
 * @param nullable false when the domain says NOT NULL
 * @param defaultValue the domain's default, or null
 * @param checks the domain's check constraints (expressions use {@code VALUE}), never null
 */
public record Domain(String name, SqlType baseType, boolean nullable, DefaultExpr defaultValue,
    List<CheckConstraint> checks) implements java.io.Serializable {

  /** @throws NullPointerException when name, baseType or checks is null */
  public Domain {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(baseType, "baseType");
    checks = List.copyOf(checks);
  }
}
