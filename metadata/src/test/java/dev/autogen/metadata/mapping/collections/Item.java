package dev.autogen.metadata.mapping.collections;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.MapKeyJoinColumn;
import jakarta.persistence.OrderColumn;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Element collections of basics, embeddables and maps. */
@Entity
public class Item {
  @Id
  Long id;

  /** A set of basics with the default collection table (item_keywords) and no primary key. */
  @ElementCollection
  Set<String> keywords;

  /** A set of basics in a named collection table with a named join column and value column. */
  @ElementCollection
  @CollectionTable(name = "item_alias", joinColumns = @JoinColumn(name = "item"))
  @Column(name = "alias", length = 40, nullable = false)
  Set<String> aliases;

  /** A list with an order column: the primary key is (owner, position). */
  @ElementCollection
  @OrderColumn(name = "position")
  List<String> steps;

  /** A list of embeddables without order column: a bag, no primary key. */
  @ElementCollection
  @CollectionTable(name = "item_dimension")
  List<Dimension> dimensions;

  /** A set of embeddables: primary key over the owner and the not-null columns. */
  @ElementCollection
  Set<Dimension> limits;

  /** A map with a basic key column: primary key (owner, key). */
  @ElementCollection
  @MapKeyColumn(name = "lang", length = 8)
  @Column(name = "label")
  Map<String, String> labels;

  /** A map keyed by an enum stored as its name. */
  @ElementCollection
  @MapKeyEnumerated(EnumType.STRING)
  Map<Colour, Integer> stockByColour;

  /** A map keyed by an enum stored as its ordinal. */
  @ElementCollection
  Map<Colour, String> namesByColour;

  /** A map keyed by an entity, through a join column to it. */
  @ElementCollection
  @CollectionTable(name = "item_stock")
  @MapKeyJoinColumn(name = "warehouse_id")
  @Column(name = "quantity")
  Map<Warehouse, Integer> stock;
}
