package dev.autogen.cli.catalog.library;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The application's one entity beside the tables its libraries own ({@code LibraryTablesTest}). */
@Entity
public class Invoice {

  @Id
  Long id;

  String customer;
}
