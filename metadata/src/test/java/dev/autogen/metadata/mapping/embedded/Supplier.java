package dev.autogen.metadata.mapping.embedded;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A nullable {@code @Embedded} component. */
@Entity
public class Supplier {
  @Id
  Long id;

  @Embedded
  Contact contact;
}
