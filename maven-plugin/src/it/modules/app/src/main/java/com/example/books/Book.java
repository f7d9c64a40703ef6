package com.example.books;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Book {

  @Id
  Long id;

  @Column(nullable = false, length = 200)
  String bookTitle;

  @Column(length = 13)
  String isbn;
}
