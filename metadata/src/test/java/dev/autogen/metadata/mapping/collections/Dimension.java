package dev.autogen.metadata.mapping.collections;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An element-collection embeddable. */
@Embeddable
public class Dimension {
  @Column(nullable = false, length = 20)
  String axis;

  double size;
}
