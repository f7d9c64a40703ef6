package dev.autogen.metadata.mapping.inheritance;

import jakarta.persistence.Entity;

/** Another TABLE_PER_CLASS leaf. */
@Entity
public class CheckingAccount extends Account {
  long overdraftLimit;
}
