package dev.autogen.metadata.mapping.inheritance;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A SINGLE_TABLE subclass: its primitive column becomes nullable in the shared table. */
@Entity
@DiscriminatorValue("1")
public class Dog extends Animal {
  int barkVolume;
}
