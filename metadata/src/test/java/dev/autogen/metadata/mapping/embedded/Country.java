package dev.autogen.metadata.mapping.embedded;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Referenced from inside an embeddable. */
@Entity
public class Country {
  @Id
  String code;

  String name;
}
