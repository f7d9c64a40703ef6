package dev.autogen.metadata.mapping.views;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.Subselect;
import org.hibernate.annotations.Synchronize;

/** A {@code @Subselect} entity: no table. */
@Entity
@Immutable
@Subselect("select c.id, c.name from Customer c")
@Synchronize("Customer")
public class CustomerSummary {
  @Id
  Long id;

  String name;
}
