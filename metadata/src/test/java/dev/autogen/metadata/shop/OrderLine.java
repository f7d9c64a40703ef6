package dev.autogen.metadata.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.Check;

/** A line of an order: table and column checks. */
@Entity
@Check(name = "order_line_quantity_positive", constraints = "quantity > 0")
public class OrderLine {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "order_id", nullable = false)
  PurchaseOrder order;

  @ManyToOne
  Product product;

  int quantity;

  @Check(constraints = "discount_percent between 0 and 100")
  @Column(name = "discount_percent")
  Integer discountPercent;
}
