package dev.autogen.metadata.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.OneToOne;

/** One profile per customer: a one-to-one join column, text types. */
@Entity
public class CustomerProfile {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @OneToOne(optional = false)
  @JoinColumn(name = "customer_id")
  Customer customer;

  @Column(columnDefinition = "text")
  String biography;

  @Lob
  String notes;

  char initial;

  float rating;
}
