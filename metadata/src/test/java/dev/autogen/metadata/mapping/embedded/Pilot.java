package dev.autogen.metadata.mapping.embedded;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The owner side of a shared primary key. */
@Entity
public class Pilot {
  @Id
  Long id;

  String name;
}
