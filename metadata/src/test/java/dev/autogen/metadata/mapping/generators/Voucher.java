package dev.autogen.metadata.mapping.generators;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** Its own sequence in another schema, allocation size 1, custom start. */
@Entity
@Table(schema = "billing")
public class Voucher {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "voucher_gen")
  @SequenceGenerator(name = "voucher_gen", sequenceName = "voucher_number_seq", schema = "billing",
      initialValue = 500, allocationSize = 1)
  Long id;
}
