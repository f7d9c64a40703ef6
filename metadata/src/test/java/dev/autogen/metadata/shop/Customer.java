package dev.autogen.metadata.shop;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Set;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Comment;

/** A buyer: identity id, unique e-mail, a camelCase field, an embedded address, defaults, a comment. */
@Entity
@Table(name = "customer")
@Comment("People who buy")
public class Customer extends Auditable {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(nullable = false, unique = true, length = 320)
  String email;

  String displayName;

  @Embedded
  Address address;

  LocalDate birthDate;

  @ColumnDefault("false")
  @Column(nullable = false)
  Boolean vip;

  @Enumerated(EnumType.STRING)
  @ColumnDefault("'ACTIVE'")
  @Column(nullable = false, length = 16)
  CustomerStatus status;

  @ElementCollection
  @CollectionTable(name = "customer_phone")
  @Column(name = "phone", length = 32)
  Set<String> phoneNumbers;
}
