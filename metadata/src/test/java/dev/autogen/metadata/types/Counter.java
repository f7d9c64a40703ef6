package dev.autogen.metadata.types;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Uses the package-level generator of package-info and the auto-applied {@link MoneyConverter}. */
@Entity
public class Counter {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "counter_gen")
  Long id;

  Money balance;
}
