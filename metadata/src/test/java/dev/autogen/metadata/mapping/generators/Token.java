package dev.autogen.metadata.mapping.generators;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** {@code @GeneratedValue} without strategy: a sequence named after the entity. */
@Entity
public class Token {
  @Id
  @GeneratedValue
  Integer id;
}
