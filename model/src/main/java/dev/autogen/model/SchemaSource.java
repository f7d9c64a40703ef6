package dev.autogen.model;

/**
 * Something that yields a {@link Catalog}: a live database (module {@code introspect}) or a set of
 * entity classes (module {@code metadata}).
 */
public interface SchemaSource {

  /**
   * Reads the schema.
   *
   * @return the catalog, never null
   * @throws SchemaSourceException when the source cannot be read; its message is one line a user can
   *     act on
   */
  Catalog read();
}
