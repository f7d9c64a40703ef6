package dev.autogen.metadata.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** A supplier in another schema; its id uses Hibernate's default generator (a {@code _SEQ} sequence). */
@Entity
@Table(schema = "inventory")
public class Supplier {
  @Id
  @GeneratedValue
  Long id;

  @Column(nullable = false, length = 120)
  String companyName;

  LocalTime opensAt;

  LocalDateTime lastDeliveryAt;

  short rank;

  double reliability;
}
