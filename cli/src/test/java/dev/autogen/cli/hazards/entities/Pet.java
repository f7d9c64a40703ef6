package dev.autogen.cli.hazards.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/** A child whose foreign key cascades deletes, where the database's does not. */
@Entity
public class Pet {
  @Id
  Long id;

  @ManyToOne
  @OnDelete(action = OnDeleteAction.CASCADE)
  Parent parent;
}
