package dev.autogen.metadata.mapping.inheritance;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** Another SINGLE_TABLE subclass. */
@Entity
@DiscriminatorValue("2")
public class Cat extends Animal {
  Boolean indoor;
}
