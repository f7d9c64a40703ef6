package dev.autogen.cli.hazards.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A child whose foreign key has no delete action: the database's {@code ON DELETE CASCADE} goes. */
@Entity
public class Child {
  @Id
  Long id;

  @ManyToOne
  Parent parent;
}
