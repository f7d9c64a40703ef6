package dev.autogen.metadata.mapping.inheritance;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A formula-discriminated subclass. */
@Entity
@DiscriminatorValue("O")
public class Organisation extends Party {
  String legalForm;
}
