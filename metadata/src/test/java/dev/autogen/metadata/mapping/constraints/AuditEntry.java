package dev.autogen.metadata.mapping.constraints;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** {@code @Table(catalog = ...)}: PostgreSQL names no catalogs in DDL, so Hibernate leaves it out. */
@Entity
@Table(name = "audit_entry", catalog = "archive")
public class AuditEntry {
  @Id
  Long id;

  String action;
}
