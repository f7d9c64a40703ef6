package dev.autogen.diff;

import java.util.Objects;

/**
 * A table or sequence that a library on the application's class path creates and uses itself (Spring
 * Integration's lock and message tables, Spring Batch's job repository, Quartz's job store, ...). When
 * only the database has it, the plan neither drops nor alters it: it is reported as an {@link
 * UnmanagedKind#LIBRARY_TABLES} object, unless {@code --drop-unmanaged library-tables} asks for the drop.
 *
 * @param library the library that owns it, as a reader knows it, e.g. {@code Spring Integration}; never null
 * @param schema the schema it lives in as the catalog spells it, or null for whichever schema is
 *     compared (the library then creates it unqualified, in the connection's current schema)
 * @param name its name as the catalog spells it (already folded: {@code int_lock}), never null
 */
public record LibraryTable(String library, String schema, String name) {

  /** @throws NullPointerException when library or name is null */
  public LibraryTable {
    Objects.requireNonNull(library, "library");
    Objects.requireNonNull(name, "name");
  }

  /**
   * @param inSchema the schema of a table or sequence, never null
   * @param objectName its name as the catalog spells it, never null
   * @return whether it is this library's object: the same name, in this schema or, when this has none,
   *     in any
   */
  public boolean matches(String inSchema, String objectName) {
    return name.equals(objectName) && (schema == null || schema.equals(inSchema));
  }
}
