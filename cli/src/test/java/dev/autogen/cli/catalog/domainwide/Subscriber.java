package dev.autogen.cli.catalog.domainwide;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Check;

/**
 * The next version of {@link dev.autogen.cli.catalog.domain.Subscriber}: {@code email} widened to
 * {@code varchar(300)}, which takes the column off its domain.
 */
@Entity
@Check(name = "subscriber_email_check", constraints = "email <> ''")
@Check(name = "subscriber_quantity_check", constraints = "quantity > 0")
public class Subscriber {
  @Id
  Long id;

  @Column(length = 300, nullable = false)
  String email;

  @Column(length = 200)
  String backup;

  Integer quantity;
}
