package dev.autogen.metadata.mapping.types;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A {@code long} version column. */
@Entity
public class LongVersioned {
  @Id
  Long id;

  @Version
  long version;
}
