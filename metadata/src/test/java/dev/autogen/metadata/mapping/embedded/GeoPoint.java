package dev.autogen.metadata.mapping.embedded;

import jakarta.persistence.Embeddable;

/** The inner level of a two-level embeddable. */
@Embeddable
public class GeoPoint {
  double lat;
  double lon;
}
