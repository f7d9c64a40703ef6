package dev.autogen.metadata.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A postal address embedded in {@link Customer}. */
@Embeddable
public class Address {
  @Column(length = 200)
  String street;

  String city;

  @Column(length = 16)
  String postalCode;
}
