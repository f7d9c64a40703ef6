package dev.autogen.cli.hazards.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The referenced side of {@link Child} and {@link Pet}. */
@Entity
public class Parent {
  @Id
  Long id;
}
