package dev.autogen.metadata.shop;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/** Creation and update times shared by several entities. */
@MappedSuperclass
public abstract class Auditable {
  @Column(nullable = false)
  Instant createdAt;

  Instant updatedAt;
}
