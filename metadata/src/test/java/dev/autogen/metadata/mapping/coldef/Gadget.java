package dev.autogen.metadata.mapping.coldef;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Comment;

/** Columns whose type comes from {@code columnDefinition}, combined with what Hibernate appends. */
@Entity
public class Gadget {
  @Id
  @Column(columnDefinition = "int8")
  Long id;

  @Column(columnDefinition = "CHARACTER VARYING(20) DEFAULT 'x'", nullable = false)
  String code;

  @Column(columnDefinition = "text", unique = true)
  String slug;

  @Column(columnDefinition = "numeric(10, 2)")
  BigDecimal price;

  @Column(columnDefinition = "integer generated always as (6 * 7) stored", insertable = false, updatable = false)
  Integer answer;

  @ColumnDefault("5")
  @Column(columnDefinition = "int4")
  Integer rating;

  @ColumnDefault("0")
  @Check(constraints = "stock >= 0")
  @Comment("Units on hand")
  @Column(columnDefinition = "smallint not null")
  short stock;

  @Column(columnDefinition = "varchar(30) collate \"C\"")
  String sortKey;

  @Enumerated(EnumType.STRING)
  @Column(columnDefinition = "gadget_level")
  Level level;

  @Column(columnDefinition = "timestamptz default now() not null")
  java.time.Instant createdAt;

  @Column(columnDefinition = "bigint generated always as identity", insertable = false, updatable = false)
  Long serialNo;
}
