package dev.autogen.metadata.mapping.embedded;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.ManyToOne;

/** The outer level: nests {@link GeoPoint} and references a {@link Country}. */
@Embeddable
public class Location {
  @Column(length = 80)
  String city;

  @Embedded
  GeoPoint geo;

  @ManyToOne
  Country country;
}
