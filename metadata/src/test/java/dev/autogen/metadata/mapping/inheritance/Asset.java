package dev.autogen.metadata.mapping.inheritance;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.TableGenerator;

/** TABLE_PER_CLASS with a concrete root (it has a table too) and a TABLE generator. */
@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public class Asset {
  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "asset_gen")
  @TableGenerator(name = "asset_gen", table = "id_blocks", pkColumnName = "block", valueColumnName = "next_hi",
      pkColumnValue = "asset", allocationSize = 10)
  Long id;

  String label;
}
