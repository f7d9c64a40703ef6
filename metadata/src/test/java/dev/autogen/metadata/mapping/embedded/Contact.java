package dev.autogen.metadata.mapping.embedded;

import jakarta.persistence.Embeddable;

/** An embeddable whose columns are all nullable: the component as a whole may be null. */
@Embeddable
public class Contact {
  String phone;
  String email;
  Integer priority;
}
