package dev.autogen.metadata.mapping.nullsorder;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * {@code nulls last} in a {@code columnList}: Hibernate 7 takes {@code "at desc nulls last"} for one
 * column name and writes {@code create index ... ("at desc nulls last")}, which PostgreSQL rejects.
 */
@Entity
@Table(indexes = @Index(name = "event_at_idx", columnList = "at desc nulls last"))
public class Event {
  @Id
  Long id;

  java.time.Instant at;
}
