package dev.autogen.metadata.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/** Table-per-class inheritance with an abstract root: the root has no physical table. */
@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class Discount {
  @Id
  @GeneratedValue
  Long id;

  int percent;
}
