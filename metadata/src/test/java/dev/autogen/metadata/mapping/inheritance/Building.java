package dev.autogen.metadata.mapping.inheritance;

import jakarta.persistence.Entity;

/** A TABLE_PER_CLASS leaf under a concrete root. */
@Entity
public class Building extends Asset {
  int floors;
}
