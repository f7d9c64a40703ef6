package dev.autogen.metadata.mapping.inheritance;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** SINGLE_TABLE (the default strategy) with a CHAR discriminator. */
@Entity
@DiscriminatorColumn(discriminatorType = DiscriminatorType.CHAR)
@DiscriminatorValue("D")
public class Document {
  @Id
  Long id;

  String title;
}
