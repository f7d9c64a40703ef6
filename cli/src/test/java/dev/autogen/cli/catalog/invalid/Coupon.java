package dev.autogen.cli.catalog.invalid;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * An entity with a unique index on {@code code}, which the database of InvalidIndexTest has only as an
 * INVALID index (its {@code CREATE UNIQUE INDEX CONCURRENTLY} failed over duplicate rows).
 */
@Entity
@Table(indexes = @Index(name = "ux_coupon_code", columnList = "code", unique = true))
public class Coupon {
  @Id
  Long id;

  @Column(length = 20)
  String code;
}
