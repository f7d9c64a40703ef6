package dev.autogen.metadata.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.Comment;

/** A product: sequence id with allocation size 50, numeric precision, unique constraints, indexes. */
@Entity
@Table(name = "product",
    uniqueConstraints = {
        @UniqueConstraint(name = "uk_product_sku_vendor", columnNames = {"sku", "vendor"}),
        @UniqueConstraint(columnNames = {"name", "vendor"})},
    indexes = {
        @Index(name = "idx_product_name", columnList = "name"),
        @Index(name = "ux_product_slug", columnList = "slug", unique = true),
        @Index(name = "idx_product_price_desc", columnList = "price desc, name")})
public class Product {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "product_gen")
  @SequenceGenerator(name = "product_gen", sequenceName = "product_seq", allocationSize = 50)
  Long id;

  @Column(nullable = false, length = 64)
  String sku;

  @Column(nullable = false, length = 64)
  String vendor;

  @Column(nullable = false)
  String name;

  @Column(length = 80)
  String slug;

  @Comment("Gross price in EUR")
  @Column(nullable = false, precision = 10, scale = 2)
  BigDecimal price;

  Double weight;

  UUID publicId;

  byte[] picture;

  @Enumerated(EnumType.ORDINAL)
  Category category;

  @ManyToOne
  Supplier supplier;

  @ManyToMany
  Set<Tag> tags;
}
