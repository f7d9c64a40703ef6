package dev.autogen.metadata.shop;

import jakarta.persistence.Entity;

/** A {@link Discount} redeemed by code. */
@Entity
public class VoucherDiscount extends Discount {
  String code;
}
