package dev.autogen.metadata.broken;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.util.List;

/** An invalid mapping: {@code mappedBy} names an attribute the other side does not have. */
@Entity
public class Basket {
  @Id
  Long id;

  @OneToMany(mappedBy = "noSuchAttribute")
  List<BasketItem> items;
}
