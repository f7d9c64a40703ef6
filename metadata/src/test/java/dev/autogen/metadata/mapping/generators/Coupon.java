package dev.autogen.metadata.mapping.generators;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** The default TABLE generator: Hibernate's {@code hibernate_sequences} table and its row. */
@Entity
public class Coupon {
  @Id
  @GeneratedValue(strategy = GenerationType.TABLE)
  Long id;
}
