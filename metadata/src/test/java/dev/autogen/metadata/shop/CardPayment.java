package dev.autogen.metadata.shop;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A {@link Payment} by card. */
@Entity
@DiscriminatorValue("CARD")
public class CardPayment extends Payment {
  String cardLastDigits;
}
