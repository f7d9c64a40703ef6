package dev.autogen.metadata.broken;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The other side of {@link Basket}'s broken association. */
@Entity
public class BasketItem {
  @Id
  Long id;
}
