package dev.autogen.metadata.mapping.inheritance;

import jakarta.persistence.Entity;
import jakarta.persistence.PrimaryKeyJoinColumn;

/** A JOINED subclass with an explicit primary key join column. */
@Entity
@PrimaryKeyJoinColumn(name = "vehicle_id")
public class Truck extends Vehicle {
  double payloadTons;
}
