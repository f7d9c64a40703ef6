package dev.autogen.metadata.mapping.embedded;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

/** A composite primary key through {@code @EmbeddedId}. */
@Entity
public class Line {
  @EmbeddedId
  OrderLineId id;

  String product;
}
