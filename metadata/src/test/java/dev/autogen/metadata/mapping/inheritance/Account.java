package dev.autogen.metadata.mapping.inheritance;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.SequenceGenerator;

/** TABLE_PER_CLASS with a sequence (identity is not allowed): an abstract root has no table. */
@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class Account {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_gen")
  @SequenceGenerator(name = "account_gen", sequenceName = "account_seq", allocationSize = 20)
  Long id;

  String owner;
}
