package dev.autogen.metadata.mapping.embedded;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.LocalDate;

/** A composite primary key through {@code @IdClass}. */
@Entity
@IdClass(Flight.Key.class)
public class Flight {

  /** The id class. */
  public record Key(String carrier, int number, LocalDate day) implements Serializable {}

  @Id
  String carrier;

  @Id
  int number;

  @Id
  LocalDate day;

  String origin;
}
