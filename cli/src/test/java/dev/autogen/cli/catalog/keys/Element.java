package dev.autogen.cli.catalog.keys;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The element side of {@link Owner#elements}. */
@Entity
public class Element {
  @Id
  Long id;
}
