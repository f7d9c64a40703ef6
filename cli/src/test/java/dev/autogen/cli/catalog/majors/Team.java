package dev.autogen.cli.catalog.majors;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.util.Set;

/**
 * The two mappings whose DDL differs between Hibernate 6.6 and 7.x: a unidirectional {@code @OneToMany}
 * (a join table: 6.6 keys it on both columns plus a unique element column, 7.x on the element column)
 * and an element collection of basics (7.x adds a unique on owner and value, 6.6 nothing).
 */
@Entity
public class Team {

  @Id
  Long id;

  String name;

  @OneToMany
  Set<Player> players;

  @ElementCollection
  Set<String> tags;
}
