package dev.autogen.cli.catalog.time;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * An entity whose two time columns switch time zone handling against the database of TimeTypesTest:
 * {@code starts_at} is {@code timestamptz} there and {@code timestamp(6)} here, {@code ends_at}
 * {@code timestamp} there and {@code timestamp(6) with time zone} here.
 */
@Entity
public class Visit {
  @Id
  Long id;

  @Column(name = "starts_at")
  LocalDateTime startsAt;

  @Column(name = "ends_at")
  OffsetDateTime endsAt;
}
