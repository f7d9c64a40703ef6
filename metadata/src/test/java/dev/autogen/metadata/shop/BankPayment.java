package dev.autogen.metadata.shop;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A {@link Payment} by bank transfer. */
@Entity
@DiscriminatorValue("BANK")
public class BankPayment extends Payment {
  String iban;
}
