package dev.autogen.metadata.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import java.time.LocalDate;

/** Joined inheritance: a table per class, subclass keys referencing this one. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public class Shipment {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  LocalDate shippedOn;
}
