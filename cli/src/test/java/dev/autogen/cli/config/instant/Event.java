package dev.autogen.cli.config.instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An entity whose {@link Instant} maps to {@code timestamp with time zone} by default and to {@code
 * timestamp} with {@code hibernate.type.preferred_instant_jdbc_type=TIMESTAMP}; its names are explicit so
 * that no naming strategy changes them.
 */
@Entity
@Table(name = "event")
public class Event {
  @Id
  @Column(name = "id")
  Long id;

  @Column(name = "happened_at")
  Instant happenedAt;
}
