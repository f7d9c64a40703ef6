package dev.autogen.metadata.mapping.generators;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Shares the package-level sequence with {@link Ticket}. */
@Entity
public class Receipt {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shared_gen")
  Long id;
}
