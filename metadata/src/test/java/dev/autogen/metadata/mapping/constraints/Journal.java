package dev.autogen.metadata.mapping.constraints;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Collate;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.SoftDelete;

/** An entity in the default schema with a collation, a filter (nothing) and soft delete (a column). */
@Entity
@Table(name = "journal")
@FilterDef(name = "recent", defaultCondition = "id > 100")
@Filter(name = "recent")
@SoftDelete
public class Journal {
  @Id
  Long id;

  @Collate("C")
  String code;
}
