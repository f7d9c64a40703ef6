package dev.autogen.metadata.shop;

import jakarta.persistence.Entity;

/** A {@link Discount} for a season. */
@Entity
public class SeasonalDiscount extends Discount {
  String season;
}
