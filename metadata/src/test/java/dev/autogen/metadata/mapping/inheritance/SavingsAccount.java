package dev.autogen.metadata.mapping.inheritance;

import jakarta.persistence.Entity;

/** A TABLE_PER_CLASS leaf: its table repeats the root's columns. */
@Entity
public class SavingsAccount extends Account {
  double rate;
}
