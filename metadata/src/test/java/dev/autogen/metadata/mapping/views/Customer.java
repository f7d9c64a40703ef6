package dev.autogen.metadata.mapping.views;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The one real table of this package. */
@Entity
public class Customer {
  @Id
  Long id;

  String name;
}
