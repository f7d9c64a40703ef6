package dev.autogen.metadata.mapping.inheritance;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.DiscriminatorFormula;

/** SINGLE_TABLE with {@code @DiscriminatorFormula}: there is no discriminator column. */
@Entity
@DiscriminatorFormula("case when tax_number is null then 'P' else 'O' end")
@DiscriminatorValue("P")
public class Party {
  @Id
  Long id;

  String taxNumber;
}
