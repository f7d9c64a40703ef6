package dev.autogen.metadata.mapping.types;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

/** An {@code Instant} version column. */
@Entity
public class InstantVersioned {
  @Id
  Long id;

  @Version
  Instant version;
}
