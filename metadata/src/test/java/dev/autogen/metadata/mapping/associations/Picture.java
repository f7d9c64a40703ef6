package dev.autogen.metadata.mapping.associations;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;

/** The target of the one-to-one and one-to-many associations. */
@Entity
public class Picture {
  @Id
  @GeneratedValue
  Long id;

  String url;

  /** The inverse side of a one-to-one: no column. */
  @OneToOne(mappedBy = "cover")
  Article coverOf;

  /** A mandatory many-to-one: the join column is not null. */
  @ManyToOne(optional = false)
  @JoinColumn(name = "owner_id")
  Label owner;
}
