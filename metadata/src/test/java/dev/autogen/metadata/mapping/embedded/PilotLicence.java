package dev.autogen.metadata.mapping.embedded;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;

/** {@code @MapsId} on a one-to-one: the primary key is also the foreign key to {@link Pilot}. */
@Entity
public class PilotLicence {
  @Id
  Long id;

  @MapsId
  @OneToOne
  Pilot pilot;

  String grade;
}
