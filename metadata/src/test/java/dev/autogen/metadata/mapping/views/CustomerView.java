package dev.autogen.metadata.mapping.views;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.View;

/** A Hibernate 7 {@code @View} entity: Hibernate creates a view, not a table. */
@Entity
@Immutable
@Table(name = "customer_names")
@View(query = "select id, name from Customer")
public class CustomerView {
  @Id
  Long id;

  String name;
}
