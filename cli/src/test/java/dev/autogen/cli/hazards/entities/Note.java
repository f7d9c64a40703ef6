package dev.autogen.cli.hazards.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;

/**
 * Columns whose type changes with a {@code USING} cast: {@code body} from {@code text} to {@code oid}
 * (a {@code @Lob} String on PostgreSQL), {@code code} from {@code varchar} to {@code integer}, {@code day}
 * from {@code text} to {@code date} (which the probe has no read-only check for before PostgreSQL 16).
 */
@Entity
public class Note {
  @Id
  Long id;

  @Lob
  String body;

  Integer code;

  java.time.LocalDate day;
}
