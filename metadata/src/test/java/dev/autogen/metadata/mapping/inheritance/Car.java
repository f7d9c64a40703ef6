package dev.autogen.metadata.mapping.inheritance;

import jakarta.persistence.Entity;

/** A JOINED subclass with the implicit primary key join column. */
@Entity
public class Car extends Vehicle {
  int seats;
}
