package dev.autogen.diff;

import java.util.Objects;

/**
 * An object that exists only in the database and that the entities do not describe; the plan leaves
 * it alone (see {@link UnmanagedKind}).
 *
 * @param kind what it is, never null
 * @param schema the schema it lives in, never null
 * @param table the table it belongs to, or null for a schema-level object (view, domain)
 * @param name its name: the index, constraint or trigger name, the column of a default or comment
 *     ({@code null} for a table comment), the view or domain name
 * @param definition what it is, as SQL-like text for a reviewer (e.g. {@code CREATE INDEX ...}, {@code
 *     DEFAULT now()}, {@code CHECK (price > 0)}), never null
 */
public record UnmanagedObject(UnmanagedKind kind, String schema, String table, String name, String definition) {

  /** @throws NullPointerException when kind, schema or definition is null */
  public UnmanagedObject {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(definition, "definition");
  }
}
