package dev.autogen.metadata.mapping.associations;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The target of the many-to-many associations. */
@Entity
public class Label {
  @Id
  Long id;

  String text;
}
