package dev.autogen.metadata.mapping.collections;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A map key entity. */
@Entity
public class Warehouse {
  @Id
  Integer id;

  String name;
}
