package dev.autogen.cli.catalog.majors;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The element entity of {@link Team#players}. */
@Entity
public class Player {

  @Id
  Long id;

  String name;
}
