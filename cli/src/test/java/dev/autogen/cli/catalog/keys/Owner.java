package dev.autogen.cli.catalog.keys;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.OneToMany;
import java.util.Set;

/**
 * The two mappings whose keys Hibernate's majors write differently (HibernateMajorKeysTest): a
 * unidirectional one-to-many through a join table, and a set of basics.
 */
@Entity
public class Owner {
  @Id
  Long id;

  /** 6.6: primary key (Owner_id, elements_id) plus unique (elements_id); 7.x: primary key (elements_id). */
  @OneToMany
  @JoinTable(name = "owner_element")
  Set<Element> elements;

  /** 6.6: no key; 7.x: unique (Owner_id, tag), tag nullable. */
  @ElementCollection
  @CollectionTable(name = "owner_tag")
  @Column(name = "tag")
  Set<String> tags;

  /** Both majors: primary key (Owner_id, alias). */
  @ElementCollection
  @CollectionTable(name = "owner_alias")
  @Column(name = "alias", nullable = false)
  Set<String> aliases;
}
