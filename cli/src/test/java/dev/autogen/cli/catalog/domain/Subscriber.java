package dev.autogen.cli.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Check;

/**
 * An entity whose columns the database of DomainColumnTest declares with domains: {@code email} and
 * {@code backup} with domains over {@code varchar(200)} (the second over the first), {@code quantity}
 * with one over {@code integer}. The entity says {@code varchar(200)} and {@code integer}: the same
 * values, and the same checks.
 */
@Entity
@Check(name = "subscriber_email_check", constraints = "email <> ''")
@Check(name = "subscriber_quantity_check", constraints = "quantity > 0")
public class Subscriber {
  @Id
  Long id;

  @Column(length = 200, nullable = false)
  String email;

  @Column(length = 200)
  String backup;

  Integer quantity;
}
