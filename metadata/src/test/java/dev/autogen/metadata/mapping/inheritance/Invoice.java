package dev.autogen.metadata.mapping.inheritance;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.math.BigDecimal;

/** A CHAR-discriminated subclass. */
@Entity
@DiscriminatorValue("I")
public class Invoice extends Document {
  BigDecimal total;
}
